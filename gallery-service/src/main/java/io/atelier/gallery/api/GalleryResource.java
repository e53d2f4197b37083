package io.atelier.gallery.api;

import io.atelier.gallery.projection.SessionChanges;
import io.atelier.platform.access.CurrentCaller;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestStreamElementType;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.problem.ProblemResponses;
import io.atelier.platform.storage.ImageStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The read API: the workspace's sessions, a session's branch tree, and step images. */
@Path("/api/sessions")
@Tag(name = "gallery", description = "Reads: the workspace's sessions, a session's branch tree, step images, live updates.")
public class GalleryResource {
    private static final Logger LOG = Logger.getLogger(GalleryResource.class);
    private final GalleryQueries queries;
    private final ImageStore images;
    private final SessionChanges changes;
    private final CurrentCaller caller;
    // field-injected so the constructor other changes edit stays as it is
    @jakarta.inject.Inject
    StreamPermits streams;
    @jakarta.inject.Inject
    StepPreviews previews;

    public GalleryResource(GalleryQueries queries, ImageStore images, SessionChanges changes, CurrentCaller caller) {
        this.queries = queries;
        this.changes = changes;
        this.images = images;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSessions", summary = "Sessions of the workspace, newest first")
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-limit")
    @APIResponse(responseCode = "200", description = "The sessions, newest first.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GalleryViews.SessionSummary.class),
            examples = @ExampleObject(name = "one session", value = """
                    [{"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "title": "TerraBrew hero", "createdAt": "2026-11-28T09:15:00Z",
                      "updatedAt": "2026-11-28T09:16:02Z", "steps": 2,
                      "thumbnailUrl": "/api/sessions/6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11/steps/4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d/thumbnail"}]""")))
    public List<GalleryViews.SessionSummary> list(
            @Parameter(description = "How many sessions at most; kept within 1–500, default 100.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "100")) @QueryParam("limit") String limit) {
        int n = Math.max(1, Math.min(500, limit(limit)));
        return queries.recentSessions(caller.workspace(), n);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSessionTree", summary = "A session and its branch tree")
    @APIResponse(responseCode = "200", description = "The session and every step, in the order they were requested.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GalleryViews.SessionTree.class),
                    examples = @ExampleObject(name = "a crop pending", value = """
                            {"sessionId": "6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11", "workspaceId": "default", "title": "TerraBrew hero",
                             "createdAt": "2026-11-28T09:15:00Z", "updatedAt": "2026-11-28T09:16:00Z",
                             "rootStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                             "steps": [
                               {"stepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33", "parentStepId": null,
                                "childStepIds": ["4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d"], "instruction": null, "status": "rendered",
                                "failure": null, "image": {"url": "/api/sessions/6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11/steps/0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33/image",
                                  "width": 1200, "height": 800, "contentType": "image/png", "bytes": 912345,
                                  "sha256": "9f2c4a0d5e8b7c6a1f3e2d4c5b6a7980e1f2d3c4b5a69788f0e1d2c3b4a59687"},
                                "thumbnailUrl": "/api/sessions/6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11/steps/0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33/thumbnail",
                                "plan": null, "engineVersion": null, "durationMillis": null, "subjectMethod": null,
                                "requestedAt": "2026-11-28T09:15:10Z", "finishedAt": "2026-11-28T09:15:10Z"},
                               {"stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "parentStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33",
                                "childStepIds": [], "instruction": "crop to a 1:1 square, keeping the cup centred", "status": "pending",
                                "failure": null, "image": null, "thumbnailUrl": null, "plan": null, "engineVersion": null,
                                "durationMillis": null, "subjectMethod": null, "requestedAt": "2026-11-28T09:16:00Z", "finishedAt": null}]}""")))
    public GalleryViews.SessionTree tree(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId) {
        return queries.tree(caller.workspace(), sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }

    @GET
    @Path("{id}/steps/{step}/image")
    @Produces({"image/png", "image/jpeg", "image/webp"})
    @Operation(operationId = "getStepImage", summary = "A step's full-size image",
            description = "PNG for rendered steps; the source as uploaded (PNG, JPEG or WebP) for the root step. 404 until the step is rendered.")
    @APIResponse(responseCode = "200", description = "The image bytes.",
            headers = {@Header(name = "ETag", description = "The image's sha256, quoted; send it as If-None-Match to revalidate.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "Images never change: `private, max-age=31536000, immutable`.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = {@Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named this image's ETag.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response image(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                          @Parameter(description = "The step's id.") @PathParam("step") UUID stepId,
                          @Parameter(description = "An ETag this client already has.") @HeaderParam("If-None-Match") String ifNoneMatch) {
        return stream(caller.workspace(), sessionId, stepId, false, ifNoneMatch);
    }

    @GET
    @Path("{id}/steps/{step}/thumbnail")
    @Produces("image/png")
    @Operation(operationId = "getStepThumbnail", summary = "A step's thumbnail",
            description = "A PNG that fits in 320×320. 404 until the step is rendered.")
    @APIResponse(responseCode = "200", description = "The thumbnail's bytes.",
            headers = {@Header(name = "ETag", description = "The image's sha256, quoted; send it as If-None-Match to revalidate.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "Images never change: `private, max-age=31536000, immutable`.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named this image's ETag.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response thumbnail(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                              @Parameter(description = "The step's id.") @PathParam("step") UUID stepId,
                              @Parameter(description = "An ETag this client already has.") @HeaderParam("If-None-Match") String ifNoneMatch) {
        return stream(caller.workspace(), sessionId, stepId, true, ifNoneMatch);
    }

    @GET
    @Path("{id}/steps/{step}/preview")
    @Produces("image/jpeg")
    @Operation(operationId = "getStepPreview", summary = "A step's display-sized preview",
            description = "The step's image fitted into 2048 px on its long side, as JPEG (quality 85): what the studio shows. "
                    + "Made on the first request and kept, so later requests are plain reads. 404 until the step is rendered.")
    @APIResponse(responseCode = "200", description = "The preview's bytes.",
            headers = {@Header(name = "ETag", description = "The full image's sha256 with the preview's size and format, quoted.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "Previews never change: `private, max-age=31536000, immutable`.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named this preview's ETag.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response preview(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                            @Parameter(description = "The step's id.") @PathParam("step") UUID stepId,
                            @Parameter(description = "An ETag this client already has.") @HeaderParam("If-None-Match") String ifNoneMatch)
            throws InterruptedException {
        String workspace = caller.workspace();
        GalleryQueries.StoredImage full = checked(queries.imageOf(workspace, sessionId, stepId, false)
                .orElseThrow(() -> ProblemException.notFound("Image of step", stepId)), workspace, sessionId, stepId);
        String etag = "\"" + StepPreviews.etagOf(full) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build(); // answered without making or reading the preview
        }
        return send(previews.of(workspace, sessionId, full), ifNoneMatch);
    }

    @GET
    @Path("{id}/steps/{step}/mask")
    @Produces("image/png")
    @Operation(operationId = "getStepMask", summary = "The committed mask of a generated step",
            description = "A grey PNG at the image's size: white where the generative engine's content was committed, black where every "
                    + "pixel is the parent's. 404 for steps no generative engine painted.")
    @APIResponse(responseCode = "200", description = "The mask's PNG bytes.",
            headers = {@Header(name = "ETag", description = "The mask's sha256, quoted.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "Masks never change: `private, max-age=31536000, immutable`.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named this mask's ETag.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response mask(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                         @Parameter(description = "The step's id.") @PathParam("step") UUID stepId,
                         @Parameter(description = "An ETag this client already has.") @HeaderParam("If-None-Match") String ifNoneMatch) {
        String workspace = caller.workspace();
        GalleryQueries.StoredImage stored = queries.maskOf(workspace, sessionId, stepId)
                .orElseThrow(() -> ProblemException.notFound("Mask of step", stepId));
        return send(checked(stored, workspace, sessionId, stepId), ifNoneMatch);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamSessionEvents",
            summary = "The session's branch tree now, and again whenever a step is requested, rendered or fails (server-sent events)",
            description = "Each event's data is a SessionTree; one also comes every 15 s to keep proxies from closing the stream.")
    @APIResponse(responseCode = "200", description = "A stream of server-sent events, each one's data a SessionTree as JSON.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = GalleryViews.SessionTree.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "too-many-streams streams-full")
    @Blocking // the key check and the first read are blocking calls
    public Multi<GalleryViews.SessionTree> events(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId) {
        String ws = caller.workspace();
        queries.tree(ws, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        StreamPermits.Permit permit = streams.acquire(ws);
        // now, on every change of this session, and every 15 s so proxies keep the stream open
        Multi<UUID> triggers = Multi.createBy().merging().streams(
                Multi.createFrom().item(sessionId),
                changes.stream().filter(sessionId::equals),
                Multi.createFrom().ticks().every(Duration.ofSeconds(15)).map(tick -> sessionId));
        return triggers.emitOn(Infrastructure.getDefaultWorkerPool())
                .map(trigger -> queries.tree(ws, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId)))
                .onTermination().invoke(permit::release); // completion, failure or the client hanging up
    }

    // read here rather than by the framework, which answers a query parameter it cannot convert with a bare 404
    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return 100;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-limit", "Invalid limit", "'limit' is a whole number from 1 to 500; got '" + raw + "'.");
        }
    }

    // Images are content-addressed and never change: cache them forever, answer revalidation by hash.
    private Response stream(String workspace, UUID sessionId, UUID stepId, boolean thumbnail, String ifNoneMatch) {
        GalleryQueries.StoredImage stored = queries.imageOf(workspace, sessionId, stepId, thumbnail)
                .orElseThrow(() -> ProblemException.notFound("Image of step", stepId));
        return send(checked(stored, workspace, sessionId, stepId), ifNoneMatch);
    }

    // an image key names its workspace and session: serve it only if they are this request's
    private static GalleryQueries.StoredImage checked(GalleryQueries.StoredImage stored, String workspace, UUID sessionId, UUID stepId) {
        if (!io.atelier.platform.storage.ImageKeys.belongsTo(stored.key(), workspace, sessionId)) {
            LOG.warnf("step %s of session %s names image key %s outside its workspace and session; not served", stepId, sessionId, stored.key());
            throw ProblemException.notFound("Image of step", stepId);
        }
        return stored;
    }

    private Response send(GalleryQueries.StoredImage stored, String ifNoneMatch) {
        String etag = "\"" + stored.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        ImageStore.StoredObject object = images.open(stored.key())
                .orElseThrow(() -> ProblemException.notFound("Stored image", stored.key()));
        StreamingOutput body = out -> {
            try (object) {
                object.stream().transferTo(out);
            }
        };
        Response.ResponseBuilder r = Response.ok(body, stored.contentType())
                .header("ETag", etag)
                .header("Cache-Control", "private, max-age=31536000, immutable");
        if (object.size() >= 0) {
            r.header("Content-Length", object.size());
        }
        return r.build();
    }
}
