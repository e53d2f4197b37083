package io.atelier.session.api;

import io.atelier.session.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the outbox relay has reached Kafka and the database recently. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final OutboxRelay relay;

    public ReadinessCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        Instant last = relay.lastSuccess();
        boolean fresh = Duration.between(last, Instant.now()).toSeconds() < 30;
        return HealthCheckResponse.named("outbox-relay").status(fresh).withData("lastSuccess", last.toString()).build();
    }
}
