package io.atelier.gallery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Use-case presets: docs/presets.json, packaged as a resource (the engine's PresetsTest checks every
 * instruction in it is carried out), served as it is. The studio offers a preset's instructions one by one.
 */
@Path("/api/presets")
@Tag(name = "gallery")
public class PresetsResource {
    private static final String RESOURCE = "/atelier/presets.json";
    private final byte[] document = load();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPresets", summary = "Use-case presets: named sequences of instructions, applied one step at a time",
            description = "Social square, blog header with room for text, e-commerce clean background, ad creative in brand colours. "
                    + "Each instruction is sent as its own step (POST …/steps), so every change can be judged and branched from.")
    @APIResponse(responseCode = "200", description = "Every preset with its instructions in order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "one preset", value = """
                            {"about": "Use-case presets.", "presets": [{"id": "social-square", "name": "Social square",
                              "for": "Instagram and other square feeds",
                              "instructions": ["crop to a 1:1 square, keeping the subject centred", "add a little vibrance"]}]}""")))
    public byte[] presets() {
        return document;
    }

    private static byte[] load() {
        try (InputStream in = PresetsResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build copies it from docs/presets.json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
