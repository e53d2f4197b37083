package io.atelier.gallery.api;

import io.atelier.gallery.access.StudioCookie;
import io.atelier.platform.access.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import io.atelier.platform.problem.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The studio's sign-in: a key, sent once as a bearer header, becomes an HttpOnly cookie that images and live updates carry. */
@Path("/api")
@Tag(name = "access", description = "Every /api request carries an API key ('Authorization: Bearer'); the studio signs in once "
        + "and then sends an HttpOnly cookie instead, because <img> and EventSource cannot send headers.")
public class SignInResource {
    private final CurrentCaller caller;
    private final StudioCookie cookies;

    public SignInResource(CurrentCaller caller, StudioCookie cookies) {
        this.caller = caller;
        this.cookies = cookies;
    }

    /** Who is signed in, and until when. */
    @Schema(description = "The sign-in: the key's workspace and prefix (never the key) and when the sign-in ends.")
    public record SignedIn(@Schema(required = true) String workspaceId, @Schema(required = true) String keyPrefix,
                           @Schema(required = true) Instant expiresAt) {
    }

    /** The key's workspace and prefix (never the key). */
    @Schema(name = "KeyWorkspace", description = "The workspace the presented key belongs to.")
    public record KeyWorkspace(@Schema(required = true) String workspaceId,
                               @Schema(required = true, description = "The key's 8-character prefix, as `./atelier keys list` shows it.")
                               String keyPrefix) {
    }

    @GET
    @Path("workspace")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWorkspace", summary = "The workspace of the presented API key (or of the studio's sign-in)")
    @APIResponse(responseCode = "200", description = "The key is live; this is its workspace.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyWorkspace.class),
                    examples = @ExampleObject(name = "default", value = "{\"workspaceId\": \"default\", \"keyPrefix\": \"Q3v9Xk2a\"}")))
    @Extension(name = ProblemResponses.EXTENSION, value = "session-service-unavailable interrupted")
    public KeyWorkspace workspace() {
        return new KeyWorkspace(caller.workspace(), caller.get().keyPrefix());
    }

    @POST
    @Path("signin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign the studio in with an API key (sent as Authorization: Bearer)",
            description = "Sets an HttpOnly, SameSite=Strict cookie that stands for the key until it expires or the key is revoked.")
    @APIResponse(responseCode = "200", description = "Signed in; the cookie is set.",
            headers = @Header(name = "Set-Cookie", description = "`atelier_studio=…; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800`",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedIn.class),
                    examples = @ExampleObject(name = "signed in", value = """
                            {"workspaceId": "default", "keyPrefix": "Q3v9Xk2a", "expiresAt": "2026-11-28T17:15:00Z"}""")))
    @Extension(name = ProblemResponses.EXTENSION, value = "session-service-unavailable interrupted")
    public Response signIn(@Context UriInfo uri) {
        NewCookie cookie = cookie(cookies.seal(caller.get().key()), (int) cookies.lifetime().toSeconds(), uri);
        return Response.ok(new SignedIn(caller.workspace(), caller.get().keyPrefix(), Instant.now().plus(cookies.lifetime())))
                .cookie(cookie).build();
    }

    @POST
    @Path("signout")
    @Operation(operationId = "signOut", summary = "Sign the studio out", description = "Clears the sign-in cookie.")
    @Extension(name = ProblemResponses.EXTENSION, value = "session-service-unavailable interrupted")
    @APIResponse(responseCode = "204", description = "Signed out; the cookie is cleared.",
            headers = @Header(name = "Set-Cookie", description = "`atelier_studio=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response signOut(@Context UriInfo uri) {
        return Response.noContent().cookie(cookie("", 0, uri)).build();
    }

    // Secure whenever the studio is reached over https (directly or behind a proxy that says so)
    private static NewCookie cookie(String value, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(StudioCookie.NAME).value(value).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge).secure("https".equals(uri.getRequestUri().getScheme())).build();
    }
}
