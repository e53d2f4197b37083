package io.atelier.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A self-hosted ComfyUI as the generative engine: ATELIER_COMFYUI_URL (and optionally the checkpoint, the
 * two workflow template files, sizes, timeout); used when neither an OpenAI nor a BFL key is set.
 */
@ConfigMapping(prefix = "atelier.comfyui")
public interface ComfyUiConfig {
    /** The server, e.g. http://gpu-box:8188; absent = not configured. */
    Optional<URI> url();

    /** The model file the templates load through {{checkpoint}}. */
    @WithDefault("sd_xl_base_1.0.safetensors")
    String checkpoint();

    /** An API-format inpainting workflow; absent = the one shipped with Atelier. */
    Optional<Path> inpaintWorkflow();

    /** An API-format text-to-image workflow (drafts from a prompt); absent = the one shipped. */
    Optional<Path> draftWorkflow();

    /** Sizes the model is trained for, WIDTHxHEIGHT, comma-separated (default SDXL's). */
    @WithDefault("1024x1024,1152x896,896x1152,1216x832,832x1216,1344x768,768x1344")
    String imageSizes();

    @WithDefault("1s")
    Duration pollEvery();

    /** How long a run may take, queue included, before it is taken off the queue and the step fails (see docs/generative.md on the render loop). */
    @WithDefault("120s")
    Duration timeout();
}
