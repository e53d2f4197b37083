package io.atelier.gallery.api;

import io.atelier.platform.problem.ProblemResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The brand kit on the studio's one URL: reads and changes go to session-service, which keeps the kit's
 * event log and decides everything, with the caller's key; its answers (and problems) come back as they are.
 * The kit is small and read rarely, so the gallery keeps no projection of it.
 */
@Path("/api/kit")
@Tag(name = "kit", description = "The workspace's brand kit, served by session-service; 502 when it does not answer.")
@Produces(MediaType.APPLICATION_JSON)
public class KitForwarding {
    private static final String UNAVAILABLE = " session-service-unavailable interrupted";
    private static final String KIT_EXAMPLE = """
            {"version": 6, "name": "TerraBrew",
             "palette": [{"name": "brand green", "hex": "#2e7d32"}, {"name": "oat cream", "hex": "#f3ead7"}],
             "logo": {"sha256": "5d1c0a3e9b7f4c2d8e6a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d0e", "width": 400, "height": 120,
                      "placement": "bottom-right", "size": 0.15},
             "instructions": [{"name": "TerraBrew morning light", "instruction": "add soft warm light from the left",
                               "sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
                               "whatIDid": ["lit the frame from the left with soft warm light"]}]}""";

    private final SessionServiceForwarder forwarder;

    public KitForwarding(SessionServiceForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Operation(operationId = "getKit", summary = "The workspace's brand kit")
    @APIResponse(responseCode = "200", description = "The kit at its current version.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = UNAVAILABLE)
    public Response get(@Context HttpHeaders headers) {
        return forwarder.forward("GET", "/api/kit", headers);
    }

    @GET
    @Path("history")
    @Operation(operationId = "getKitHistory", summary = "The kit's events, oldest first: each change with the version it made")
    @APIResponse(responseCode = "200", description = "The kit's log.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "one change", value = """
                    [{"type": "KitNamed", "schemaVersion": 1, "eventId": "2b8f0c7d-8d1b-4c47-9a57-6f1c2f9e1d11", "workspaceId": "default",
                      "version": 1, "time": "2026-11-28T09:15:00Z", "actor": "key:Q3v9Xk2a", "data": {"name": "TerraBrew"}}]""")))
    @Extension(name = ProblemResponses.EXTENSION, value = UNAVAILABLE)
    public Response history(@Context HttpHeaders headers) {
        return forwarder.forward("GET", "/api/kit/history", headers);
    }

    @PUT
    @Path("name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "nameKit", summary = "Name the kit")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "terrabrew", value = "{\"name\": \"TerraBrew\"}")))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-kit-entry control-character" + UNAVAILABLE)
    public Response name(byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("PUT", "/api/kit/name", body, headers);
    }

    @PUT
    @Path("palette")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPaletteColour", summary = "Add a named colour to the palette, or change its value",
            description = "Instructions can then name it: \"a brand green gradient on the upper third\".")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "brand green", value = "{\"name\": \"brand green\", \"hex\": \"#2E7D32\"}")))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-kit-entry control-character" + UNAVAILABLE)
    public Response setColour(byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("PUT", "/api/kit/palette", body, headers);
    }

    @DELETE
    @Path("palette")
    @Operation(operationId = "removePaletteColour", summary = "Take a named colour out of the palette")
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "kit-entry-not-found" + UNAVAILABLE)
    public Response removeColour(@Parameter(description = "The colour's name.", required = true) @QueryParam("name") String name,
                                 @Context HttpHeaders headers) {
        return forwarder.forward("DELETE", "/api/kit/palette" + query(name), headers);
    }

    @PUT
    @Path("logo")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "setLogo", summary = "Upload the logo (a PNG with alpha) with its default placement and size",
            description = "\"add our logo\" then composites it; \"add our logo top left\" overrides the placement. " + CommandDocuments.BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "image", properties = {
                    @SchemaProperty(name = "image", type = SchemaType.STRING, format = "binary", description = "The logo: a PNG with an alpha channel, at most 512 KB."),
                    @SchemaProperty(name = "placement", type = SchemaType.STRING, enumeration = {"top-left", "top-right", "bottom-left", "bottom-right", "centre"},
                            description = "Where it goes unless an instruction says; bottom-right when absent."),
                    @SchemaProperty(name = "size", type = SchemaType.NUMBER, minimum = "0.02", maximum = "0.6",
                            description = "Its width as a fraction of the picture's; 0.15 when absent.")})))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-image invalid-logo invalid-kit-entry body-too-large" + UNAVAILABLE)
    public Response setLogo(byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("PUT", "/api/kit/logo", body, headers);
    }

    @PUT
    @Path("font")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "setFont", summary = "Upload the font for text overlays (TrueType or OpenType)",
            description = "Checked by loading it as a font; stored with the family name it declares. " + CommandDocuments.BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "font", properties = @SchemaProperty(name = "font", type = SchemaType.STRING, format = "binary",
                    description = "A .ttf or .otf file, at most 10 MB."))))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-font invalid-font body-too-large" + UNAVAILABLE)
    public Response setFont(byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("PUT", "/api/kit/font", body, headers);
    }

    @POST
    @Path("instructions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveInstruction", summary = "Save a rendered step's instruction to the kit, with the plan it rendered with",
            description = "Naming it in a later instruction (\"apply TerraBrew morning light\") replays that plan exactly, on any photo.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "morning light", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                     "name": "TerraBrew morning light"}""")))
    @APIResponse(responseCode = "201", description = "Saved; the kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "not-found step-not-rendered invalid-kit-entry control-character" + UNAVAILABLE)
    public Response saveInstruction(byte[] body, @Context HttpHeaders headers) {
        return forwarder.forward("POST", "/api/kit/instructions", body, headers);
    }

    @DELETE
    @Path("instructions")
    @Operation(operationId = "removeInstruction", summary = "Take a saved instruction out of the kit")
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "kit-entry-not-found" + UNAVAILABLE)
    public Response removeInstruction(@Parameter(description = "The saved instruction's name.", required = true) @QueryParam("name") String name,
                                      @Context HttpHeaders headers) {
        return forwarder.forward("DELETE", "/api/kit/instructions" + query(name), headers);
    }

    private static String query(String name) {
        return name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
