package io.atelier.generative;

import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A provider adapter with retries and a circuit breaker around it. Transient failures (429, 5xx,
 * timeouts) are retried with doubling backoff, honouring the provider's Retry-After; refusals and
 * rejected requests are not. After repeated failed calls the breaker opens and calls fail at once,
 * saying when to try again, so a down provider does not hold every worker for minutes.
 */
public final class Resilient implements GenerativeEngine {
    private static final Logger LOG = Logger.getLogger(Resilient.class);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final GenerativeEngine adapter;
    private final Resilience settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;

    public Resilient(GenerativeEngine adapter, Resilience settings) {
        this(adapter, settings, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    public Resilient(GenerativeEngine adapter, Resilience settings, Sleeper sleeper, Clock clock) {
        this.adapter = adapter;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return adapter.provider();
    }

    @Override
    public List<Size> acceptedSizes() {
        return adapter.acceptedSizes();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        return call(() -> adapter.generate(request));
    }

    private Generation call(Supplier<Generation> attempt) {
        Instant now = clock.instant();
        synchronized (this) {
            if (now.isBefore(openUntil)) {
                throw new GenerationException(GenerationException.Kind.CIRCUIT_OPEN,
                        provider() + " has failed " + consecutiveFailures + " times in a row, so Atelier is not calling it until "
                                + openUntil + ".",
                        "Try again in " + Math.max(1, Duration.between(now, openUntil).toSeconds()) + " s, or check the provider's status page.",
                        Optional.empty());
            }
        }
        TransientFailure last = null;
        for (int i = 1; i <= settings.attempts(); i++) {
            try {
                Generation g = attempt.get();
                succeeded();
                return g;
            } catch (TransientFailure t) {
                last = t;
                Duration wait = backoff(i, t);
                if (i == settings.attempts() || wait.compareTo(settings.maxBackoff()) > 0) {
                    break;
                }
                LOG.infof("%s: attempt %d failed (%s), retrying in %d ms", provider(), i, t.getMessage(), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw interrupted();
                }
            } catch (GenerationException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // the step was cancelled: says nothing about the provider, so the breaker does not count it
                }
                if (e.kind() == GenerationException.Kind.UNAVAILABLE) {
                    failed();
                } else {
                    succeeded(); // the provider answered: it is up, it just said no
                }
                throw e;
            }
        }
        failed();
        String after = last.retryAfter().map(d -> " It asked to retry after " + d.toSeconds() + " s.").orElse("");
        throw new GenerationException(GenerationException.Kind.UNAVAILABLE,
                provider() + " did not answer usefully (" + last.getMessage() + ")." + after,
                "Try the step again in a minute; if it keeps failing, check the provider's status and your quota.", last.rawAnswer());
    }

    private GenerationException interrupted() {
        return new GenerationException(GenerationException.Kind.UNAVAILABLE, "The call to " + provider() + " was interrupted.",
                "Try the step again.", Optional.empty());
    }

    private Duration backoff(int attempt, TransientFailure t) {
        Duration doubling = settings.backoff().multipliedBy(1L << Math.min(10, attempt - 1));
        return t.retryAfter().filter(r -> r.compareTo(doubling) > 0).orElse(doubling);
    }

    private synchronized void succeeded() {
        consecutiveFailures = 0;
        openUntil = Instant.MIN;
    }

    private synchronized void failed() {
        consecutiveFailures++;
        if (consecutiveFailures >= settings.breakerFailures()) {
            openUntil = clock.instant().plus(settings.breakerOpenFor());
            LOG.warnf("%s: %d failed calls in a row, circuit open until %s", provider(), consecutiveFailures, openUntil);
        }
    }
}
