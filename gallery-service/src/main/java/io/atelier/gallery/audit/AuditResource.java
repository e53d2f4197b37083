package io.atelier.gallery.audit;

import io.atelier.events.EventCodec;
import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.problem.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's audit trail: every event of its log, in order, paged as JSON or streamed as JSON Lines. */
@Path("/api/sessions/{id}/audit")
@Tag(name = "audit", description = "The session log as evidence: its events in order, and a check that stored images still match them.")
public class AuditResource {
    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_PAGE = 1000;
    private static final String EXAMPLE = """
            {"sequence": 4, "type": "ImageRendered", "eventId": "9a0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4", "time": "2026-11-28T09:16:02.412Z",
             "actor": "worker:render-worker-1", "causationId": "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
             "correlationId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "stepId": "4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
             "parentStepId": "0b7e4d52-3f7a-4c1e-8e0b-5d7c9a1f2e33", "instruction": "crop to a 1:1 square, keeping the cup centred",
             "plan": {"schemaVersion": 1, "operations": [{"op": "crop", "width": 1, "height": 1, "anchor": "subject"}]},
             "engineVersion": "atelier-engine/0.2.2", "subjectMethod": "grabcut-centre-prior/1", "provenance": null,
             "inputSha256": "9f2c4a0d5e8b7c6a1f3e2d4c5b6a7980e1f2d3c4b5a69788f0e1d2c3b4a59687",
             "outputSha256": "5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f", "failureReason": null,
             "kitVersion": 3}""";

    private final AuditTrail trail;
    private final CurrentCaller caller;

    public AuditResource(AuditTrail trail, CurrentCaller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(operationId = "getSessionAudit", summary = "A session's audit trail",
            description = "Every event of the session's log in order: type, time, actor, causation and correlation ids, instruction, plan, "
                    + "engine and version, subject method, provider provenance, input and output sha256. As JSON, a page of up to `limit` "
                    + "entries after `after` with the `after` of the next page; with `Accept: application/x-ndjson`, one entry per line "
                    + "(all of them from `after`, or up to `limit` when given).")
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-limit")
    @APIResponse(responseCode = "200", description = "The entries, oldest first.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "one rendered step", value = "{\"sessionId\": \"6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11\", "
                            + "\"entries\": [" + EXAMPLE + "], \"nextAfter\": null}")),
                    @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEntry.class),
                            examples = @ExampleObject(name = "one line", value = EXAMPLE))})
    public Response audit(@Parameter(description = "The session's id.") @PathParam("id") UUID sessionId,
                          @Parameter(description = "Entries after this sequence number; 0 (default) starts at the beginning.",
                                  schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0")) @QueryParam("after") String after,
                          @Parameter(description = "How many entries at most; 1–1000, default 200 (JSON Lines: all unless given).",
                                  schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("limit") String limit,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String ws = caller.workspace();
        long from = number(after, "after", 0, Long.MAX_VALUE, 0);
        boolean lines = accept != null && accept.contains(NDJSON);
        int n = (int) number(limit, "limit", 1, MAX_PAGE, lines ? Integer.MAX_VALUE : 200);
        // one more than asked says whether there is a next page
        List<AuditEntry> entries = trail.entries(ws, sessionId, from, lines ? n : n + 1)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (lines) {
            StreamingOutput body = out -> {
                for (AuditEntry entry : entries) {
                    out.write(EventCodec.mapper().writeValueAsBytes(entry));
                    out.write('\n');
                }
            };
            return Response.ok(body, NDJSON).build();
        }
        boolean more = entries.size() > n;
        List<AuditEntry> page = more ? entries.subList(0, n) : entries;
        return Response.ok(new AuditPage(sessionId, page, more ? page.get(page.size() - 1).sequence() : null), MediaType.APPLICATION_JSON).build();
    }

    private static long number(String text, String name, long min, long max, long absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-limit", "Invalid limit",
                    "'" + name + "' must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max) + ".");
        }
    }

    /** A page of the audit trail. */
    @Schema(name = "AuditPage", description = "A page of a session's audit trail.")
    public record AuditPage(UUID sessionId, List<AuditEntry> entries,
                            @Schema(description = "Pass as `after` for the next page; null on the last page.", nullable = true) Long nextAfter) {
    }
}
