package io.atelier.session.api;

import io.atelier.platform.health.RecentActivityCheck;
import io.atelier.session.SessionSettings;
import io.atelier.session.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the outbox relay has reached Kafka and the database recently. */
@Readiness
@ApplicationScoped
public class ReadinessCheck extends RecentActivityCheck {
    private final OutboxRelay relay;
    private final Duration readyWithin;

    public ReadinessCheck(OutboxRelay relay, SessionSettings settings) {
        this.relay = relay;
        this.readyWithin = settings.outbox().readyWithin();
    }

    @Override
    protected String name() {
        return "outbox-relay";
    }

    @Override
    protected String activity() {
        return "lastSuccess";
    }

    @Override
    protected Instant lastActivity() {
        return relay.lastSuccess();
    }

    @Override
    protected Duration readyWithin() {
        return readyWithin;
    }
}
