package io.atelier.session.api;

import io.atelier.platform.access.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which workspace the presented key belongs to: how a client (and the gallery) checks a key. */
@Path("/api/workspace")
@Tag(name = "access", description = "API keys: every /api request carries one as 'Authorization: Bearer'; its workspace is the request's.")
public class WorkspaceResource {
    private final CurrentCaller caller;

    public WorkspaceResource(CurrentCaller caller) {
        this.caller = caller;
    }

    /** The key's workspace and prefix (never the secret). */
    @Schema(name = "KeyWorkspace", description = "The workspace the presented key belongs to.")
    public record KeyWorkspace(@Schema(required = true) String workspaceId,
                               @Schema(required = true, description = "The key's 8-character prefix, as `./atelier keys list` shows it.")
                               String keyPrefix) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWorkspace", summary = "The workspace of the presented API key")
    @APIResponse(responseCode = "200", description = "The key is live; this is its workspace.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyWorkspace.class),
                    examples = @ExampleObject(name = "default", value = "{\"workspaceId\": \"default\", \"keyPrefix\": \"Q3v9Xk2a\"}")))
    public KeyWorkspace workspace() {
        return new KeyWorkspace(caller.workspace(), caller.get().keyPrefix());
    }
}
