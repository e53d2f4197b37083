package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live views over HTTP, with keys: a workspace holds at most its cap of server-sent event streams (100 by
 * default); one more gets 429 too-many-streams with Retry-After, and a client that hangs up gives its place back.
 */
@ExtendWith(RunningStack.class)
class StreamCapTest {
    private static final int CAP = 100;

    @Test
    void aWorkspaceOverItsCapGets429AndAHangUpFreesAPlace() throws Exception {
        String key = RunningStack.newKey("live-views");
        UUID session = UUID.fromString(given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body(Map.of("title", "live views")).post(Api.gallery() + "/api/sessions").then().statusCode(201)
                .extract().path("sessionId"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer " + key)
                .get(Api.gallery() + "/api/sessions/" + session).statusCode() == 200);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                HttpResponse<InputStream> r = stream(http, session, key);
                open.add(r);
                assertThat(r.statusCode()).as("stream %d", i + 1).isEqualTo(200);
            }
            HttpResponse<InputStream> over = stream(http, session, key);
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(over.body().readAllBytes())).contains("/problems/too-many-streams");
            // another workspace is not held up by this one's streams
            HttpResponse<InputStream> other = stream(http, session, RunningStack.apiKey());
            assertThat(other.statusCode()).as("another workspace's key sees no such session").isEqualTo(404);

            open.remove(0).body().close(); // the client hangs up
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<InputStream> again = stream(http, session, key);
                if (again.statusCode() == 200) {
                    open.add(again);
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            for (HttpResponse<InputStream> r : open) {
                r.body().close();
            }
            http.shutdownNow(); // close() would wait for the streams, which never end by themselves
        }
    }

    private static HttpResponse<InputStream> stream(HttpClient http, UUID session, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(Api.gallery() + "/api/sessions/" + session + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
