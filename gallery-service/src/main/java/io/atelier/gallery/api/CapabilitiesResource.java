package io.atelier.gallery.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Edits, regions and example phrasings the engine understands")
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
