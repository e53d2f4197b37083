package io.atelier.engine.generative;

import java.util.Optional;

/**
 * A provider call that gave no image: why (in words for the person who asked), what to do, what kind
 * of failure it was, and the provider's raw answer when there was one (kept as evidence).
 */
public final class GenerationException extends RuntimeException {
    /** Kinds of failure, which decide retrying and the hint. */
    public enum Kind {
        /** The provider refused the content (moderation, policy). Not retried. */
        REFUSED,
        /** The request was wrong for the provider (bad size, unknown model, bad key). Not retried. */
        REJECTED,
        /** Rate limits, outages, timeouts: retried with backoff, then reported. */
        UNAVAILABLE,
        /** The provider is failing repeatedly: calls are not made until it has had time to recover. */
        CIRCUIT_OPEN
    }

    private final Kind kind;
    private final String hint;
    private final transient Optional<byte[]> rawAnswer;

    public GenerationException(Kind kind, String reason, String hint, Optional<byte[]> rawAnswer) {
        super(reason);
        this.kind = kind;
        this.hint = hint;
        this.rawAnswer = rawAnswer;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }

    public String hint() {
        return hint;
    }

    public Optional<byte[]> rawAnswer() {
        return rawAnswer;
    }
}
