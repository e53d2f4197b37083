package io.atelier.session.api;

import io.atelier.platform.problem.ProblemException;
import io.atelier.session.SessionSettings;
import io.atelier.platform.access.CurrentCaller;
import io.atelier.session.command.SessionCommands;
import io.atelier.session.command.StepAccepted;
import io.atelier.session.model.SessionEntity;
import io.atelier.session.model.StepEntity;
import io.atelier.session.outbox.OutboxRelay;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.atelier.session.command.SessionOpening;
import io.atelier.session.command.DraftSize;
import io.atelier.session.command.GenerativeEngineCheck;
import io.atelier.platform.text.UserText;
import jakarta.ws.rs.DELETE;
import io.atelier.platform.problem.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The command API: open sessions, upload their original, request refinement steps. */
@Path("/api/sessions")
@Tag(name = "commands", description = "Open sessions, upload their original, request refinement steps. Errors are application/problem+json.")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    /** The request-body limit as both services' documents state it (platform BodyLimit enforces it). */
    static final String BODY_LIMIT_NOTE = "A body over 60 MB (the one limit of session-service and the gallery that forwards to it) "
            + "is refused before it is read: a 413 body-too-large problem and the connection closed; send `Expect: 100-continue` "
            + "to get that answer without sending the body.";

    private final SessionCommands commands;
    private final OutboxRelay relay;
    private final SessionSettings settings;
    private final CurrentCaller caller;
    private final SessionOpening opening;
    private final GenerativeEngineCheck engines;

    public SessionResource(SessionCommands commands, OutboxRelay relay, SessionSettings settings, CurrentCaller caller,
                           SessionOpening opening, GenerativeEngineCheck engines) {
        this.engines = engines;
        this.commands = commands;
        this.relay = relay;
        this.settings = settings;
        this.caller = caller;
        this.opening = opening;
    }

    // events record which key acted (its prefix names it without revealing it)
    private String actor() {
        return "key:" + caller.get().keyPrefix();
    }

    /** Body of a new session. */
    @Schema(description = "A new session; with a prompt, its root step is a draft painted by the generative engine.")
    public record NewSession(@Schema(description = "What the session is for; blank or absent means \"Untitled session\" "
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
        public NewSession(String title) {
            this(title, null, null, null);
        }
    }

    /** Body of a new session with its photo: documents the multipart form of startSession. */
    @Schema(name = "NewSessionWithPhoto", description = "A new session with its photo (multipart/form-data).")
    public record NewSessionWithPhoto(@Schema(description = "What the session is for; blank or absent means \"Untitled session\".", maxLength = 200)
                                      String title,
                                      @Schema(required = true, type = SchemaType.STRING, format = "binary",
                                              description = "The photo, PNG, JPEG or WebP; its bytes decide the format, not its name or part type.")
                                      String image) {
    }

    /** A created session. */
    @Schema(description = "The session just opened: with its original when it was opened with its photo (multipart), "
            + "otherwise without an image until its source is uploaded.")
    public record SessionCreated(@Schema(required = true) UUID sessionId, @Schema(required = true) String workspaceId,
                                 @Schema(required = true) String title, @Schema(required = true) Instant createdAt,
                                 @Schema(description = "The original, now the root step; present when the session was opened with its photo.")
                                 @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<SourceAdded> source,
                                 @Schema(description = "The root step, pending until its draft is painted; present when the session was "
                                         + "started from a prompt.")
                                 @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<UUID> stepId) {
    }

    /** Body of a refinement request. */
    @Schema(description = "One change to make to a rendered step's image.")
    public record NewStep(@Schema(required = true, description = "The step whose image to refine: the root step, or any rendered step.")
                          UUID parentStepId,
                          @Schema(required = true, minLength = 1, maxLength = 2000, description = "One change, in plain English.")
                          String instruction) {
    }

    /** The uploaded original, now the root step. */
    @Schema(description = "The uploaded original, now the session's root step (already rendered).")
    public record SourceAdded(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID stepId,
                              @Schema(required = true) String sha256, @Schema(required = true) int width,
                              @Schema(required = true) int height,
                              @Schema(required = true, enumeration = {"image/png", "image/jpeg"}) String contentType) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startSession", summary = "Open a session, with its photo in one command (multipart), from a prompt, or empty (JSON)",
            description = "As multipart/form-data with `title` and `image`, the photo is checked in full before anything is written: "
                    + "a refused photo leaves no session and no event. As JSON with `prompt` (and optionally `size` or `aspect`), "
                    + "the root step is a draft the generative engine paints: the answer names it (`stepId`, pending); without a "
                    + "generative engine configured the request is refused at once (422 no-generative-engine). " + BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewSession.class),
                    examples = {@ExampleObject(name = "hero", value = "{\"title\": \"TerraBrew hero\"}"),
                            @ExampleObject(name = "fromPrompt", value = """
                                    {"title": "Morning coffee", "prompt": "a cup of coffee on a rustic wooden table, morning light",
                                     "aspect": "3:2"}""")}),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = NewSessionWithPhoto.class))})
    @APIResponse(responseCode = "201", description = "The session is open: upload its source next, or follow its draft (`stepId`).",
            headers = @Header(name = "Location", description = "The session's address; read it from gallery-service.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionCreated.class),
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
            + "unsupported-image corrupt-image empty-prompt prompt-too-long invalid-size no-generative-engine rate-limited")
    public Response create(NewSession body) {
        String ws = caller.workspace();
        if (body != null && body.prompt() != null) {
            return fromPrompt(ws, body);
        }
        SessionEntity s = commands.startSession(ws, actor(), body == null ? null : body.title());
        relay.wake();
        return Response.created(URI.create("/api/sessions/" + s.id))
                .entity(new SessionCreated(s.id, s.workspaceId, s.title, s.createdAt, Optional.empty(), Optional.empty())).build();
    }

    // a session whose root is a generated draft: everything is checked, the engine included, before anything is written
    private Response fromPrompt(String ws, NewSession body) {
        UserText.check("prompt", body.prompt(), UserText.Lines.MULTI);
        String prompt = body.prompt().strip();
        if (prompt.isEmpty()) {
            throw ProblemException.badRequest("empty-prompt", "Empty prompt",
                    "Describe the picture to start from, for example \"a cup of coffee on a wooden table\".");
        }
        if (prompt.length() > settings.maxInstructionLength()) {
            throw ProblemException.badRequest("prompt-too-long", "Prompt too long",
                    "A prompt has at most " + settings.maxInstructionLength() + " characters; this one has " + prompt.length() + ".");
        }
        DraftSize size = DraftSize.of(body.size(), body.aspect());
        String title = commands.checkedTitle(body.title() == null || body.title().isBlank() ? titleFrom(prompt) : body.title());
        engines.require();
        SessionCommands.Opened opened = commands.startSessionFromPrompt(ws, actor(), title, prompt, size);
        relay.wake();
        SessionEntity s = opened.session();
        return Response.created(URI.create("/api/sessions/" + s.id))
                .entity(new SessionCreated(s.id, s.workspaceId, s.title, s.createdAt, Optional.empty(), Optional.of(opened.root().id))).build();
    }

    // a prompt's first words name its session when no title is given
    private static String titleFrom(String prompt) {
        String line = prompt.replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, line.lastIndexOf(' ', 60) > 20 ? line.lastIndexOf(' ', 60) : 60) + "…";
    }

    // the multipart form of startSession: documented on the JSON method, as OpenAPI has one operation per path and method
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response createWithPhoto(@RestForm("title") String title, @RestForm("image") FileUpload image) {
        String ws = caller.workspace();
        SessionCommands.Opened opened = opening.open(ws, actor(), title,
                Optional.ofNullable(image).map(f -> new SessionOpening.Upload(f.uploadedFile(), f.fileName())));
        relay.wake();
        SessionEntity s = opened.session();
        StepEntity root = opened.root();
        var image0 = root.image().orElseThrow();
        return Response.created(URI.create("/api/sessions/" + s.id)).entity(new SessionCreated(s.id, s.workspaceId, s.title, s.createdAt,
                Optional.of(new SourceAdded(s.id, root.id, image0.sha256(), image0.width(), image0.height(), image0.contentType())),
                Optional.empty())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSession", summary = "Delete a session with its photo and steps",
            description = "Appends SessionDeleted: the session leaves every list and answers 404 from then on. "
                    + "The audit trail (GET /api/sessions/{id}/audit) and the log keep every event, and its images stay stored for the audit.")
    @APIResponse(responseCode = "204", description = "The session is deleted.")
    @Extension(name = ProblemResponses.EXTENSION, value = "rate-limited")
    public Response delete(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId) {
        String ws = caller.workspace();
        commands.deleteSession(ws, actor(), sessionId);
        relay.wake();
        return Response.noContent().build();
    }

    /** Body of a rename. */
    @Schema(description = "A new title for a session.")
    public record Rename(@Schema(required = true, maxLength = 200, description = "The new title; blank means \"Untitled session\".") String title) {
    }

    /** Body of a step rename. */
    @Schema(description = "A name for a step, shown instead of its instruction.")
    public record StepName(@Schema(required = true, maxLength = 200, description = "The name; blank shows the instruction again.") String name) {
    }

    /** A renamed session or step. */
    @Schema(description = "The new title or name.")
    public record Renamed(@Schema(required = true) UUID sessionId, @Schema(description = "The step renamed; absent for a session.")
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<UUID> stepId, @Schema(required = true) String name) {
    }

    @jakarta.ws.rs.PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameSession", summary = "Give a session a new title", description = "Appends SessionRenamed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rename.class),
            examples = @ExampleObject(name = "rename", value = "{\"title\": \"TerraBrew spring hero\"}")))
    @APIResponse(responseCode = "200", description = "Renamed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Renamed.class), examples = @ExampleObject(name = "renamed", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "name": "TerraBrew spring hero"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "title-too-long control-character rate-limited")
    public Renamed rename(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId, Rename body) {
        SessionEntity s = commands.renameSession(caller.workspace(), actor(), sessionId, body == null ? null : body.title());
        relay.wake();
        return new Renamed(s.id, Optional.empty(), s.title);
    }

    @jakarta.ws.rs.PATCH
    @Path("{id}/steps/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameStep", summary = "Name a step", description = "Appends StepRenamed; the studio shows the name "
            + "instead of the instruction (which stays in the step and its plan).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StepName.class),
            examples = @ExampleObject(name = "name", value = "{\"name\": \"warm square — keeper\"}")))
    @APIResponse(responseCode = "200", description = "Renamed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Renamed.class), examples = @ExampleObject(name = "renamed", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "name": "warm square — keeper"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "title-too-long control-character rate-limited")
    public Renamed renameStep(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                              @Parameter(description = "The step's id.") @PathParam("step") UUID stepId, StepName body) {
        String name = commands.renameStep(caller.workspace(), actor(), sessionId, stepId, body == null ? null : body.name());
        relay.wake();
        return new Renamed(sessionId, Optional.of(stepId), name);
    }

    @DELETE
    @Path("{id}/steps/{step}")
    @Operation(operationId = "deleteStep", summary = "Delete the last step of a branch",
            description = "Appends StepDeleted: the step leaves the tree and cannot be refined; the log and the audit trail keep it. "
                    + "The original and steps with later steps stay (409 step-not-leaf).")
    @APIResponse(responseCode = "204", description = "The step is deleted.")
    @Extension(name = ProblemResponses.EXTENSION, value = "step-not-leaf rate-limited")
    public Response deleteStep(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                               @Parameter(description = "The step's id.") @PathParam("step") UUID stepId) {
        commands.deleteStep(caller.workspace(), actor(), sessionId, stepId);
        relay.wake();
        return Response.noContent().build();
    }

    /** A cancelled step. */
    @Schema(description = "A step that was pending and is now cancelled: RenderCancelled is its one terminal event.")
    public record StepCancelled(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID stepId,
                                @Schema(required = true, enumeration = "cancelled") String status, @Schema(required = true) Instant cancelledAt) {
    }

    @POST
    @Path("{id}/steps/{step}/cancel")
    @Operation(operationId = "cancelStep", summary = "Cancel a pending step",
            description = "Appends RenderCancelled, the step's terminal event: the step ends without an image, and the worker rendering it "
                    + "stops (a generative provider call is abandoned). A worker's answer arriving later is ignored. A step that has "
                    + "already finished (rendered, failed or cancelled) is a 409 step-finished; nothing is written.")
    @APIResponse(responseCode = "200", description = "The step is cancelled.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepCancelled.class), examples = @ExampleObject(name = "cancelled", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "status": "cancelled",
                     "cancelledAt": "2026-11-28T09:16:12Z"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "step-finished rate-limited")
    public StepCancelled cancelStep(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                                    @Parameter(description = "The step's id.") @PathParam("step") UUID stepId) {
        Instant at = commands.cancelStep(caller.workspace(), actor(), sessionId, stepId);
        relay.wake();
        return new StepCancelled(sessionId, stepId, "cancelled", at);
    }

    @POST
    @Path("{id}/source")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadSource", summary = "Upload the original image (PNG or JPEG) as the root step",
            description = "Every byte is decoded before anything is stored; at most 16384 pixels a side and 50 megapixels. "
                    + BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "image", properties = @SchemaProperty(name = "image", type = SchemaType.STRING, format = "binary",
                    description = "The photo, PNG or JPEG; its bytes decide the format, not its name or part type."))))
    @APIResponse(responseCode = "201", description = "The original is stored and is the root step, already rendered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceAdded.class),
                    examples = @ExampleObject(name = "coffee", value = """
                            {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                             "sha256": "9f2c4a0d5e8b7c6a1f3e2d4c5b6a7980e1f2d3c4b5a69788f0e1d2c3b4a59687",
                             "width": 1200, "height": 800, "contentType": "image/png"}""")))
    @Extension(name = ProblemResponses.EXTENSION,
            value = "missing-image source-exists image-too-large body-too-large unsupported-image corrupt-image rate-limited")
    public Response source(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                           @RestForm("image") FileUpload image) {
        String ws = caller.workspace();
        if (image == null) {
            throw ProblemException.badRequest("missing-image", "No image", "Send the image as the multipart form field 'image'.");
        }
        commands.requireSessionWithoutSource(ws, sessionId);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SessionCommands.StoredSource stored = commands.storeSource(ws, sessionId, bytes);
        String fileName = image.fileName() == null ? "upload" : image.fileName();
        StepEntity root = commands.addSource(ws, actor(), sessionId, fileName.length() > 200 ? fileName.substring(0, 200) : fileName, stored);
        relay.wake();
        return Response.status(201).entity(new SourceAdded(sessionId, root.id, stored.image().sha256(), stored.image().width(),
                stored.image().height(), stored.image().contentType())).build();
    }

    @POST
    @Path("{id}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestStep", summary = "Refine a step with a plain-English instruction; rendering happens asynchronously",
            description = "Answers at once with the new step, `pending`, and the coach's advice on the instruction (several changes at once, "
                    + "wording that judges, polish before light and composition, a long branch); the gallery shows it `rendered` or `failed` "
                    + "when a worker is done. An instruction that only judges the result (\"make it better\") names no change and is refused "
                    + "(no-concrete-change) with concrete suggestions in `advice`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewStep.class),
            examples = @ExampleObject(name = "crop", value = """
                    {"parentStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33", "instruction": "crop to a 1:1 square, keeping the cup centred"}""")))
    @APIResponse(responseCode = "202", description = "The step is accepted and pending; a retry with the same Idempotency-Key and body gets this same answer.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StepAccepted.class),
                    examples = @ExampleObject(name = "pending", value = """
                            {"stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11",
                             "parentStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                             "instruction": "crop to a 1:1 square, keeping the cup centred", "status": "pending",
                             "requestedAt": "2026-11-28T09:16:00Z", "advice": []}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-parent-step empty-instruction instruction-too-long control-character invalid-idempotency-key "
            + "no-concrete-change parent-pending parent-failed unknown-parent-step idempotency-key-reused rate-limited")
    public Response step(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId, NewStep body,
                         @Parameter(description = "Makes a retry safe: the same key with the same body gets the first answer again, "
                                 + "with another body a 422. At most 200 characters, scoped to the workspace.",
                                 schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                         @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String ws = caller.workspace();
        if (body == null || body.parentStepId() == null) {
            throw ProblemException.badRequest("missing-parent-step", "No parent step", "Say which step to refine in 'parentStepId'.");
        }
        String instruction = body.instruction() == null ? "" : body.instruction().strip();
        if (instruction.isEmpty()) {
            throw ProblemException.badRequest("empty-instruction", "Empty instruction",
                    "Describe one concrete change, for example \"crop to a 1:1 square\".");
        }
        if (instruction.length() > settings.maxInstructionLength()) {
            throw ProblemException.badRequest("instruction-too-long", "Instruction too long",
                    "An instruction has at most " + settings.maxInstructionLength() + " characters; this one has " + instruction.length()
                            + ". Give one change at a time.");
        }
        StepAccepted accepted = commands.requestStepOnce(ws, actor(), sessionId, body.parentStepId(), instruction, idempotencyKey);
        relay.wake();
        return Response.accepted(accepted).build();
    }
}
