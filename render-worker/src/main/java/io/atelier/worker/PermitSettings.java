package io.atelier.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/**
 * How much one worker renders at once (ATELIER_WORKER_PERMITS_*): built-in steps are bounded by CPU and memory,
 * generative calls by what the provider allows; the two are separate, so sessions waiting on a provider never
 * keep built-in steps of other sessions from rendering.
 */
@ConfigMapping(prefix = "atelier.worker.permits")
public interface PermitSettings {
    /** Built-in renders at once (decode, pixel maths, encode of a whole photo each); unset means the processors the JVM sees. */
    OptionalInt builtIn();

    /** Calls to an OpenAI-compatible Images API waited on at once: a paid key's rate limit is shared by every worker. */
    @WithDefault("8")
    int openai();

    /** Calls to BFL Kontext waited on at once (each polls its own task). */
    @WithDefault("8")
    int bfl();

    /** Prompts queued on the ComfyUI server at once: a GPU box paints one or two at a time, more only wait there. */
    @WithDefault("2")
    int comfyui();
}
