package io.atelier.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionEvent;
import io.atelier.events.SessionStarted;
import io.atelier.events.SourceImageAdded;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/sessions/{id}/audit: the session's log in order, paged, and as JSON Lines. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class AuditTrailTest {
    @Inject
    KafkaSettings kafka;
    @Inject
    io.atelier.gallery.audit.AuditTrail trail;

    @Test
    void everyEventOfTheSessionInOrderWithItsChainAndHashes() throws Exception {
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        UUID crop = UUID.randomUUID();
        UUID glow = UUID.randomUUID();
        Instant rendered = Instant.parse("2026-11-28T09:16:02.412Z");
        EventEnvelope source = event(session, 2, "user:test", Instant.now(), new SourceImageAdded(root, "photo.png", image("a"), image("b")));
        EventEnvelope request = event(session, 3, "user:test", Instant.now(), new InstructionRequested(crop, root, "crop to a 1:1 square", image("a")));
        EventEnvelope outcome = event(session, 4, "worker:w1", rendered, new ImageRendered(crop, image("c"), image("d"),
                JsonNodeFactory.instance.objectNode().put("schemaVersion", 1), "atelier-engine/test", 5, "grabcut-centre-prior/1"));
        EventEnvelope second = event(session, 5, "user:test", Instant.now(), new InstructionRequested(glow, crop, "add a glow", image("c")));
        EventEnvelope failed = event(session, 6, "worker:w2", Instant.now(), new RenderFailed(glow, "no glow", "try light", List.of(), "atelier-engine/test"));
        new KafkaProbe(kafka.bootstrapServers()).publish(Topics.SESSION_EVENTS,
                event(session, 1, "user:test", Instant.now(), new SessionStarted("audit")), source, request, outcome, second, failed);
        // read in-process: over HTTP the gallery asks session-service whose key it was handed, and there is none in
        // this module's tests (the system tests' contract test reads the endpoint, pages and JSON Lines with a key)
        await().atMost(Duration.ofSeconds(30)).until(() -> trail.entries("default", session, 0, 100).map(List::size).orElse(0) == 6);

        JsonPath page = page(session, 0, 100);
        assertThat(page.getList("entries.type", String.class)).containsExactly("SessionStarted", "SourceImageAdded", "InstructionRequested",
                "ImageRendered", "InstructionRequested", "RenderFailed");
        assertThat(page.getList("entries.sequence", Long.class)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        // the outcome: the worker's own id, time and name; caused by its request; input and output hashes; plan and engine
        assertThat(page.getString("entries[3].eventId")).isEqualTo(outcome.eventId().toString());
        assertThat(Instant.parse(page.getString("entries[3].time"))).isEqualTo(rendered);
        assertThat(page.getString("entries[3].actor")).isEqualTo("worker:w1");
        assertThat(page.getString("entries[3].causationId")).isEqualTo(request.eventId().toString());
        assertThat(page.getString("entries[3].correlationId")).isEqualTo(crop.toString());
        assertThat(page.getString("entries[3].instruction")).isEqualTo("crop to a 1:1 square");
        assertThat(page.getString("entries[3].inputSha256")).isEqualTo("a".repeat(64));
        assertThat(page.getString("entries[3].outputSha256")).isEqualTo("c".repeat(64));
        assertThat(page.getInt("entries[3].plan.schemaVersion")).isEqualTo(1);
        assertThat(page.getString("entries[3].engineVersion")).isEqualTo("atelier-engine/test");
        assertThat(page.getString("entries[3].subjectMethod")).isEqualTo("grabcut-centre-prior/1");
        // the second request follows from the event that made its parent's image; its failure says why
        assertThat(page.getString("entries[4].causationId")).isEqualTo(outcome.eventId().toString());
        assertThat(page.getString("entries[5].failureReason")).isEqualTo("no glow");

        // paged: two at a time from where the last page ended
        assertThat(page(session, 0, 2).getList("entries.sequence", Long.class)).containsExactly(1L, 2L);
        assertThat(page(session, 2, 2).getList("entries.sequence", Long.class)).containsExactly(3L, 4L);
    }

    @Test
    void anUnknownSessionOrAnotherWorkspacesSessionHasNoTrail() {
        assertThat(trail.entries("default", UUID.randomUUID(), 0, 10)).isEmpty();
    }

    private JsonPath page(UUID session, long after, int limit) throws Exception {
        return JsonPath.from(EventCodec.mapper().writeValueAsString(java.util.Map.of("entries",
                trail.entries("default", session, after, limit).orElseThrow())));
    }

    private static ImageRef image(String hashLetter) {
        String sha = hashLetter.repeat(64);
        return new ImageRef("default/s/" + sha + ".png", sha, 10, 10, "image/png", 100);
    }

    private static EventEnvelope event(UUID session, long sequence, String actor, Instant time, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, sequence, time, actor, event);
    }
}
