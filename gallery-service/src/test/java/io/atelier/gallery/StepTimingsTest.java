package io.atelier.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.events.StepRenamed;
import io.atelier.events.KafkaEvents;
import io.atelier.events.SessionEvent;
import io.atelier.events.SessionStarted;
import io.atelier.events.SourceImageAdded;
import io.atelier.events.Topics;
import io.atelier.gallery.api.GalleryQueries;
import io.atelier.gallery.api.GalleryViews;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A step's hop timings come from its records' headers: the outcome's record carries the whole chain to the step's JSON. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class StepTimingsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KafkaSettings kafka;
    @Inject
    GalleryQueries queries;

    @Test
    void theStepShowsEveryHopItsRecordsCarried() {
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-28T09:00:00Z");
        CarriedHeaders requested = CarriedHeaders.none().withHop("accepted", t).withHop("published", t.plusMillis(3));
        CarriedHeaders rendered = requested.withHop("renderStarted", t.plusMillis(5)).withHop("rendered", t.plusMillis(60))
                .withHop("recorded", t.plusMillis(64)).withHop("outcomePublished", t.plusMillis(67));
        new KafkaProbe(kafka.bootstrapServers()).publish(List.of(
                record(event(session, 1, new SessionStarted("hops")), CarriedHeaders.none().withHop("accepted", t)),
                record(event(session, 2, new SourceImageAdded(root, "photo.png", image("a"), image("b"))), CarriedHeaders.none()),
                record(event(session, 3, new InstructionRequested(step, root, "mirror it", image("a"))), requested)));

        await().atMost(TIMEOUT).until(() -> stepOf(session, step) != null);
        JsonNode pending = stepOf(session, step).timings();
        assertThat(pending.fieldNames()).toIterable().containsExactly("accepted", "published");
        assertThat(stepOf(session, root).timings()).isNull(); // its record carried no timings

        new KafkaProbe(kafka.bootstrapServers()).publish(List.of(record(event(session, 4,
                new ImageRendered(step, image("c"), image("d"), JsonNodeFactory.instance.objectNode(), "engine/test", 50, "none")), rendered)));

        await().atMost(TIMEOUT).until(() -> "rendered".equals(stepOf(session, step).status()));
        JsonNode timings = stepOf(session, step).timings();
        assertThat(timings.fieldNames()).toIterable()
                .containsExactly("accepted", "published", "renderStarted", "rendered", "recorded", "outcomePublished");
        assertThat(timings.get("outcomePublished").asText()).isEqualTo("2026-11-28T09:00:00.067Z");
        assertThat(stepOf(session, step).previewUrl()).isEqualTo("/api/sessions/" + session + "/steps/" + step + "/preview");
        assertThat(coverOf(session)).as("the newest rendered step is the session's cover").contains("/steps/" + step + "/thumbnail");

        // events whose records carry no timings (a failure from an older worker, a rename) keep what the step has, and the cover
        UUID failing = UUID.randomUUID();
        new KafkaProbe(kafka.bootstrapServers()).publish(List.of(
                record(event(session, 5, new InstructionRequested(failing, root, "mirror it", image("a"))), requested),
                record(event(session, 6, new RenderFailed(failing, "no", "try again", List.of(), "engine/test")), CarriedHeaders.none()),
                record(event(session, 7, new StepRenamed(step, "mirrored")), CarriedHeaders.none())));
        await().atMost(TIMEOUT).until(() -> "mirrored".equals(stepOf(session, step).name()));
        assertThat(stepOf(session, failing).status()).isEqualTo("failed");
        assertThat(stepOf(session, failing).timings().fieldNames()).toIterable().containsExactly("accepted", "published");
        assertThat(stepOf(session, step).timings().fieldNames()).toIterable().hasSize(6);
        assertThat(coverOf(session)).contains("/steps/" + step + "/thumbnail");
    }

    private String coverOf(UUID session) {
        return queries.recentSessions("default", 500).stream().filter(s -> s.sessionId().equals(session)).findFirst().orElseThrow()
                .thumbnailUrl();
    }

    private GalleryViews.Step stepOf(UUID session, UUID step) {
        return queries.tree("default", session).flatMap(t -> t.steps().stream().filter(s -> s.stepId().equals(step)).findFirst()).orElse(null);
    }

    private static ProducerRecord<String, byte[]> record(EventEnvelope e, CarriedHeaders carried) {
        ProducerRecord<String, byte[]> r = KafkaEvents.record(Topics.SESSION_EVENTS, "/atelier/test", e);
        carried.addTo(r.headers());
        return r;
    }

    private static ImageRef image(String hashLetter) {
        String sha = hashLetter.repeat(64);
        return new ImageRef("default/s/" + sha + ".png", sha, 10, 10, "image/png", 100);
    }

    private static EventEnvelope event(UUID session, long sequence, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, sequence, Instant.now(), "user:test", event);
    }
}
