package io.atelier.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** BFL FLUX Kontext as the generative engine: ATELIER_BFL_API_KEY (and optionally _BASE_URL, _MODEL); used when no OpenAI key is set. */
@ConfigMapping(prefix = "atelier.bfl")
public interface BflSettings {
    @WithDefault("https://api.bfl.ai")
    URI baseUrl();

    /** The x-key; never logged, never in events. */
    Optional<String> apiKey();

    @WithDefault("flux-kontext-pro")
    String model();

    @WithDefault("2s")
    Duration pollEvery();

    @WithDefault("180s")
    Duration timeout();
}
