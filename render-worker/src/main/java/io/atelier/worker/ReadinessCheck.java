package io.atelier.worker;

import io.atelier.platform.health.RecentActivityCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the render loop is polling Kafka. */
@Readiness
@ApplicationScoped
public class ReadinessCheck extends RecentActivityCheck {
    private final RenderLoop loop;
    private final Duration readyWithin;

    public ReadinessCheck(RenderLoop loop, WorkerSettings settings) {
        this.loop = loop;
        this.readyWithin = settings.renderLoop().readyWithin();
    }

    @Override
    protected String name() {
        return "render-loop";
    }

    @Override
    protected String activity() {
        return "lastPoll";
    }

    @Override
    protected Instant lastActivity() {
        return loop.lastPoll();
    }

    @Override
    protected Duration readyWithin() {
        return readyWithin;
    }
}
