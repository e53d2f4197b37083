package io.atelier.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the render loop is polling Kafka. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final RenderLoop loop;

    public ReadinessCheck(RenderLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        Instant last = loop.lastPoll();
        // a long render holds the loop; allow it a minute before calling the worker unready
        boolean polling = Duration.between(last, Instant.now()).toSeconds() < 60;
        return HealthCheckResponse.named("render-loop").status(polling).withData("lastPoll", last.toString()).build();
    }
}
