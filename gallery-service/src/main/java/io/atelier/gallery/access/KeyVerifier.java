package io.atelier.gallery.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.gallery.GallerySettings;
import io.atelier.platform.access.ApiKeys;
import io.atelier.platform.access.Caller;
import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks session-service, which owns workspaces and keys, whose key this is. The gallery holds no key
 * material of its own and never trusts a workspace it is told; a revoked key stops working on the next
 * request, at the cost of one local call per request (and reads failing while session-service is down).
 */
@ApplicationScoped
public class KeyVerifier {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI workspaceUrl;

    public KeyVerifier(GallerySettings settings) {
        this.workspaceUrl = settings.sessionServiceUrl().resolve("/api/workspace");
    }

    /** The caller this key speaks for; empty for a malformed, unknown or revoked key. */
    public Optional<Caller> verify(String key) {
        if (ApiKeys.parse(key).isEmpty()) {
            return Optional.empty(); // not worth a call
        }
        HttpRequest request = HttpRequest.newBuilder(workspaceUrl).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == 401) {
                return Optional.empty();
            }
            if (answer.statusCode() != 200) {
                throw unavailable("it answered " + answer.statusCode());
            }
            JsonNode body = json.readTree(answer.body());
            return Optional.of(new Caller(body.path("workspaceId").asText(), body.path("keyPrefix").asText(), key));
        } catch (IOException e) {
            throw unavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of("interrupted", "Interrupted", 503, "The gallery is shutting down."));
        }
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(Problem.of("session-service-unavailable", "Commands are unavailable", 502,
                "session-service, which checks API keys, did not answer (" + why + "); try again in a moment."));
    }
}
