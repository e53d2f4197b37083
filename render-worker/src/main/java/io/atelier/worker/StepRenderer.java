package io.atelier.worker;

import io.atelier.engine.Engine;
import io.atelier.engine.WarmUp;
import io.atelier.engine.ParentImage;
import io.atelier.engine.render.EncodedPng;
import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.kit.KitContext;
import io.atelier.engine.generative.Size;
import io.atelier.imaging.ImageLimits;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.planner.Planners;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.engine.subject.MattePng;
import io.atelier.engine.subject.SubjectDetector;
import io.atelier.engine.subject.SubjectDetectors;
import io.atelier.engine.subject.SubjectMatte;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.measure.DriftReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.events.DraftRequested;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionEvent;
import io.atelier.platform.storage.ImageBytes;
import io.atelier.platform.storage.ImageFile;
import io.atelier.platform.storage.ImageKeys;
import io.atelier.platform.storage.ImageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Turns one InstructionRequested into its outcome: loads the parent image, runs the engine, stores the
 * result and thumbnail under their content hashes (before the outcome names them). Storage failures
 * propagate so the request is retried; an engine failure becomes RenderFailed.
 */
@ApplicationScoped
@Startup // loads the subject model (and warms it) while the worker boots, not on the first request
public class StepRenderer {
    private static final Logger LOG = Logger.getLogger(StepRenderer.class);

    private final ImageStore images;
    private final Engine engine;
    private final String subjectMethod;
    private final SubjectDetector subjectDetector; // uncounted: for the warm-up only
    private final Counter cachedMattes;
    private final Counter originalsDecoded;
    // by content (sha256): a session's steps come to the worker that owns its partition, so one entry serves its chain;
    // a thumbnail is at most 320x320 INT_RGB (400 KB), so 32 of them hold under 13 MB of the heap
    private final Cache<String, DriftReference> driftReferences = Caffeine.newBuilder().maximumSize(32).build();
    private final String actor;
    private final GenerativeEvidence evidence;
    private final RenderPermits permits;
    private static final Executor STORING = Executors.newVirtualThreadPerTaskExecutor();

    public StepRenderer(ImageStore images, WorkerSettings settings, GenerativeSettings generativeSettings, BflSettings bfl, ComfyUiConfig comfyUi,
                        PermitSettings permitSettings, MeterRegistry metrics) {
        this.images = images;
        // the loop keeps many sessions in flight; these decide how many render at once, CPU and provider apart
        this.permits = RenderPermits.from(permitSettings);
        metrics.gauge("atelier.worker.permits.built-in.in-use", permits, RenderPermits::builtInInUse);
        metrics.gauge("atelier.worker.frame-memory.in-use.mib", permits, RenderPermits::frameMemoryInUseMiB);
        SubjectDetectors.Choice subject = SubjectDetectors.choose(settings.modelsDir());
        LOG.infof("subject detection: %s", subject.description());
        // counted, so the matte cache's effect is visible: one detection per source image, not per step
        Counter detections = metrics.counter("atelier.subject.detections", "method", subject.method());
        this.cachedMattes = metrics.counter("atelier.subject.mattes.cached", "method", subject.method());
        this.originalsDecoded = metrics.counter("atelier.drift.originals.decoded");
        // ATELIER_PLANNER=builtin (default) or llm with ATELIER_LLM_BASE_URL / _MODEL / _API_KEY
        this.engine = new Engine(Planners.fromEnvironment(System.getenv()), new ImageLimits(settings.maxImageDimension(), settings.maxImagePixels()),
                image -> {
                    detections.increment();
                    return subject.detector().detect(image);
                }, GenerativeEngines.configured(generativeSettings, bfl, comfyUi).map(permits::limit));
        LOG.infof("generative engine: %s", engine.generativeProvider().orElse("none (set ATELIER_OPENAI_API_KEY, ATELIER_BFL_API_KEY or ATELIER_COMFYUI_URL to enable)"));
        LOG.infof("renders at once: %d built-in%s", permits.builtInLimit(),
                engine.generativeProvider().map(p -> ", " + permits.generativeLimit(p) + " " + p + " calls").orElse(""));
        this.evidence = new GenerativeEvidence(images);
        this.subjectMethod = subject.method();
        this.subjectDetector = subject.detector();
        this.actor = "worker:" + settings.name();
    }

    /**
     * Runs the engine's warm-up on this thread. It takes no render permit: its frames are ~2.5 MB, and a step that
     * arrives meanwhile should not wait behind it.
     */
    WarmUp.Report warmUp(int rounds) {
        // the classical detector is slow the first time; a model warms itself when it loads
        return WarmUp.run(engine, rounds, subjectMethod.equals(CentrePriorGrabCut.METHOD) ? Optional.of(subjectDetector) : Optional.empty());
    }

    public EventEnvelope render(EventEnvelope request, InstructionRequested step) {
        long start = System.nanoTime();
        // the event names the image to read: only one of its own workspace and session
        if (!ImageKeys.belongsTo(step.parentImage().key(), request.workspaceId(), request.sessionId())) {
            LOG.warnf("step %s names parent image %s outside workspace %s, session %s: not read", step.stepId(),
                    step.parentImage().key(), request.workspaceId(), request.sessionId());
            return new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), Instant.now(), actor,
                    new RenderFailed(step.stepId(), "The parent image is not one of this session's.",
                            "Branch from a rendered step of this session.", List.of(), Engine.VERSION));
        }
        // read by the engine as it decodes (a 50 MP PNG is ~90 MB that need not be whole on the heap beside its frame)
        String parentKey = step.parentImage().key();
        ParentImage parent = ParentImage.stored(() -> images.open(parentKey)
                .orElseThrow(() -> new ImageStore.ObjectMissingException(parentKey, null)).stream());
        SessionEvent outcome;
        try {
            KitContext kit = step.kit().map(k -> KitContexts.of(k, request.workspaceId(), images)).orElse(KitContext.NONE);
            RenderOutcome rendered = permits.builtIn(pixels(step.parentImage()), () -> engine.render(parent, step.instruction(), kit,
                    () -> cachedMatte(request.workspaceId(), step.parentImage())));
            outcome = switch (rendered) {
                case RenderOutcome.Rendered r -> store(request, step, r, (System.nanoTime() - start) / 1_000_000);
                case RenderOutcome.Failed f -> new RenderFailed(step.stepId(), f.reason(), f.hint(), f.notUnderstood(), Engine.VERSION);
            };
        } catch (ImageStore.StorageException e) {
            throw e;
        } catch (ParentImage.Unreadable e) {
            throw new ImageStore.StorageUnavailableException(e.getMessage(), e.getCause());
        } catch (GenerationException e) {
            evidence.keepFailure(request, step.stepId(), e);
            outcome = new RenderFailed(step.stepId(), e.reason(), e.hint(), List.of(), Engine.VERSION);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "engine failed on step %s", step.stepId());
            outcome = new RenderFailed(step.stepId(), "The engine failed on this step (" + e.getClass().getSimpleName() + ").",
                    "Try again, or branch from another step; if it keeps failing, report it with the step id.", List.of(), Engine.VERSION);
        }
        return new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), Instant.now(), actor, outcome);
    }

    /**
     * Paints the root of a session started from a prompt: the engine's draft, stored like any render, with its
     * provenance. Storage failures propagate (the request is retried); a provider's refusal becomes RenderFailed.
     */
    public EventEnvelope draft(EventEnvelope request, DraftRequested draft) {
        long start = System.nanoTime();
        SessionEvent outcome;
        try {
            outcome = switch (permits.builtIn((long) draft.width() * draft.height(), () -> engine.draft(draft.prompt(), new Size(draft.width(), draft.height())))) {
                case RenderOutcome.Rendered r -> {
                    ImageStore.ImageWithThumbnail stored = stored(request, r);
                    yield new ImageRendered(draft.stepId(), stored.image(), stored.thumbnail(), PlanJson.toTree(r.plan()), Engine.VERSION,
                            (System.nanoTime() - start) / 1_000_000, ImageRendered.NO_SUBJECT,
                            r.generated().map(g -> evidence.keep(request, draft.stepId(), g, r.width(), r.height())));
                }
                case RenderOutcome.Failed f -> new RenderFailed(draft.stepId(), f.reason(), f.hint(), f.notUnderstood(), Engine.VERSION);
            };
        } catch (ImageStore.StorageException e) {
            throw e;
        } catch (GenerationException e) {
            evidence.keepFailure(request, draft.stepId(), e);
            outcome = new RenderFailed(draft.stepId(), e.reason(), e.hint(), List.of(), Engine.VERSION);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.errorf(e, "engine failed on draft %s", draft.stepId());
            outcome = new RenderFailed(draft.stepId(), "The engine failed painting this draft (" + e.getClass().getSimpleName() + ").",
                    "Start again from the prompt; if it keeps failing, report it with the step id.", List.of(), Engine.VERSION);
        }
        return new EventEnvelope(UUID.randomUUID(), request.workspaceId(), request.sessionId(), request.sequence(), Instant.now(), actor, outcome);
    }

    private static long pixels(ImageRef image) {
        return (long) image.width() * image.height();
    }

    // A matte found for an image is kept beside it, so the branches that grow from that image do not segment it again.
    private Optional<SubjectMatte> cachedMatte(String workspaceId, ImageRef image) {
        return images.open(ImageKeys.matte(workspaceId, subjectMethod, image.sha256())).flatMap(stored -> {
            try (stored) {
                Optional<SubjectMatte> matte = MattePng.decode(stored.stream().readAllBytes(), image.width(), image.height(), subjectMethod);
                matte.ifPresent(m -> cachedMattes.increment());
                return matte;
            } catch (java.io.IOException e) {
                LOG.warnf("unreadable cached matte for %s, estimating again: %s", image.sha256(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    private void cacheMatte(String workspaceId, String imageSha256, SubjectMatte matte) {
        // only mattes of this worker's own method: a fallback guess must not pass for a model's answer later
        if (matte.method().equals(subjectMethod)) {
            String key = ImageKeys.matte(workspaceId, subjectMethod, imageSha256);
            if (!images.exists(key)) {
                images.put(key, MattePng.encode(matte), "image/png");
            }
        }
    }

    private ImageRendered store(EventEnvelope request, InstructionRequested step, RenderOutcome.Rendered r, long elapsedMillis) {
        // the picture and thumbnail go to the store (waiting on I/O) while this thread measures drift (CPU)
        CompletableFuture<ImageStore.ImageWithThumbnail> storing = CompletableFuture.supplyAsync(() -> stored(request, r), STORING);
        ObjectNode drift;
        try {
            drift = drift(step, r);
        } catch (RuntimeException | Error e) {
            storing.handle((ignored, storeFailure) -> null).join(); // the step is retried from here: nothing of it still running
            throw e;
        }
        ImageStore.ImageWithThumbnail stored;
        try {
            stored = storing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e; // a storage failure as itself: the loop retries it
        }
        r.sourceMatte().ifPresent(m -> cacheMatte(request.workspaceId(), step.parentImage().sha256(), m));
        r.resultMatte().ifPresent(m -> cacheMatte(request.workspaceId(), stored.image().sha256(), m));
        return new ImageRendered(step.stepId(), stored.image(), stored.thumbnail(), PlanJson.toTree(r.plan()), Engine.VERSION, elapsedMillis,
                r.subjectMethod().orElse(ImageRendered.NO_SUBJECT),
                r.generated().map(g -> evidence.keep(request, step.stepId(), g, r.width(), r.height())), drift);
    }

    // The render's PNG goes to the store from wherever the engine put it (a big one is streamed from its temporary
    // file, never read onto the heap) and is let go once stored, or once storing has failed. Its preview goes with it,
    // so the gallery never has to decode a big render to show it.
    private ImageStore.ImageWithThumbnail stored(EventEnvelope request, RenderOutcome.Rendered r) {
        ImageBytes thumbnail = ImageBytes.png(r.thumbnailPng(), r.thumbnailWidth(), r.thumbnailHeight());
        try (EncodedPng png = r.png()) {
            return switch (png) {
                case EncodedPng.InMemory m -> images.storeWithThumbnail(request.workspaceId(), request.sessionId(),
                        ImageBytes.png(m.bytes(), r.width(), r.height()), thumbnail, Optional.of(r.previewJpeg()));
                case EncodedPng.Spilled s -> images.storeWithThumbnail(request.workspaceId(), request.sessionId(),
                        ImageFile.png(s.file(), r.width(), r.height()), thumbnail, Optional.of(r.previewJpeg()));
            };
        }
    }

    // Drift against the parent (measured by the engine) and against the session's original upload.
    // The original as drift measures it, read and decoded once per session on this worker rather than on every step
    // (for a 24 MP JPEG a ~3 MB read and a ~40 ms reduced decode, before each step's outcome could be sent).
    private Optional<DriftReference> driftReference(ImageRef original) {
        DriftReference kept = driftReferences.getIfPresent(original.sha256());
        if (kept != null) {
            return Optional.of(kept);
        }
        byte[] bytes = images.get(original.key());
        Optional<DriftReference> made = permits.builtIn(pixels(original), () -> engine.driftReference(bytes));
        made.ifPresent(reference -> {
            originalsDecoded.increment();
            driftReferences.put(original.sha256(), reference);
        });
        return made;
    }

    private ObjectNode drift(InstructionRequested step, RenderOutcome.Rendered r) {
        ObjectNode drift = EventCodec.mapper().createObjectNode();
        r.againstParent().ifPresent(againstParent -> {
            JsonNode parent = EventCodec.mapper().valueToTree(againstParent);
            drift.set("againstParent", parent);
            step.originalImage().ifPresent(original -> {
                if (original.sha256().equals(step.parentImage().sha256())) {
                    drift.set("againstOriginal", parent);
                } else {
                    driftReference(original).map(reference -> engine.driftAgainst(reference, r)).ifPresentOrElse(
                            d -> drift.set("againstOriginal", EventCodec.mapper().valueToTree(d)),
                            () -> LOG.warnf("original %s of step %s is unreadable; drift against it not measured", original.key(), step.stepId()));
                }
            });
        });
        return drift;
    }
}
