package io.atelier.gallery.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read API's documents. */
public final class GalleryViews {
    private GalleryViews() {
    }

    /** One session in the workspace list. */
    @Schema(description = "One session in the workspace's list.")
    public record SessionSummary(@Schema(required = true) UUID sessionId, @Schema(required = true) String title,
                                 @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt,
                                 @Schema(required = true, description = "How many steps the session has, its root included.") int steps,
                                 @Schema(description = "Path of the newest step's thumbnail; absent until the source is uploaded.")
                                 String thumbnailUrl) {
    }

    /** A session with its whole branch tree, steps in the order they were requested. */
    @Schema(description = "A session with its whole branch tree; steps in the order they were requested.")
    public record SessionTree(@Schema(required = true) UUID sessionId, @Schema(required = true) String workspaceId,
                              @Schema(required = true) String title, @Schema(required = true) Instant createdAt,
                              @Schema(required = true) Instant updatedAt,
                              @Schema(description = "The uploaded original's step; absent until it is uploaded.") UUID rootStepId,
                              @Schema(required = true) List<Step> steps) {
    }

    /** A stored image of a step. */
    @Schema(description = "A stored image of a step.")
    public record Image(@Schema(required = true, description = "Path of the image on this service.") String url,
                        @Schema(required = true) int width, @Schema(required = true) int height,
                        @Schema(required = true, enumeration = {"image/png", "image/jpeg"}) String contentType,
                        @Schema(required = true) long bytes, @Schema(required = true) String sha256) {
    }

    /** Why a step failed, in words a person can act on. */
    @Schema(description = "Why a step failed, in words a person can act on.")
    public record Failure(@Schema(required = true) String reason, @Schema(description = "What would work instead.") String hint,
                          @Schema(description = "Words of the instruction the planner did not understand.") List<String> notUnderstood) {
    }

    /**
     * One node of the branch tree. Absent parts (no image yet, no failure) are null in JSON.
     * {@code subjectMethod} says how the render found the subject ("none" when no operation needed it).
     */
    @Schema(description = "One node of the branch tree. Parts a step does not have yet (image, failure, plan) are null.")
    public record Step(@Schema(required = true) UUID stepId,
                       @Schema(description = "Null for the root step.") UUID parentStepId,
                       @Schema(required = true) List<UUID> childStepIds,
                       @Schema(description = "Null for the root step.") String instruction,
                       @Schema(required = true, enumeration = {"pending", "rendered", "failed", "cancelled"}) String status,
                       @Schema(description = "Set when the step failed.") Failure failure,
                       @Schema(description = "Set when the step is rendered.") Image image,
                       @Schema(description = "Path of the step's thumbnail, once rendered.") String thumbnailUrl,
                       @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                               description = "The edit plan the render ran (see docs/engine.md for its JSON Schema).") JsonNode plan,
                       String engineVersion, Long durationMillis,
                       @Schema(description = "How the render found the subject; \"none\" when no operation needed it.") String subjectMethod,
                       @Schema(required = true) Instant requestedAt, Instant finishedAt,
                       @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "For a step painted by a generative engine: "
                               + "provider, model, requestId, revisedPrompt, seed, usage (as the provider reported it), mode (region, changes or draft), "
                               + "committedFraction, and maskUrl, the committed mask (white = new content). Null otherwise.")
                       JsonNode generated,
                       @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                               description = "How far the render drifted: againstParent and againstOriginal, each with ssim, meanDeltaE, "
                                       + "p95DeltaE, histogramDistance, temperatureShiftKelvin, exposureShiftStops, dominantColours, "
                                       + "reframed, aligned, score (0-100) and warns (see docs/drift.md). Null before the render, or for renders "
                                       + "made before drift was measured.") JsonNode drift,
                       @Schema(description = "Set when this step has drifted too far from the original: the last step on its path "
                               + "before it crossed the threshold, the one to branch from instead.") UUID driftReturnTo,
                       @Schema(description = "Path of the step's display-sized preview (long side at most 2048 px, JPEG), once rendered: "
                               + "what the studio shows; the full image is for download and 100% zoom.") String previewUrl,
                       @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "When each hop of the step's path "
                               + "happened (ISO instants): accepted, published (on the session log), renderStarted, rendered (image stored), "
                               + "recorded (on the session), outcomePublished. Null for steps from before hops were recorded.")
                       JsonNode timings,
                       @Schema(description = "A name given to the step (renameStep), shown instead of its instruction; null when none.")
                       String name,
                       @Schema(description = "While a pending step waits on a generative provider: which one and since when (the studio "
                               + "counts the seconds from startedAt). Null otherwise.") Progress progress) {

        Step withDriftReturnTo(UUID returnTo) {
            return new Step(stepId, parentStepId, childStepIds, instruction, status, failure, image, thumbnailUrl, plan, engineVersion,
                    durationMillis, subjectMethod, requestedAt, finishedAt, generated, drift, returnTo, previewUrl, timings, name, progress);
        }
    }

    /** A generative call in progress for a pending step. */
    @Schema(description = "A generative call in progress: the provider (openai, bfl, comfyui) and when the worker started the call.")
    public record Progress(@Schema(required = true) String provider, @Schema(required = true) Instant startedAt) {
    }
}
