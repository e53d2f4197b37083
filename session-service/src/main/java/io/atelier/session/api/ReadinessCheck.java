package io.atelier.session.api;

import io.atelier.platform.health.RecentActivityCheck;
import io.atelier.session.SessionSettings;
import io.atelier.session.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the outbox relay reaches the database: a command accepted then is safe in the outbox even
 * while Kafka is down, and is published when it is back (the last publish is reported as data).
 */
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
        return "lastDatabaseContact";
    }

    @Override
    protected Instant lastActivity() {
        return relay.lastDatabaseContact();
    }

    @Override
    protected org.eclipse.microprofile.health.HealthCheckResponseBuilder describe(org.eclipse.microprofile.health.HealthCheckResponseBuilder response) {
        return response.withData("lastPublish", relay.lastSuccess().toString()).withData("leader", relay.leader());
    }

    @Override
    protected Duration readyWithin() {
        return readyWithin;
    }
}
