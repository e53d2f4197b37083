package io.atelier.gallery.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.EventEnvelope;
import io.atelier.events.SessionStarted;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Live views are capped per workspace (429) and in total (503), with Retry-After; a view that hangs up frees its place. */
@QuarkusTest
@TestProfile(StreamCapTest.LowCaps.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class StreamCapTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Two streams a workspace, three in all. */
    public static class LowCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atelier.gallery.streams.max-per-workspace", "2", "atelier.gallery.streams.max-total", "3",
                    "atelier.gallery.streams.retry-after", "7s");
        }
    }

    @Inject
    KafkaSettings kafka;
    @Inject
    StreamPermits permits;
    @TestHTTPResource("/api/sessions")
    URI sessions;

    @Test
    void capsRefuseWithRetryAfterAndAClosedStreamFreesItsPlace() throws Exception {
        UUID a = session("streams-a");
        UUID b = session("streams-b");
        UUID c = session("streams-c");
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            open.add(stream(http, a, "streams-a"));
            open.add(stream(http, a, "streams-a"));
            open.forEach(r -> assertThat(r.statusCode()).isEqualTo(200));

            HttpResponse<InputStream> third = stream(http, a, "streams-a");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(new String(third.body().readAllBytes())).contains("/problems/too-many-streams");

            open.add(stream(http, b, "streams-b"));
            assertThat(open.get(2).statusCode()).isEqualTo(200);
            HttpResponse<InputStream> full = stream(http, c, "streams-c");
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(new String(full.body().readAllBytes())).contains("/problems/streams-full");
            assertThat(permits.open()).isEqualTo(3);

            // hanging up gives the place back, to this workspace and to the total
            open.remove(0).body().close();
            await().atMost(TIMEOUT).until(() -> permits.open() == 2);
            HttpResponse<InputStream> again = stream(http, a, "streams-a");
            assertThat(again.statusCode()).isEqualTo(200);
            open.add(again);
        } finally {
            for (HttpResponse<InputStream> r : open) {
                r.body().close();
            }
            http.shutdownNow(); // close() would wait for the streams, which never end by themselves
        }
        await().atMost(TIMEOUT).until(() -> permits.open() == 0);
    }

    private HttpResponse<InputStream> stream(HttpClient http, UUID session, String workspace) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sessions + "/" + session + "/events"))
                .header("Accept", "text/event-stream").header("X-Atelier-Workspace", workspace).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private UUID session(String workspace) {
        UUID id = UUID.randomUUID();
        new KafkaProbe(kafka.bootstrapServers()).publish(Topics.SESSION_EVENTS,
                new EventEnvelope(UUID.randomUUID(), workspace, id, 1, Instant.now(), "user:test", new SessionStarted("live view")));
        await().atMost(TIMEOUT).until(() -> given().header("X-Atelier-Workspace", workspace).get(sessions + "/" + id).statusCode() == 200);
        return id;
    }
}
