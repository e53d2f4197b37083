package io.atelier.platform.health;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The readiness shape the services share: a background loop is ready while its last sign of life (a
 * poll, a publish) is more recent than a configured limit. Subclasses say which loop and which limit.
 */
public abstract class RecentActivityCheck implements HealthCheck {

    /** The check's name in {@code /q/health}. */
    protected abstract String name();

    /** What the last sign of life is called in the check's data, e.g. {@code lastPoll}. */
    protected abstract String activity();

    protected abstract Instant lastActivity();

    protected abstract Duration readyWithin();

    /** Adds data of the subclass's own to the response. */
    protected HealthCheckResponseBuilder describe(HealthCheckResponseBuilder response) {
        return response;
    }

    @Override
    public HealthCheckResponse call() {
        Instant last = lastActivity();
        boolean recent = Duration.between(last, Instant.now()).compareTo(readyWithin()) < 0;
        return describe(HealthCheckResponse.named(name()).status(recent).withData(activity(), last.toString())).build();
    }
}
