package io.atelier.session.api;

import io.atelier.platform.Workspaces;
import io.atelier.platform.problem.ProblemException;
import io.atelier.session.SessionSettings;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The command API: open sessions, upload their original, request refinement steps. */
@Path("/api/sessions")
@Tag(name = "sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private static final String ACTOR = "user:local";

    private final SessionCommands commands;
    private final OutboxRelay relay;
    private final SessionSettings settings;

    public SessionResource(SessionCommands commands, OutboxRelay relay, SessionSettings settings) {
        this.commands = commands;
        this.relay = relay;
        this.settings = settings;
    }

    /** Body of a new session. */
    public record NewSession(String title) {
    }

    /** A created session. */
    public record SessionCreated(UUID sessionId, String workspaceId, String title, Instant createdAt) {
    }

    /** Body of a refinement request. */
    public record NewStep(UUID parentStepId, String instruction) {
    }

    /** The uploaded original, now the root step. */
    public record SourceAdded(UUID sessionId, UUID stepId, String sha256, int width, int height, String contentType) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a session")
    public Response create(NewSession body, @HeaderParam(Workspaces.HEADER) String workspace) {
        String ws = Workspaces.resolve(workspace, settings.defaultWorkspace());
        SessionEntity s = commands.startSession(ws, ACTOR, body == null ? null : body.title());
        relay.wake();
        return Response.created(URI.create("/api/sessions/" + s.id)).entity(new SessionCreated(s.id, s.workspaceId, s.title, s.createdAt)).build();
    }

    @POST
    @Path("{id}/source")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the original image (PNG or JPEG) as the root step")
    public Response source(@PathParam("id") UUID sessionId, @RestForm("image") FileUpload image,
                           @HeaderParam(Workspaces.HEADER) String workspace) {
        String ws = Workspaces.resolve(workspace, settings.defaultWorkspace());
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
        StepEntity root = commands.addSource(ws, ACTOR, sessionId, fileName.length() > 200 ? fileName.substring(0, 200) : fileName, stored);
        relay.wake();
        return Response.status(201).entity(new SourceAdded(sessionId, root.id, stored.image().sha256(), stored.image().width(),
                stored.image().height(), stored.image().contentType())).build();
    }

    @POST
    @Path("{id}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refine a step with a plain-English instruction; rendering happens asynchronously")
    public Response step(@PathParam("id") UUID sessionId, NewStep body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @HeaderParam(Workspaces.HEADER) String workspace) {
        String ws = Workspaces.resolve(workspace, settings.defaultWorkspace());
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
        StepAccepted accepted = commands.requestStepOnce(ws, ACTOR, sessionId, body.parentStepId(), instruction, idempotencyKey);
        relay.wake();
        return Response.accepted(accepted).build();
    }
}
