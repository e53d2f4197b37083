package io.atelier.gallery.api;

import io.atelier.platform.problem.ProblemResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The studio's commands, forwarded unchanged to session-service, so a person uses one URL: the
 * gallery reads, session-service decides. Body, content type and idempotency key pass through, with the
 * caller's key (from their header or their studio cookie) as a bearer header: session-service verifies it
 * itself and trusts no workspace the gallery could name; session-service's answer (including its problem+json) comes back as it is.
 */
@Path("/api/sessions")
@Tag(name = "commands", description = "Forwarded unchanged to session-service, whose answers (and problems) come back as they are; "
        + "502 when it does not answer.")
public class CommandForwarding {
    private final SessionServiceForwarder forwarder;

    public CommandForwarding(SessionServiceForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "startSession", summary = "Open a session, with its photo in one command (multipart), from a prompt, or empty (JSON)",
            description = "As multipart/form-data with `title` and `image`, the photo is checked in full before anything is written: "
                    + "a refused photo leaves no session and no event. As JSON with `prompt` (and optionally `size` or `aspect`), "
                    + "the root step is a draft the generative engine paints: the answer names it (`stepId`, pending); without a "
                    + "generative engine configured the request is refused at once (422 no-generative-engine). " + CommandDocuments.BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDocuments.NewSession.class),
                    examples = {@ExampleObject(name = "hero", value = "{\"title\": \"TerraBrew hero\"}"),
                            @ExampleObject(name = "fromPrompt", value = """
                                    {"title": "Morning coffee", "prompt": "a cup of coffee on a rustic wooden table, morning light",
                                     "aspect": "3:2"}""")}),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = CommandDocuments.NewSessionWithPhoto.class))})
    @APIResponse(responseCode = "201", description = "The session is open: upload its source next, or follow its draft (`stepId`).",
            headers = @Header(name = "Location", description = "The session's address.", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDocuments.SessionCreated.class),
                    examples = {@ExampleObject(name = "created", value = """
                            {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "workspaceId": "default",
                             "title": "TerraBrew hero", "createdAt": "2026-11-28T09:15:00Z"}"""),
                    @ExampleObject(name = "withPhoto", value = """
                            {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "workspaceId": "default",
                             "title": "TerraBrew hero", "createdAt": "2026-11-28T09:15:00Z",
                             "source": {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                                        "sha256": "9f2c4a0d5e8b7c6a1f3e2d4c5b6a7980e1f2d3c4b5a69788f0e1d2c3b4a59687",
                                        "width": 1200, "height": 800, "contentType": "image/png"}}"""),
                    @ExampleObject(name = "fromPrompt", value = """
                            {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "workspaceId": "default",
                             "title": "Morning coffee", "createdAt": "2026-11-28T09:15:00Z",
                             "stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33"}""")}))
    @Extension(name = ProblemResponses.EXTENSION, value = "title-too-long control-character missing-image image-too-large body-too-large "
            + "unsupported-image corrupt-image empty-prompt prompt-too-long invalid-size no-generative-engine rate-limited "
            + "session-service-unavailable interrupted")
    public Response start(byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("POST", "/api/sessions", body, headers);
    }

    @POST
    @Path("{id}/source")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "uploadSource", summary = "Upload the original image (PNG or JPEG) as the root step",
            description = "Every byte is decoded before anything is stored; at most 16384 pixels a side and 50 megapixels. "
                    + CommandDocuments.BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "image", properties = @SchemaProperty(name = "image", type = SchemaType.STRING, format = "binary",
                    description = "The photo, PNG or JPEG; its bytes decide the format, not its name or part type."))))
    @APIResponse(responseCode = "201", description = "The original is stored and is the root step, already rendered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDocuments.SourceAdded.class),
                    examples = @ExampleObject(name = "coffee", value = """
                            {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                             "sha256": "9f2c4a0d5e8b7c6a1f3e2d4c5b6a7980e1f2d3c4b5a69788f0e1d2c3b4a59687",
                             "width": 1200, "height": 800, "contentType": "image/png"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-image source-exists image-too-large body-too-large "
            + "unsupported-image corrupt-image rate-limited session-service-unavailable interrupted")
    public Response source(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId, byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("POST", "/api/sessions/" + sessionId + "/source", body, headers);
    }

    @POST
    @Path("{id}/steps")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "requestStep", summary = "Refine a step with a plain-English instruction; rendering happens asynchronously",
            description = "Answers at once with the new step, `pending`; the tree shows it `rendered` or `failed` when a worker is done.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING, maxLength = 200),
            description = "Makes a retry safe: the same key with the same body gets the first answer again, with another body a 422. "
                    + "At most 200 characters, scoped to the workspace.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommandDocuments.NewStep.class),
            examples = @ExampleObject(name = "crop", value = """
                    {"parentStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33", "instruction": "crop to a 1:1 square, keeping the cup centred"}""")))
    @APIResponse(responseCode = "202", description = "The step is accepted and pending; a retry with the same Idempotency-Key and body gets this same answer.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandDocuments.StepAccepted.class),
                    examples = @ExampleObject(name = "pending", value = """
                            {"stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11",
                             "parentStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                             "instruction": "crop to a 1:1 square, keeping the cup centred", "status": "pending",
                             "requestedAt": "2026-11-28T09:16:00Z", "advice": []}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-parent-step empty-instruction instruction-too-long control-character invalid-idempotency-key "
            + "no-concrete-change parent-pending parent-failed unknown-parent-step idempotency-key-reused rate-limited session-service-unavailable interrupted")
    public Response step(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId, byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("POST", "/api/sessions/" + sessionId + "/steps", body, headers);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSession", summary = "Delete a session with its photo and steps",
            description = "Appends SessionDeleted: the session leaves every list and answers 404 from then on. "
                    + "The audit trail (GET /api/sessions/{id}/audit) and the log keep every event, and its images stay stored for the audit.")
    @APIResponse(responseCode = "204", description = "The session is deleted.")
    @Extension(name = ProblemResponses.EXTENSION, value = "rate-limited session-service-unavailable interrupted")
    public Response delete(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId, @Context HttpHeaders headers) {
        return forwarder.forward("DELETE", "/api/sessions/" + sessionId, headers);
    }

    @jakarta.ws.rs.PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameSession", summary = "Give a session a new title", description = "Appends SessionRenamed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommandDocuments.Rename.class),
            examples = @ExampleObject(name = "rename", value = "{\"title\": \"TerraBrew spring hero\"}")))
    @APIResponse(responseCode = "200", description = "Renamed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommandDocuments.Renamed.class), examples = @ExampleObject(name = "renamed", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "name": "TerraBrew spring hero"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "title-too-long control-character rate-limited session-service-unavailable interrupted")
    public Response rename(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId, byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("PATCH", "/api/sessions/" + sessionId, body, headers);
    }

    @jakarta.ws.rs.PATCH
    @Path("{id}/steps/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameStep", summary = "Name a step", description = "Appends StepRenamed; the studio shows the name "
            + "instead of the instruction (which stays in the step and its plan).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommandDocuments.StepName.class),
            examples = @ExampleObject(name = "name", value = "{\"name\": \"warm square — keeper\"}")))
    @APIResponse(responseCode = "200", description = "Renamed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommandDocuments.Renamed.class), examples = @ExampleObject(name = "renamed", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "name": "warm square — keeper"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "title-too-long control-character rate-limited session-service-unavailable interrupted")
    public Response renameStep(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                               @Parameter(description = "The step's id.") @PathParam("step") UUID stepId, byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("PATCH", "/api/sessions/" + sessionId + "/steps/" + stepId, body, headers);
    }

    @POST
    @Path("{id}/steps/{step}/cancel")
    @Operation(operationId = "cancelStep", summary = "Cancel a pending step",
            description = "Appends RenderCancelled, the step's terminal event: the step ends without an image, and the worker rendering it "
                    + "stops (a generative provider call is abandoned). A worker's answer arriving later is ignored. A step that has "
                    + "already finished (rendered, failed or cancelled) is a 409 step-finished; nothing is written.")
    @APIResponse(responseCode = "200", description = "The step is cancelled.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommandDocuments.StepCancelled.class), examples = @ExampleObject(name = "cancelled", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "status": "cancelled",
                     "cancelledAt": "2026-11-28T09:16:12Z"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "step-finished rate-limited session-service-unavailable interrupted")
    public Response cancelStep(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                               @Parameter(description = "The step's id.") @PathParam("step") UUID stepId, @Context HttpHeaders headers) {
        return forwarder.forward("POST", "/api/sessions/" + sessionId + "/steps/" + stepId + "/cancel", null, headers);
    }

    @DELETE
    @Path("{id}/steps/{step}")
    @Operation(operationId = "deleteStep", summary = "Delete the last step of a branch",
            description = "Appends StepDeleted: the step leaves the tree and cannot be refined; the log and the audit trail keep it. "
                    + "The original and steps with later steps stay (409 step-not-leaf).")
    @APIResponse(responseCode = "204", description = "The step is deleted.")
    @Extension(name = ProblemResponses.EXTENSION, value = "step-not-leaf rate-limited session-service-unavailable interrupted")
    public Response deleteStep(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                               @Parameter(description = "The step's id.") @PathParam("step") UUID stepId, @Context HttpHeaders headers) {
        return forwarder.forward("DELETE", "/api/sessions/" + sessionId + "/steps/" + stepId, headers);
    }
}
