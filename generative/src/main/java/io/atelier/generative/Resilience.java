package io.atelier.generative;

import java.time.Duration;

/**
 * How hard to try a provider: attempts per call, backoff between them (doubling from {@code backoff},
 * at most {@code maxBackoff}; a {@code Retry-After} longer than that ends the call instead of blocking the
 * worker), and the circuit breaker: after {@code breakerFailures} failed calls in a row no call is made
 * for {@code breakerOpenFor}, then one trial call decides.
 */
public record Resilience(int attempts, Duration backoff, Duration maxBackoff, int breakerFailures, Duration breakerOpenFor) {
    public static final Resilience DEFAULT = new Resilience(3, Duration.ofSeconds(2), Duration.ofSeconds(30), 5, Duration.ofSeconds(60));

    public Resilience {
        if (attempts < 1 || breakerFailures < 1) {
            throw new IllegalArgumentException("attempts and breakerFailures must be at least 1");
        }
    }
}
