package io.atelier.engine.generative;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is asked of a provider: the prompt, the image to edit (PNG, absent to generate from nothing),
 * a mask PNG of the same size whose transparent pixels mark where to repaint (absent: anywhere), the
 * output size, and a seed where the provider takes one.
 */
public record GenerationRequest(String prompt, Optional<byte[]> image, Optional<byte[]> mask, Size size, OptionalLong seed) {
    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(seed, "seed");
        if (mask.isPresent() && image.isEmpty()) {
            throw new IllegalArgumentException("a mask needs an image to apply to");
        }
    }

    /** A text-to-image request. */
    public static GenerationRequest draft(String prompt, Size size) {
        return new GenerationRequest(prompt, Optional.empty(), Optional.empty(), size, OptionalLong.empty());
    }
}
