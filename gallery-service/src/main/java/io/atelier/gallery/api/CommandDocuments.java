package io.atelier.gallery.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the commands the gallery forwards, as session-service defines them: here only so the
 * gallery's document describes its forwarded commands the same way (the gallery never parses them).
 * The system tests check that both services' documents give these schemas the same shape.
 */
final class CommandDocuments {
    /** The request-body limit, worded as session-service's document words it (platform BodyLimit enforces it in both). */
    static final String BODY_LIMIT_NOTE = "A body over 60 MB (the one limit of session-service and the gallery that forwards to it) "
            + "is refused before it is read: a 413 body-too-large problem and the connection closed; send `Expect: 100-continue` "
            + "to get that answer without sending the body.";

    private CommandDocuments() {
    }

    @Schema(name = "NewSession", description = "A new session; with a prompt, its root step is a draft painted by the generative engine.")
    record NewSession(@Schema(description = "What the session is for; blank or absent means \"Untitled session\" "
                              + "(or the prompt's start, for a session from a prompt).", maxLength = 200)
                      String title,
                      @Schema(description = "Start from a prompt instead of a photo: the picture to paint as the root step. "
                              + "Needs a generative engine (otherwise 422 no-generative-engine).", maxLength = 2000)
                      String prompt,
                      @Schema(description = "With a prompt: the size to paint at, WIDTHxHEIGHT (256 to 4096 a side); "
                              + "the engine uses the size its provider accepts closest in shape.", example = "1536x1024")
                      String size,
                      @Schema(description = "With a prompt, instead of size: the aspect ratio W:H (1:4 to 4:1), at about a megapixel.",
                              example = "3:2")
                      String aspect) {
    }

    @Schema(name = "NewSessionWithPhoto", description = "A new session with its photo (multipart/form-data).")
    record NewSessionWithPhoto(@Schema(description = "What the session is for; blank or absent means \"Untitled session\".", maxLength = 200)
                                      String title,
                                      @Schema(required = true, type = SchemaType.STRING, format = "binary",
                                              description = "The photo, PNG, JPEG or WebP; its bytes decide the format, not its name or part type.")
                                      String image) {
    }

    @Schema(name = "SessionCreated", description = "The session just opened: with its original when it was opened with its photo (multipart), "
            + "otherwise without an image until its source is uploaded.")
    record SessionCreated(@Schema(required = true) UUID sessionId, @Schema(required = true) String workspaceId,
                          @Schema(required = true) String title, @Schema(required = true) Instant createdAt,
                          @Schema(description = "The original, now the root step; present when the session was opened with its photo.")
                          java.util.Optional<SourceAdded> source,
                          @Schema(description = "The root step, pending until its draft is painted; present when the session was "
                                  + "started from a prompt.")
                          java.util.Optional<UUID> stepId) {
    }

    @Schema(name = "NewStep", description = "One change to make to a rendered step's image.")
    record NewStep(@Schema(required = true, description = "The step whose image to refine: the root step, or any rendered step.")
                   UUID parentStepId,
                   @Schema(required = true, minLength = 1, maxLength = 2000, description = "One change, in plain English.")
                   String instruction) {
    }

    @Schema(name = "SourceAdded", description = "The uploaded original, now the session's root step (already rendered).")
    record SourceAdded(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID stepId,
                       @Schema(required = true) String sha256, @Schema(required = true) int width, @Schema(required = true) int height,
                       @Schema(required = true, enumeration = {"image/png", "image/jpeg"}) String contentType) {
    }

    @Schema(name = "StepAccepted")
    record StepAccepted(UUID stepId, UUID sessionId, UUID parentStepId, String instruction, String status, Instant requestedAt,
                        @Schema(description = "The coach's advice on the instruction (it is queued all the same).") java.util.List<Advice> advice) {
    }

    @Schema(name = "Rename", description = "A new title for a session.")
    record Rename(@Schema(required = true, maxLength = 200) String title) {
    }

    @Schema(name = "StepName", description = "A name for a step, shown instead of its instruction.")
    record StepName(@Schema(required = true, maxLength = 200) String name) {
    }

    @Schema(name = "Renamed", description = "The new title or name.")
    record Renamed(@Schema(required = true) UUID sessionId, @Schema(description = "The step renamed; absent for a session.") UUID stepId,
                   @Schema(required = true) String name) {
    }

    @Schema(name = "StepCancelled", description = "A step that was pending and is now cancelled: RenderCancelled is its one terminal event.")
    record StepCancelled(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID stepId,
                         @Schema(required = true, enumeration = "cancelled") String status, @Schema(required = true) Instant cancelledAt) {
    }

    @Schema(name = "Advice", description = "One piece of the coach's advice.")
    record Advice(@Schema(required = true, enumeration = {"split", "evaluative", "layer-order", "long-branch"}) String kind,
                  @Schema(required = true, description = "What to tell the person.") String message,
                  @Schema(required = true, description = "The one instruction suggested instead; empty when the advice is to go back.") String suggestion,
                  @Schema(required = true, description = "Instructions to offer as one-click steps (the parts of a split, concrete alternatives).")
                  java.util.List<String> steps) {
    }
}
