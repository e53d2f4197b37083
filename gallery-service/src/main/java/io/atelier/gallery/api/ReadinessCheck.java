package io.atelier.gallery.api;

import io.atelier.gallery.GallerySettings;
import io.atelier.gallery.projection.Projector;
import io.atelier.platform.health.RecentActivityCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the projection is polling the log. */
@Readiness
@ApplicationScoped
public class ReadinessCheck extends RecentActivityCheck {
    private final Projector projector;
    private final Duration readyWithin;

    public ReadinessCheck(Projector projector, GallerySettings settings) {
        this.projector = projector;
        this.readyWithin = settings.projector().readyWithin();
    }

    @Override
    protected String name() {
        return "projection";
    }

    @Override
    protected String activity() {
        return "lastPoll";
    }

    @Override
    protected Instant lastActivity() {
        return projector.lastPoll();
    }

    @Override
    protected Duration readyWithin() {
        return readyWithin;
    }

    @Override
    protected HealthCheckResponseBuilder describe(HealthCheckResponseBuilder response) {
        return response.withData("appliedEvents", projector.appliedEvents());
    }
}
