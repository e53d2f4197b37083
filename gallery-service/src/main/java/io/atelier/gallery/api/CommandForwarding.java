package io.atelier.gallery.api;

import io.atelier.platform.Workspaces;
import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The studio's commands, forwarded unchanged to session-service, so a person uses one URL: the
 * gallery reads, session-service decides. Body, content type, idempotency key and workspace pass
 * through; session-service's answer (including its problem+json) comes back as it is.
 */
@Path("/api/sessions")
@Tag(name = "commands (forwarded to session-service)")
public class CommandForwarding {
    private static final List<String> FORWARDED = List.of(HttpHeaders.CONTENT_TYPE, "Idempotency-Key", Workspaces.HEADER);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI sessionService;

    public CommandForwarding(@ConfigProperty(name = "atelier.gallery.session-service-url") URI sessionService) {
        this.sessionService = sessionService;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start a session (see session-service)")
    public Response start(byte[] body, @Context HttpHeaders headers) {
        return forward("/api/sessions", body, headers);
    }

    @POST
    @Path("{id}/source")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload the source photo (see session-service)")
    public Response source(@PathParam("id") UUID sessionId, byte[] body, @Context HttpHeaders headers) {
        return forward("/api/sessions/" + sessionId + "/source", body, headers);
    }

    @POST
    @Path("{id}/steps")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Refine a step with an instruction (see session-service)")
    public Response step(@PathParam("id") UUID sessionId, byte[] body, @Context HttpHeaders headers) {
        return forward("/api/sessions/" + sessionId + "/steps", body, headers);
    }

    private Response forward(String path, byte[] body, HttpHeaders headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(sessionService.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body));
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder out = Response.status(answer.statusCode()).entity(answer.body());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> out.type(type));
            answer.headers().firstValue(HttpHeaders.LOCATION).ifPresent(location -> out.header(HttpHeaders.LOCATION, location));
            return out.build();
        } catch (IOException e) {
            throw new ProblemException(Problem.of("session-service-unavailable", "Commands are unavailable", 502,
                    "session-service did not answer (" + e.getMessage() + "); try again in a moment."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of("interrupted", "Interrupted", 503, "The gallery is shutting down."));
        }
    }
}
