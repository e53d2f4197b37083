package io.atelier.generative;

import io.atelier.engine.generative.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to call an OpenAI-compatible Images API: base URL (ending in /v1 for OpenAI itself),
 * API key, image model, the sizes it accepts, and how long one call may take. The key never appears
 * in {@link #toString()}.
 */
public record OpenAiImagesSettings(URI baseUrl, String apiKey, String model, List<Size> sizes, Duration timeout) {
    public static final URI PUBLIC_ENDPOINT = URI.create("https://api.openai.com/v1");
    public static final String DEFAULT_MODEL = "gpt-image-1";
    public static final List<Size> GPT_IMAGE_SIZES = List.of(new Size(1024, 1024), new Size(1536, 1024), new Size(1024, 1536));

    public OpenAiImagesSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted size");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "OpenAiImagesSettings[baseUrl=" + baseUrl + ", model=" + model + ", sizes=" + sizes + ", timeout=" + timeout + ", apiKey=***]";
    }
}
