package io.atelier.gallery.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The read API's documents. */
public final class GalleryViews {
    private GalleryViews() {
    }

    /** One session in the workspace list. */
    public record SessionSummary(UUID sessionId, String title, Instant createdAt, Instant updatedAt, int steps, String thumbnailUrl) {
    }

    /** A session with its whole branch tree, steps in the order they were requested. */
    public record SessionTree(UUID sessionId, String workspaceId, String title, Instant createdAt, Instant updatedAt, UUID rootStepId,
                              List<Step> steps) {
    }

    /** A stored image of a step. */
    public record Image(String url, int width, int height, String contentType, long bytes, String sha256) {
    }

    /** Why a step failed, in words a person can act on. */
    public record Failure(String reason, String hint, List<String> notUnderstood) {
    }

    /**
     * One node of the branch tree. Absent parts (no image yet, no failure) are null in JSON.
     * {@code subjectMethod} says how the render found the subject ("none" when no operation needed it).
     */
    public record Step(UUID stepId, UUID parentStepId, List<UUID> childStepIds, String instruction, String status, Failure failure,
                       Image image, String thumbnailUrl, JsonNode plan, String engineVersion, Long durationMillis, String subjectMethod,
                       Instant requestedAt, Instant finishedAt) {
    }
}
