package io.atelier.engine.generative;

import java.util.Objects;

/**
 * A provider's answer: the image bytes (any format the decoder reads), its provenance, and the raw
 * answer as received, kept as audit evidence (the recorded output is the truth, not a regeneration).
 */
public record Generation(byte[] image, Provenance provenance, byte[] rawAnswer, String rawAnswerType) {
    public Generation {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(rawAnswer, "rawAnswer");
        Objects.requireNonNull(rawAnswerType, "rawAnswerType");
    }
}
