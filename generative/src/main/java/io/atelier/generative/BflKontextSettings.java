package io.atelier.generative;

import io.atelier.engine.generative.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to call BFL's FLUX Kontext: base URL (regional hosts exist), the x-key, the model
 * endpoint ({@code flux-kontext-pro} or {@code -max}), how often to poll and how long to wait in all.
 * The key never appears in {@link #toString()}.
 */
public record BflKontextSettings(URI baseUrl, String apiKey, String model, Duration pollEvery, Duration timeout) {
    public static final URI PUBLIC_ENDPOINT = URI.create("https://api.bfl.ai");
    /** Roughly one megapixel in Kontext's aspect ratios; the answer's size follows the ratio asked. */
    public static final List<Size> SIZES = List.of(new Size(1024, 1024), new Size(1248, 832), new Size(832, 1248), new Size(1184, 880),
            new Size(880, 1184), new Size(1392, 752), new Size(752, 1392));

    public BflKontextSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pollEvery, "pollEvery");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "BflKontextSettings[baseUrl=" + baseUrl + ", model=" + model + ", pollEvery=" + pollEvery + ", timeout=" + timeout + ", apiKey=***]";
    }
}
