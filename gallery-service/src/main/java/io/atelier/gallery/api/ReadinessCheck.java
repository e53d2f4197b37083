package io.atelier.gallery.api;

import io.atelier.gallery.projection.Projector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the projection is polling the log. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final Projector projector;

    public ReadinessCheck(Projector projector) {
        this.projector = projector;
    }

    @Override
    public HealthCheckResponse call() {
        Instant last = projector.lastPoll();
        boolean polling = Duration.between(last, Instant.now()).toSeconds() < 30;
        return HealthCheckResponse.named("projection").status(polling)
                .withData("lastPoll", last.toString()).withData("appliedEvents", projector.appliedEvents()).build();
    }
}
