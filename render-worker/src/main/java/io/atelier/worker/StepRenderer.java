package io.atelier.worker;

import io.atelier.engine.Engine;
import io.atelier.engine.image.ImageLimits;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.planner.RuleBasedPlanner;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionEvent;
import io.atelier.platform.storage.ImageKeys;
import io.atelier.platform.storage.ImageStore;
import io.atelier.platform.storage.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns one InstructionRequested into its outcome: loads the parent image, runs the engine, stores the
 * result and thumbnail under their content hashes (before the outcome names them). Storage failures
 * propagate so the request is retried; an engine failure becomes RenderFailed.
 */
@ApplicationScoped
public class StepRenderer {
    private static final Logger LOG = Logger.getLogger(StepRenderer.class);

    private final ImageStore images;
    private final Engine engine;
    private final String actor;

    public StepRenderer(ImageStore images, WorkerSettings settings) {
        this.images = images;
        this.engine = new Engine(new RuleBasedPlanner(), new ImageLimits(settings.maxImageDimension(), settings.maxImagePixels()),
                new CentrePriorGrabCut());
        this.actor = "worker:" + settings.name();
    }

    public EventEnvelope render(EventEnvelope request, InstructionRequested step) {
        long start = System.nanoTime();
        byte[] parent = images.get(step.parentImage().key());
        SessionEvent outcome;
        try {
            outcome = switch (engine.render(parent, step.instruction())) {
                case RenderOutcome.Rendered r -> store(request, step, r, (System.nanoTime() - start) / 1_000_000);
                case RenderOutcome.Failed f -> new RenderFailed(step.stepId(), f.reason(), f.hint(), f.notUnderstood(), Engine.VERSION);
            };
        } catch (io.atelier.platform.storage.ImageStore.StorageException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "engine failed on step %s", step.stepId());
            outcome = new RenderFailed(step.stepId(), "The engine failed on this step (" + e.getClass().getSimpleName() + ").",
                    "Try again, or branch from another step; if it keeps failing, report it with the step id.", List.of(), Engine.VERSION);
        }
        return new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), Instant.now(), actor, outcome);
    }

    private ImageRendered store(EventEnvelope request, InstructionRequested step, RenderOutcome.Rendered r, long elapsedMillis) {
        String sha = Sha256.hex(r.png());
        ImageRef image = new ImageRef(ImageKeys.image(request.workspaceId(), request.sessionId(), sha, "png"), sha, r.width(), r.height(),
                "image/png", r.png().length);
        String thumbSha = Sha256.hex(r.thumbnailPng());
        ImageRef thumb = new ImageRef(ImageKeys.thumbnail(request.workspaceId(), request.sessionId(), thumbSha), thumbSha,
                r.thumbnailWidth(), r.thumbnailHeight(), "image/png", r.thumbnailPng().length);
        images.put(image.key(), r.png(), image.contentType());
        images.put(thumb.key(), r.thumbnailPng(), thumb.contentType());
        return new ImageRendered(step.stepId(), image, thumb, PlanJson.toTree(r.plan()), Engine.VERSION, elapsedMillis);
    }
}
