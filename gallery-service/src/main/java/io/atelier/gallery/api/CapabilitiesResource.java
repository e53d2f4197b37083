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
 * What the engine can do from plain English: docs/capabilities.json, generated from the engine's planner
 * and packaged into this service as a resource, so the service does not carry the engine itself.
 */
@Path("/api/capabilities")
@Tag(name = "gallery")
public class CapabilitiesResource {
    private static final String RESOURCE = "/atelier/capabilities.json";
    private final byte[] document = load();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCapabilities", summary = "Edits, regions and example phrasings the engine understands",
            description = "Generated from the engine's operation declarations and the planner's catalogue (docs/capabilities.json).")
    @APIResponse(responseCode = "200", description = "What the built-in engine can do from plain English.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "one edit", value = """
                            {"planner": "meaning/3", "planSchemaVersion": 2, "about": "Edits the built-in engine makes from plain English.",
                             "edits": [{"name": "auto-level", "does": "stretch the tones to full black and white (auto levels)",
                                        "family": "light", "goesBothWays": false}]}""")))
    public byte[] capabilities() {
        return document;
    }

    private static byte[] load() {
        try (InputStream in = CapabilitiesResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build copies it from docs/capabilities.json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
