package io.atelier.gallery.api;

import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends one studio request on to session-service with the caller's key, and hands its answer back as it came. */
@ApplicationScoped
public class SessionServiceForwarder {
    private static final List<String> FORWARDED = List.of(HttpHeaders.CONTENT_TYPE, "Idempotency-Key");
    // what a client needs from session-service's answer: the body's type, where a new resource is, and when to retry
    private static final List<String> RETURNED = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI sessionService;
    private final CurrentCaller caller;

    public SessionServiceForwarder(@ConfigProperty(name = "atelier.gallery.session-service-url") URI sessionService, CurrentCaller caller) {
        this.sessionService = sessionService;
        this.caller = caller;
    }

    /** Forwards a request with a body (POST, PUT, PATCH); a missing body is sent as an empty one. */
    public Response forward(String method, String path, byte[] body, HttpHeaders headers) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body)), headers);
    }

    /** Forwards a request without a body (GET, DELETE). */
    public Response forward(String method, String path, HttpHeaders headers) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(sessionService.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private Response send(HttpRequest.Builder request, HttpHeaders headers) {
        request.header("Authorization", "Bearer " + caller.get().key());
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder out = Response.status(answer.statusCode()).entity(answer.body());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(out::type);
            for (String name : RETURNED) {
                answer.headers().firstValue(name).ifPresent(value -> out.header(name, value));
            }
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
