package io.atelier.session.command;

import io.atelier.imaging.CheckedImage;
import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.PngEncoder;
import io.atelier.imaging.RejectedImageException;
import io.atelier.imaging.Thumbnails;
import io.atelier.events.DraftRequested;
import io.atelier.coach.Advice;
import io.atelier.coach.Coach;
import io.atelier.coach.Coaching;
import io.atelier.events.ImageRef;
import io.atelier.events.InstructionRequested;
import io.atelier.events.SessionDeleted;
import io.atelier.events.SessionStarted;
import io.atelier.events.SourceImageAdded;
import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.storage.ImageBytes;
import io.atelier.platform.storage.ImageStore;
import io.atelier.platform.storage.Sha256;
import io.atelier.platform.text.UserText;
import io.atelier.session.SessionSettings;
import io.atelier.session.model.IdempotencyKeyEntity;
import io.atelier.session.model.SessionEntity;
import io.atelier.session.model.StepEntity;
import io.atelier.session.model.StepStatus;
import io.atelier.session.outbox.Outbox;
import io.atelier.session.kit.KitCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The session commands: each validates against the write model, changes it and appends its event in
 * one transaction. Images are stored in S3 before that transaction, so no event names a missing object.
 */
@ApplicationScoped
public class SessionCommands {
    private final Outbox outbox;
    private final Coach coach = new Coach();
    private final ImageStore images;
    private final SessionSettings settings;
    private final ImageDecoder decoder;
    @Inject
    KitCommands kits;

    public SessionCommands(Outbox outbox, ImageStore images, SessionSettings settings) {
        this.outbox = outbox;
        this.images = images;
        this.settings = settings;
        this.decoder = new ImageDecoder(new ImageLimits(settings.maxImageDimension(), settings.maxImagePixels()));
    }

    /** Opens a session in the workspace and appends SessionStarted. */
    @Transactional
    public SessionEntity startSession(String workspaceId, String actor, String rawTitle) {
        return open(UUID.randomUUID(), workspaceId, actor, checkedTitle(rawTitle));
    }

    /** The title a session gets for what the client sent: refused if it has control characters or is too long. */
    public String checkedTitle(String rawTitle) {
        UserText.check("title", rawTitle, UserText.Lines.SINGLE);
        String title = rawTitle == null || rawTitle.isBlank() ? "Untitled session" : rawTitle.strip();
        if (title.length() > settings.maxTitleLength()) {
            throw ProblemException.badRequest("title-too-long", "Title too long",
                    "A session title has at most " + settings.maxTitleLength() + " characters; this one has " + title.length() + ".");
        }
        return title;
    }

    /**
     * Opens a session with its already checked and stored original in one transaction: SessionStarted and
     * SourceImageAdded are written together or not at all, so a refused upload leaves no empty session.
     */
    @Transactional
    public Opened startSessionWithSource(UUID sessionId, String workspaceId, String actor, String title, String fileName, StoredSource source) {
        SessionEntity session = open(sessionId, workspaceId, actor, title);
        return new Opened(session, addRoot(session, actor, fileName, source));
    }

    /**
     * Opens a session whose root step is a draft to be painted from {@code prompt}: SessionStarted and
     * DraftRequested in one transaction; the root is pending until a worker's outcome arrives.
     */
    @Transactional
    public Opened startSessionFromPrompt(String workspaceId, String actor, String title, String prompt, DraftSize size) {
        SessionEntity session = open(UUID.randomUUID(), workspaceId, actor, title);
        StepEntity root = new StepEntity();
        root.id = UUID.randomUUID();
        root.sessionId = session.id;
        root.instruction = prompt;
        root.status = StepStatus.PENDING;
        root.createdAt = Instant.now();
        root.persist();
        outbox.append(session, actor, new DraftRequested(root.id, prompt, size.width(), size.height()));
        return new Opened(session, root);
    }

    /**
     * Deletes a session, photo and steps included, and appends SessionDeleted. The write-model rows go, so every
     * later command on this id is a 404 and a late render outcome for it is ignored; the log (and the gallery's
     * audit trail) keeps every event, and the stored images stay in S3, where the audit can still check them.
     */
    @Transactional
    public void deleteSession(String workspaceId, String actor, UUID sessionId) {
        SessionEntity session = lock(workspaceId, sessionId);
        outbox.append(session, actor, new SessionDeleted());
        // one statement for the whole tree: the parent_step_id references are checked when it ends, not row by row
        StepEntity.delete("sessionId", session.id);
        session.delete();
    }

    /** Gives a session a new title (checked like a new session's). */
    @Transactional
    public SessionEntity renameSession(String workspaceId, String actor, UUID sessionId, String rawTitle) {
        String title = checkedTitle(rawTitle);
        SessionEntity session = lock(workspaceId, sessionId);
        session.title = title;
        outbox.append(session, actor, new io.atelier.events.SessionRenamed(title));
        return session;
    }

    /** Names a step; a blank name goes back to showing its instruction. */
    @Transactional
    public String renameStep(String workspaceId, String actor, UUID sessionId, UUID stepId, String rawName) {
        UserText.check("name", rawName, UserText.Lines.SINGLE);
        String name = rawName == null ? "" : rawName.strip();
        if (name.length() > settings.maxTitleLength()) {
            throw ProblemException.badRequest("title-too-long", "Name too long",
                    "A step name has at most " + settings.maxTitleLength() + " characters; this one has " + name.length() + ".");
        }
        SessionEntity session = lock(workspaceId, sessionId);
        StepEntity step = stepOf(session, stepId);
        outbox.append(session, actor, new io.atelier.events.StepRenamed(step.id, name));
        return name;
    }

    /**
     * Deletes a leaf step: StepDeleted takes it out of the tree (the log and the audit trail keep it). The
     * original and a step with (undeleted) children stay: deleting them would orphan other steps.
     */
    @Transactional
    public void deleteStep(String workspaceId, String actor, UUID sessionId, UUID stepId) {
        SessionEntity session = lock(workspaceId, sessionId);
        StepEntity step = stepOf(session, stepId);
        if (step.parentStepId == null) {
            throw new ProblemException(Problem.of("step-not-leaf", "Step has later steps", 409,
                    "Step " + stepId + " is the original photo; it stays while the session exists."));
        }
        if (StepEntity.count("parentStepId = ?1 and hidden = false", step.id) > 0) {
            throw new ProblemException(Problem.of("step-not-leaf", "Step has later steps", 409,
                    "Step " + stepId + " has later steps; delete those first (only the last step of a branch can be deleted)."));
        }
        step.hidden = true;
        outbox.append(session, actor, new io.atelier.events.StepDeleted(step.id));
    }

    /**
     * Cancels a pending step: RenderCancelled is its terminal event, written under the session's lock like an outcome,
     * so whichever comes first wins and the other changes nothing (a worker's later answer is ignored as a repeat).
     * A step that has already finished (rendered, failed or cancelled) is a 409.
     */
    @Transactional
    public Instant cancelStep(String workspaceId, String actor, UUID sessionId, UUID stepId) {
        SessionEntity session = lock(workspaceId, sessionId);
        StepEntity step = stepOf(session, stepId);
        if (step.status != StepStatus.PENDING) {
            throw new ProblemException(Problem.of("step-finished", "Step already finished", 409,
                    "Step " + stepId + " has already finished (" + step.status.name().toLowerCase(java.util.Locale.ROOT)
                            + "); only a pending step can be cancelled."));
        }
        step.status = StepStatus.CANCELLED;
        return outbox.append(session, actor, new io.atelier.events.RenderCancelled(step.id)).time();
    }

    private static StepEntity stepOf(SessionEntity session, UUID stepId) {
        return StepEntity.inSession(stepId, session.id).orElseThrow(() -> new ProblemException(Problem.of(
                "not-found", "Step not found", 404, "Step " + stepId + " is not a step of session " + session.id + ".")));
    }

    private SessionEntity open(UUID sessionId, String workspaceId, String actor, String title) {
        SessionEntity session = new SessionEntity();
        session.id = sessionId;
        session.workspaceId = workspaceId;
        session.title = title;
        session.createdAt = Instant.now();
        session.lastSequence = 0;
        session.persist();
        outbox.append(session, actor, new SessionStarted(title));
        return session;
    }

    /** Checks the upload fully (format, size caps, every byte decodes) and stores it and its thumbnail. */
    public StoredSource storeSource(String workspaceId, UUID sessionId, byte[] bytes) {
        CheckedImage decoded;
        try {
            // every byte is decoded, but only a reduced picture kept: a full 50 MP decode needs ~350 MB, nearly all of this service's heap
            decoded = decoder.check(bytes, Thumbnails.DEFAULT_SIZE);
        } catch (RejectedImageException e) {
            throw new ProblemException(switch (e.kind()) {
                case UNSUPPORTED_FORMAT -> Problem.of("unsupported-image", "Unsupported image format", 415, e.getMessage());
                case TOO_LARGE -> Problem.of("image-too-large", "Image too large", 413, e.getMessage());
                case CORRUPT -> Problem.of("corrupt-image", "Corrupt image", 422, e.getMessage());
            });
        }
        BufferedImage thumb = Thumbnails.fit(decoded.reduced(), Thumbnails.DEFAULT_SIZE);
        ImageStore.ImageWithThumbnail stored = images.storeWithThumbnail(workspaceId, sessionId,
                new ImageBytes(bytes, decoded.format().mediaType(), decoded.width(), decoded.height()),
                ImageBytes.png(PngEncoder.encode(thumb), thumb.getWidth(), thumb.getHeight()));
        return new StoredSource(stored.image(), stored.thumbnail());
    }

    /** Checks the session before any upload work is done. */
    @Transactional
    public void requireSessionWithoutSource(String workspaceId, UUID sessionId) {
        SessionEntity session = SessionEntity.<SessionEntity>findByIdOptional(sessionId)
                .filter(s -> s.workspaceId.equals(workspaceId))
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (StepEntity.hasRoot(session.id)) {
            throw sourceExists(sessionId);
        }
    }

    /** Records the uploaded original as the root step. */
    @Transactional
    public StepEntity addSource(String workspaceId, String actor, UUID sessionId, String fileName, StoredSource source) {
        SessionEntity session = lock(workspaceId, sessionId);
        if (StepEntity.hasRoot(session.id)) {
            throw sourceExists(sessionId);
        }
        return addRoot(session, actor, fileName, source);
    }

    private StepEntity addRoot(SessionEntity session, String actor, String fileName, StoredSource source) {
        StepEntity step = new StepEntity();
        step.id = UUID.randomUUID();
        step.sessionId = session.id;
        step.status = StepStatus.RENDERED;
        step.setImage(source.image());
        step.createdAt = Instant.now();
        step.persist();
        outbox.append(session, actor, new SourceImageAdded(step.id, fileName, source.image(), source.thumbnail()));
        return step;
    }

    /** A new pending step refining {@code parentStepId}'s image with an instruction. */
    @Transactional
    public StepEntity requestStep(String workspaceId, String actor, UUID sessionId, UUID parentStepId, String instruction) {
        return requestCoachedStep(workspaceId, actor, sessionId, parentStepId, instruction).step();
    }

    /** A requested step with the coach's advice on its instruction. */
    public record Coached(StepEntity step, java.util.List<Advice> advice) {
    }

    // the instructions from the first step after the original down to this one: the branch the coach reads
    private static java.util.List<String> branch(StepEntity step) {
        java.util.LinkedList<String> out = new java.util.LinkedList<>();
        for (StepEntity s = step; s != null && s.parentStepId != null; s = StepEntity.findById(s.parentStepId)) {
            out.addFirst(s.instruction == null ? "" : s.instruction);
        }
        return out;
    }

    @Transactional
    Coached requestCoachedStep(String workspaceId, String actor, UUID sessionId, UUID parentStepId, String instruction) {
        SessionEntity session = lock(workspaceId, sessionId);
        StepEntity parent = StepEntity.inSession(parentStepId, session.id).orElseThrow(() -> new ProblemException(Problem.of(
                "unknown-parent-step", "Unknown parent step", 422, "Step " + parentStepId + " is not a step of session " + sessionId + ".")));
        ImageRef parentImage = switch (parent.status) {
            case RENDERED -> parent.image().orElseThrow();
            case PENDING -> throw new ProblemException(Problem.of("parent-pending", "Parent step still rendering", 409,
                    "Step " + parentStepId + " has not been rendered yet; refine it once its image has arrived."));
            case FAILED -> throw new ProblemException(Problem.of("parent-failed", "Parent step failed", 409,
                    "Step " + parentStepId + " failed and has no image; branch from its parent instead."));
            // a cancelled step has no image either: the same answer, in its own words
            case CANCELLED -> throw new ProblemException(Problem.of("parent-failed", "Parent step failed", 409,
                    "Step " + parentStepId + " was cancelled and has no image; branch from its parent instead."));
        };
        // the coach reads before anything is written: an instruction that only judges the result is refused with suggestions
        Coaching coaching = coach.advise(instruction, branch(parent));
        if (coaching instanceof Coaching.Refuse refuse) {
            throw new CoachRefusal(refuse.reason());
        }
        StepEntity step = new StepEntity();
        step.id = UUID.randomUUID();
        step.sessionId = session.id;
        step.parentStepId = parent.id;
        step.instruction = instruction;
        step.status = StepStatus.PENDING;
        step.createdAt = Instant.now();
        step.persist();
        Optional<ImageRef> original = StepEntity.root(session.id).flatMap(StepEntity::image);
        // the kit as it is now rides with the step: the worker plans with it, and the log shows which version was used
        outbox.append(session, actor, new InstructionRequested(step.id, parent.id, instruction, parentImage, original, kits.use(workspaceId, instruction)));
        return new Coached(step, coaching.advice());
    }

    /**
     * {@link #requestStep} behind an Idempotency-Key: the first answer is stored with the step in the
     * same transaction and returned again for a retry of the same request; the session lock orders
     * concurrent retries.
     */
    @Transactional
    public StepAccepted requestStepOnce(String workspaceId, String actor, UUID sessionId, UUID parentStepId, String instruction,
                                        String idempotencyKey) {
        UserText.check("instruction", instruction, UserText.Lines.MULTI);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return StepAccepted.of(requestCoachedStep(workspaceId, actor, sessionId, parentStepId, instruction));
        }
        if (idempotencyKey.length() > 200) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key", "An Idempotency-Key has at most 200 characters.");
        }
        lock(workspaceId, sessionId);
        String scoped = workspaceId + "/" + idempotencyKey;
        String fingerprint = Sha256.hex((sessionId + "\n" + parentStepId + "\n" + instruction).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        IdempotencyKeyEntity previous = IdempotencyKeyEntity.findById(scoped);
        if (previous != null) {
            if (!previous.fingerprint.equals(fingerprint)) {
                throw new ProblemException(Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422,
                        "This Idempotency-Key was already used for a different request; use a new key for a new step."));
            }
            return StepAccepted.fromJson(previous.response);
        }
        StepAccepted accepted = StepAccepted.of(requestCoachedStep(workspaceId, actor, sessionId, parentStepId, instruction));
        IdempotencyKeyEntity answer = new IdempotencyKeyEntity();
        answer.scopedKey = scoped;
        answer.fingerprint = fingerprint;
        answer.status = 202;
        answer.response = accepted.toJson();
        answer.createdAt = Instant.now();
        answer.persist();
        return accepted;
    }

    private static ProblemException sourceExists(UUID sessionId) {
        return new ProblemException(Problem.of("source-exists", "Source already uploaded", 409,
                "Session " + sessionId + " already has its original image; start a new session for another photo."));
    }

    private static SessionEntity lock(String workspaceId, UUID sessionId) {
        return SessionEntity.lockInWorkspace(sessionId, workspaceId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }

    /** A session opened with its original: the session and its root step. */
    public record Opened(SessionEntity session, StepEntity root) {
    }

    /** A checked upload and its thumbnail, already in S3. */
    public record StoredSource(ImageRef image, ImageRef thumbnail) {
    }
}
