package io.atelier.gallery.api;

import io.atelier.gallery.projection.SessionChanges;
import io.atelier.platform.Workspaces;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestStreamElementType;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.storage.ImageStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The read API: the workspace's sessions, a session's branch tree, and step images. */
@Path("/api/sessions")
@Tag(name = "gallery")
public class GalleryResource {
    private final GalleryQueries queries;
    private final ImageStore images;
    private final SessionChanges changes;
    private final String defaultWorkspace;

    public GalleryResource(GalleryQueries queries, ImageStore images, SessionChanges changes,
                           @ConfigProperty(name = "atelier.gallery.default-workspace") String defaultWorkspace) {
        this.queries = queries;
        this.changes = changes;
        this.images = images;
        this.defaultWorkspace = defaultWorkspace;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sessions of the workspace, newest first")
    public List<GalleryViews.SessionSummary> list(@QueryParam("limit") Integer limit, @HeaderParam(Workspaces.HEADER) String workspace) {
        int n = limit == null ? 100 : Math.max(1, Math.min(500, limit));
        return queries.recentSessions(Workspaces.resolve(workspace, defaultWorkspace), n);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A session and its branch tree")
    public GalleryViews.SessionTree tree(@PathParam("id") UUID sessionId, @HeaderParam(Workspaces.HEADER) String workspace) {
        return queries.tree(Workspaces.resolve(workspace, defaultWorkspace), sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }

    @GET
    @Path("{id}/steps/{step}/image")
    @Produces({"image/png", "image/jpeg"})
    @Operation(summary = "A step's full-size image")
    public Response image(@PathParam("id") UUID sessionId, @PathParam("step") UUID stepId, @HeaderParam(Workspaces.HEADER) String workspace,
                          @QueryParam("workspace") String workspaceParam, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return stream(workspace(workspace, workspaceParam), sessionId, stepId, false, ifNoneMatch);
    }

    @GET
    @Path("{id}/steps/{step}/thumbnail")
    @Produces("image/png")
    @Operation(summary = "A step's thumbnail")
    public Response thumbnail(@PathParam("id") UUID sessionId, @PathParam("step") UUID stepId,
                              @HeaderParam(Workspaces.HEADER) String workspace, @QueryParam("workspace") String workspaceParam,
                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        return stream(workspace(workspace, workspaceParam), sessionId, stepId, true, ifNoneMatch);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The session's branch tree now, and again whenever a step is requested, rendered or fails (server-sent events)")
    public Multi<GalleryViews.SessionTree> events(@PathParam("id") UUID sessionId, @HeaderParam(Workspaces.HEADER) String workspace,
                                                  @QueryParam("workspace") String workspaceParam) {
        String ws = workspace(workspace, workspaceParam);
        queries.tree(ws, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        // now, on every change of this session, and every 15 s so proxies keep the stream open
        Multi<UUID> triggers = Multi.createBy().merging().streams(
                Multi.createFrom().item(sessionId),
                changes.stream().filter(sessionId::equals),
                Multi.createFrom().ticks().every(Duration.ofSeconds(15)).map(tick -> sessionId));
        return triggers.emitOn(Infrastructure.getDefaultWorkerPool())
                .map(trigger -> queries.tree(ws, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId)));
    }

    // <img> and EventSource cannot send headers: the workspace may also come as ?workspace=
    private String workspace(String header, String param) {
        return Workspaces.resolve(header != null && !header.isBlank() ? header : param, defaultWorkspace);
    }

    // Images are content-addressed and never change: cache them forever, answer revalidation by hash.
    private Response stream(String workspace, UUID sessionId, UUID stepId, boolean thumbnail, String ifNoneMatch) {
        GalleryQueries.StoredImage stored = queries.imageOf(workspace, sessionId, stepId, thumbnail)
                .orElseThrow(() -> ProblemException.notFound("Image of step", stepId));
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
