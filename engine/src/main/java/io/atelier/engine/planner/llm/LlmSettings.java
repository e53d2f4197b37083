package io.atelier.engine.planner.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the OpenAI-compatible chat completions endpoint is and which model to ask. The key is never
 * printed: {@link #toString()} leaves it out.
 */
public record LlmSettings(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {
    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (model.isBlank()) {
            throw new IllegalArgumentException("ATELIER_LLM_MODEL is required when ATELIER_PLANNER=llm");
        }
    }

    /** {@code base}/chat/completions, whether or not the base ends in a slash. */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
                + ", timeout=" + timeout + "]";
    }
}
