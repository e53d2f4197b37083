package io.atelier.gallery.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event of a session's log as the audit trail shows it: what happened, who did it, why, and which bytes went in and out. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "AuditEntry", description = "One event of the session's log, in log order.")
public record AuditEntry(
        @Schema(description = "The session's own sequence number of the event (1, 2, 3… without gaps).") long sequence,
        @Schema(description = "SessionStarted, SourceImageAdded, DraftRequested, InstructionRequested, GenerationStarted, ImageRendered, "
                + "RenderFailed, RenderCancelled, SessionRenamed, StepRenamed, StepDeleted or SessionDeleted.") String type,
        @Schema(description = "The event's id; for outcomes, the id the render worker gave it.") UUID eventId,
        @Schema(description = "When it happened; for outcomes, when the worker finished.") Instant time,
        @Schema(description = "Who did it: user:…, worker:<name>.") String actor,
        @Schema(description = "The event this one answers or follows from: an outcome's request; a request's parent step's event.",
                nullable = true) UUID causationId,
        @Schema(description = "The step the event belongs to (a request and its outcome share it).", nullable = true) UUID correlationId,
        @Schema(nullable = true) UUID stepId,
        @Schema(nullable = true) UUID parentStepId,
        @Schema(description = "The instruction of the step, on its request and its outcome.", nullable = true) String instruction,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "The edit plan that ran (ImageRendered).", nullable = true) JsonNode plan,
        @Schema(nullable = true) String engineVersion,
        @Schema(description = "How the subject was found, with the model file's sha256 prefix for a model (e.g. isnet-medium/1.4.5+sha256:b6e8497ba978a6f5, grabcut-centre-prior/1, none).", nullable = true) String subjectMethod,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                description = "What a generative provider reported about the step, as recorded (null for built-in steps); "
                        + "on GenerationStarted, the provider called and when (stepId, provider, startedAt).",
                nullable = true) JsonNode provenance,
        @Schema(description = "sha256 of the image the step started from.", nullable = true) String inputSha256,
        @Schema(description = "sha256 of the image the event stored.", nullable = true) String outputSha256,
        @Schema(description = "Why a step failed (RenderFailed), or who cancelled it (RenderCancelled).", nullable = true) String failureReason,
        @Schema(description = "The brand kit version the step was asked under (its request and outcome); null without a kit.",
                nullable = true) Long kitVersion) {
}
