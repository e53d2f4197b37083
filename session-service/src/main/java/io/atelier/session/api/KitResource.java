package io.atelier.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.kit.KitEvent;
import io.atelier.events.kit.KitEventCodec;
import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.problem.ProblemResponses;
import io.atelier.session.kit.Kit;
import io.atelier.session.kit.KitCommands;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The workspace's brand kit: read it, change it one event at a time, save a rendered step's instruction to it. */
@Path("/api/kit")
@Tag(name = "kit", description = "The workspace's brand kit: name, palette, logo, font and saved instructions, versioned by its events. "
        + "Instructions can name what is in it (\"a brand green gradient\", \"add our logo bottom right\", \"apply TerraBrew morning light\").")
@Produces(MediaType.APPLICATION_JSON)
public class KitResource {
    /** Shown as the example of every answer that is the kit. */
    static final String KIT_EXAMPLE = """
            {"version": 6, "name": "TerraBrew",
             "palette": [{"name": "brand green", "hex": "#2e7d32"}, {"name": "oat cream", "hex": "#f3ead7"}],
             "logo": {"sha256": "5d1c0a3e9b7f4c2d8e6a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d0e", "width": 400, "height": 120,
                      "placement": "bottom-right", "size": 0.15},
             "font": {"family": "Liberation Sans", "sha256": "8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"},
             "instructions": [{"name": "TerraBrew morning light", "instruction": "add soft warm light from the left",
                               "sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
                               "whatIDid": ["lit the frame from the left with soft warm light"]}]}""";

    private final KitCommands kits;
    private final CurrentCaller caller;

    public KitResource(KitCommands kits, CurrentCaller caller) {
        this.kits = kits;
        this.caller = caller;
    }

    private String actor() {
        return "key:" + caller.get().keyPrefix();
    }

    /** The kit as the studio and clients see it. */
    @Schema(name = "BrandKit", description = "A workspace's brand kit at its current version (0: never changed).")
    public record KitView(@Schema(required = true) long version, @Schema(required = true) String name,
                          @Schema(required = true) List<Colour> palette,
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Logo> logo,
                          @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<FontView> font,
                          @Schema(required = true) List<Saved> instructions) {
        static KitView of(Kit kit) {
            return new KitView(kit.version(), kit.name(), kit.palette().entrySet().stream().map(e -> new Colour(e.getKey(), e.getValue())).toList(),
                    kit.logo().map(l -> new Logo(l.image().sha256(), l.image().width(), l.image().height(), l.placement(), l.size())),
                    kit.font().map(f -> new FontView(f.family(), f.sha256())),
                    kit.instructions().values().stream().map(Saved::of).toList());
        }
    }

    @Schema(name = "KitColour", description = "A named palette colour.")
    public record Colour(@Schema(required = true, example = "brand green") String name, @Schema(required = true, example = "#2e7d32") String hex) {
    }

    @Schema(name = "KitLogo", description = "The logo: a PNG with alpha, its default placement and width as a fraction of the picture's.")
    public record Logo(String sha256, int width, int height, String placement, double size) {
    }

    @Schema(name = "KitFont", description = "The font for text overlays.")
    public record FontView(String family, String sha256) {
    }

    @Schema(name = "KitInstruction", description = "An instruction that worked, with the plan it rendered with (replayed exactly when named).")
    public record Saved(String name, String instruction, UUID sessionId, UUID stepId, List<String> whatIDid) {
        static Saved of(KitEvent.InstructionSaved s) {
            List<String> did = new java.util.ArrayList<>();
            s.plan().path("whatIDid").forEach(n -> did.add(n.asText()));
            return new Saved(s.name(), s.instruction(), s.sessionId(), s.stepId(), did);
        }
    }

    /** Body of a kit rename. */
    @Schema(name = "KitName", description = "The kit's name.")
    public record NewName(@Schema(required = true, maxLength = 80) String name) {
    }

    /** Body of a palette colour. */
    @Schema(name = "NewKitColour", description = "A named palette colour; setting an existing name changes its value.")
    public record NewColour(@Schema(required = true, maxLength = 60) String name, @Schema(required = true, description = "#rrggbb or #rgb") String hex) {
    }

    /** Body of saving a step to the kit. */
    @Schema(name = "SaveStep", description = "A rendered step whose instruction (and plan) to save to the kit.")
    public record SaveStep(@Schema(required = true) UUID sessionId, @Schema(required = true) UUID stepId,
                           @Schema(maxLength = 80, description = "What to call it; the instruction itself when absent.") String name) {
    }

    @GET
    @Operation(operationId = "getKit", summary = "The workspace's brand kit")
    @APIResponse(responseCode = "200", description = "The kit at its current version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KitView.class),
                    examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    public KitView get() {
        return KitView.of(kits.current(caller.workspace()));
    }

    @GET
    @Path("history")
    @Operation(operationId = "getKitHistory", summary = "The kit's events, oldest first: each change with the version it made")
    @APIResponse(responseCode = "200", description = "The kit's log.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "two changes", value = """
                            [{"type": "KitNamed", "schemaVersion": 1, "eventId": "2b8f0c7d-8d1b-4c47-9a57-6f1c2f9e1d11", "workspaceId": "default",
                              "version": 1, "time": "2026-11-28T09:15:00Z", "actor": "key:Q3v9Xk2a", "data": {"name": "TerraBrew"}},
                             {"type": "PaletteColourSet", "schemaVersion": 1, "eventId": "7c1d2e3f-8d1b-4c47-9a57-6f1c2f9e1d12", "workspaceId": "default",
                              "version": 2, "time": "2026-11-28T09:16:00Z", "actor": "key:Q3v9Xk2a", "data": {"name": "brand green", "hex": "#2e7d32"}}]""")))
    public List<JsonNode> history() {
        return kits.history(caller.workspace()).stream().map(e -> (JsonNode) KitEventCodec.toJson(e)).toList();
    }

    @PUT
    @Path("name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "nameKit", summary = "Name the kit")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewName.class),
            examples = @ExampleObject(name = "terrabrew", value = "{\"name\": \"TerraBrew\"}")))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-kit-entry control-character")
    public KitView name(NewName body) {
        return KitView.of(kits.name(caller.workspace(), actor(), body == null ? null : body.name()));
    }

    @PUT
    @Path("palette")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPaletteColour", summary = "Add a named colour to the palette, or change its value",
            description = "Instructions can then name it: \"a brand green gradient on the upper third\".")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewColour.class),
            examples = @ExampleObject(name = "brand green", value = "{\"name\": \"brand green\", \"hex\": \"#2E7D32\"}")))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-kit-entry control-character")
    public KitView setColour(NewColour body) {
        return KitView.of(kits.setColour(caller.workspace(), actor(), body == null ? null : body.name(), body == null ? null : body.hex()));
    }

    @DELETE
    @Path("palette")
    @Operation(operationId = "removePaletteColour", summary = "Take a named colour out of the palette")
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "kit-entry-not-found")
    public KitView removeColour(@Parameter(description = "The colour's name.", required = true) @QueryParam("name") String name) {
        return KitView.of(kits.removeColour(caller.workspace(), actor(), name));
    }

    @PUT
    @Path("logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "setLogo", summary = "Upload the logo (a PNG with alpha) with its default placement and size",
            description = "\"add our logo\" then composites it; \"add our logo top left\" overrides the placement. " + SessionResource.BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "image", properties = {
                    @SchemaProperty(name = "image", type = SchemaType.STRING, format = "binary", description = "The logo: a PNG with an alpha channel, at most 512 KB."),
                    @SchemaProperty(name = "placement", type = SchemaType.STRING, enumeration = {"top-left", "top-right", "bottom-left", "bottom-right", "centre"},
                            description = "Where it goes unless an instruction says; bottom-right when absent."),
                    @SchemaProperty(name = "size", type = SchemaType.NUMBER, minimum = "0.02", maximum = "0.6",
                            description = "Its width as a fraction of the picture's; 0.15 when absent.")})))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-image invalid-logo invalid-kit-entry body-too-large")
    public KitView setLogo(@RestForm("image") FileUpload image, @RestForm("placement") String placement, @RestForm("size") String size) {
        if (image == null) {
            throw ProblemException.badRequest("missing-image", "No image", "Send the logo as the multipart form field 'image'.");
        }
        Double width;
        try {
            width = size == null || size.isBlank() ? null : Double.valueOf(size.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-kit-entry", "Invalid kit entry", "'size' is a number from 0.02 to 0.6; got '" + size + "'.");
        }
        return KitView.of(kits.setLogo(caller.workspace(), actor(), read(image), placement, width));
    }

    @PUT
    @Path("font")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "setFont", summary = "Upload the font for text overlays (TrueType or OpenType)",
            description = "Checked by loading it as a font; stored with the family name it declares. " + SessionResource.BODY_LIMIT_NOTE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "font", properties = @SchemaProperty(name = "font", type = SchemaType.STRING, format = "binary",
                    description = "A .ttf or .otf file, at most 10 MB."))))
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "missing-font invalid-font body-too-large")
    public KitView setFont(@RestForm("font") FileUpload font) {
        if (font == null) {
            throw ProblemException.badRequest("missing-font", "No font", "Send the font file as the multipart form field 'font'.");
        }
        return KitView.of(kits.setFont(caller.workspace(), actor(), read(font)));
    }

    @POST
    @Path("instructions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveInstruction", summary = "Save a rendered step's instruction to the kit, with the plan it rendered with",
            description = "Naming it in a later instruction (\"apply TerraBrew morning light\") replays that plan exactly, on any photo.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SaveStep.class),
            examples = @ExampleObject(name = "morning light", value = """
                    {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                     "name": "TerraBrew morning light"}""")))
    @APIResponse(responseCode = "201", description = "Saved; the kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "not-found step-not-rendered invalid-kit-entry control-character")
    public Response saveInstruction(SaveStep body) {
        if (body == null) {
            throw ProblemException.badRequest("invalid-kit-entry", "Invalid kit entry", "Say which step to save: 'sessionId' and 'stepId'.");
        }
        Kit kit = kits.saveStep(caller.workspace(), actor(), body.sessionId(), body.stepId(), body.name());
        return Response.status(201).entity(KitView.of(kit)).build();
    }

    @DELETE
    @Path("instructions")
    @Operation(operationId = "removeInstruction", summary = "Take a saved instruction out of the kit")
    @APIResponse(responseCode = "200", description = "The kit, one version later.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KitView.class), examples = @ExampleObject(name = "terrabrew", value = KIT_EXAMPLE)))
    @Extension(name = ProblemResponses.EXTENSION, value = "kit-entry-not-found")
    public KitView removeInstruction(@Parameter(description = "The saved instruction's name.", required = true) @QueryParam("name") String name) {
        return KitView.of(kits.removeInstruction(caller.workspace(), actor(), name));
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
