package io.atelier.gallery.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.storage.ImageKeys;
import io.atelier.platform.storage.ImageStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A step's PNG as a download that carries its own history (session, step, plan chain) in an iTXt chunk. */
@Path("/api/sessions")
@Tag(name = "gallery")
public class ExportResource {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final GalleryQueries queries;
    private final ImageStore images;
    private final CurrentCaller caller;

    public ExportResource(GalleryQueries queries, ImageStore images, CurrentCaller caller) {
        this.queries = queries;
        this.images = images;
        this.caller = caller;
    }

    @GET
    @Path("{id}/steps/{step}/export")
    @Produces("image/png")
    @Blocking
    @Operation(operationId = "exportStepImage", summary = "A step's PNG with its history embedded",
            description = "The step's image with an iTXt chunk (keyword `" + PngHistory.KEYWORD + "`) placed after IHDR: JSON naming the session, "
                    + "the step and the chain of steps from the original (instruction, plan, engine, output sha256), with C2PA-shaped `actions` "
                    + "(c2pa.opened, then c2pa.edited per step). The pixel data is untouched. 404 until the step is rendered, or when the step's "
                    + "image is not a PNG (a JPEG or WebP original).")
    @APIResponse(responseCode = "200", description = "The PNG with its history.",
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"atelier-<step>.png\"`",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "history", summary = "The iTXt text of an exported step",
                            value = """
                                    {"session": "0b9f3c1e-3f1a-4c55-9a58-2f6f0e0c1a11", "step": "5d1c2b3a-8e4f-4a6b-9c7d-1e2f3a4b5c6d",
                                     "chain": [{"stepId": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "instruction": null, "sha256": "9f2c..."},
                                               {"stepId": "5d1c2b3a-8e4f-4a6b-9c7d-1e2f3a4b5c6d", "instruction": "make it 20% brighter",
                                                "plan": {"operations": [{"op": "exposure", "stops": 0.26}]}, "engineVersion": "atelier-engine/0.2.2",
                                                "sha256": "41ab..."}],
                                     "actions": [{"action": "c2pa.opened"}, {"action": "c2pa.edited", "softwareAgent": "atelier-engine/0.2.2",
                                                  "parameters": {"instruction": "make it 20% brighter"}}]}""")))
    public Response export(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                           @Parameter(description = "The step's id.") @PathParam("step") UUID stepId) {
        String workspace = caller.workspace();
        GalleryViews.SessionTree tree = queries.tree(workspace, sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        GalleryQueries.StoredImage stored = queries.imageOf(workspace, sessionId, stepId, false)
                .filter(s -> ImageKeys.belongsTo(s.key(), workspace, sessionId))
                .filter(s -> s.contentType().equals("image/png"))
                .orElseThrow(() -> ProblemException.notFound("PNG image of step", stepId));
        byte[] png;
        try (ImageStore.StoredObject object = images.open(stored.key()).orElseThrow(() -> ProblemException.notFound("Stored image", stored.key()))) {
            png = object.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String history = history(tree, stepId);
        return Response.ok(PngHistory.withHistory(png, history), "image/png")
                .header("Content-Disposition", "attachment; filename=\"atelier-" + stepId + ".png\"").build();
    }

    /** The history as JSON: the chain from the original to this step, and the same as C2PA-shaped actions. */
    static String history(GalleryViews.SessionTree tree, UUID stepId) {
        Map<UUID, GalleryViews.Step> byId = tree.steps().stream().collect(Collectors.toMap(GalleryViews.Step::stepId, Function.identity()));
        List<GalleryViews.Step> chain = new ArrayList<>();
        for (GalleryViews.Step s = byId.get(stepId); s != null; s = s.parentStepId() == null ? null : byId.get(s.parentStepId())) {
            chain.add(s);
        }
        Collections.reverse(chain);
        ObjectNode root = JSON.createObjectNode();
        root.put("session", tree.sessionId().toString());
        root.put("step", stepId.toString());
        ArrayNode steps = root.putArray("chain");
        ArrayNode actions = root.putArray("actions");
        for (GalleryViews.Step s : chain) {
            ObjectNode n = steps.addObject();
            n.put("stepId", s.stepId().toString());
            n.put("instruction", s.instruction());
            n.set("plan", s.plan());
            n.put("engineVersion", s.engineVersion());
            n.put("subjectMethod", s.subjectMethod());
            n.put("sha256", s.image() == null ? null : s.image().sha256());
            n.set("generated", s.generated());
            ObjectNode action = actions.addObject();
            action.put("action", s.parentStepId() == null ? "c2pa.opened" : "c2pa.edited");
            action.put("when", String.valueOf(s.finishedAt() != null ? s.finishedAt() : s.requestedAt()));
            if (s.engineVersion() != null) {
                action.put("softwareAgent", s.engineVersion());
            }
            if (s.generated() != null && !s.generated().isNull()) {
                // IPTC's term for content made with a trained model from other media
                action.put("digitalSourceType", "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
            }
            ObjectNode parameters = action.putObject("parameters");
            parameters.put("stepId", s.stepId().toString());
            if (s.instruction() != null) {
                parameters.put("instruction", s.instruction());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
