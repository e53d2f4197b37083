package io.atelier.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The generative engine a worker may call: an OpenAI-compatible Images API, configured by
 * ATELIER_OPENAI_BASE_URL, ATELIER_OPENAI_API_KEY and ATELIER_OPENAI_IMAGE_MODEL. Without a key none is
 * configured and synthesis is refused, naming these settings.
 */
@ConfigMapping(prefix = "atelier.openai")
public interface GenerativeSettings {
    /** The API's base URL; also serves self-hosted servers speaking the same API. */
    @WithDefault("https://api.openai.com/v1")
    URI baseUrl();

    /** The bearer key; never logged, never in events. */
    Optional<String> apiKey();

    @WithDefault("gpt-image-1")
    String imageModel();

    /** Sizes the model accepts, WIDTHxHEIGHT, comma-separated (gpt-image models: these three). */
    @WithDefault("1024x1024,1536x1024,1024x1536")
    String imageSizes();

    /** How long one call may take before it counts as failed (and is retried). */
    @WithDefault("120s")
    Duration timeout();

    /** Attempts per call on 429/5xx/timeouts, with doubling backoff honouring Retry-After. */
    @WithDefault("3")
    int attempts();
}
