package io.atelier.generative;

import java.time.Duration;
import java.util.Optional;

/** A provider call that may succeed if tried again later: rate limits, 5xx, timeouts, broken connections. */
final class TransientFailure extends RuntimeException {
    private final transient Optional<Duration> retryAfter;
    private final transient Optional<byte[]> rawAnswer;

    TransientFailure(String reason, Optional<Duration> retryAfter, Optional<byte[]> rawAnswer) {
        super(reason);
        this.retryAfter = retryAfter;
        this.rawAnswer = rawAnswer;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    Optional<byte[]> rawAnswer() {
        return rawAnswer;
    }
}
