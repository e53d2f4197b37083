package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionEvent;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.model.StepStatus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Render outcomes from the outcome topic: each step is finished once, repeats and late contradictions change nothing. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class OutcomeRecorderTest {
    @org.junit.jupiter.api.BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Inject
    KafkaSettings kafka;

    @Test
    void aRedeliveredOutcomeIsRecordedOnce() {
        UUID session = SessionFixtures.startSession("outcomes");
        UUID root = SessionFixtures.uploadSource(session);
        UUID rendered = requestStep(session, root, "crop to a 1:1 square");
        UUID failed = requestStep(session, root, "make it warmer");
        ImageRef image = new ImageRef("default/" + session + "/" + "a".repeat(64) + ".png", "a".repeat(64), 32, 32, "image/png", 100);
        ImageRef thumb = new ImageRef("default/" + session + "/thumbs/" + "b".repeat(64) + ".png", "b".repeat(64), 16, 16, "image/png", 50);
        EventEnvelope outcome = outcome(session, new ImageRendered(rendered, image, thumb, JsonNodeFactory.instance.objectNode(), "engine/test",
                12, "none"));

        // the same outcome twice (a redelivery), then a contradicting late one, then the other step's outcome:
        // one session key, one partition, so when the last is recorded the others have been handled
        new KafkaProbe(kafka.bootstrapServers()).publish(Topics.RENDER_OUTCOMES, outcome, outcome,
                outcome(session, new RenderFailed(rendered, "late", "none", List.of(), "engine/test")),
                outcome(session, new RenderFailed(failed, "could not", "try again", List.of("glow"), "engine/test")));

        await().atMost(Duration.ofSeconds(30)).until(() -> SessionFixtures.step(failed).status == StepStatus.FAILED);
        assertThat(SessionFixtures.step(rendered).status).isEqualTo(StepStatus.RENDERED);
        assertThat(SessionFixtures.step(rendered).imageKey).isEqualTo(image.key());
        List<EventEnvelope> log = SessionFixtures.outbox(session);
        assertThat(log).extracting(e -> e.event().typeName()).containsExactly("SessionStarted", "SourceImageAdded", "InstructionRequested",
                "InstructionRequested", "ImageRendered", "RenderFailed");
        assertThat(log).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(((RenderFailed) log.get(5).event()).stepId()).isEqualTo(failed);
        // the audit trail shows the worker's own event: its id and the time it rendered, not when it was re-sequenced
        assertThat(log.get(4).eventId()).isEqualTo(outcome.eventId());
        assertThat(log.get(4).time()).isEqualTo(outcome.time());
        assertThat(log.get(4).actor()).isEqualTo("worker:test");
    }

    @Test
    void anOutcomeThatIsNoEventIsDeadLetteredAndTheNextOneIsStillRecorded() {
        UUID session = SessionFixtures.startSession("dead letters");
        UUID root = SessionFixtures.uploadSource(session);
        UUID step = requestStep(session, root, "make it warmer");
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        probe.publish(List.of(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.RENDER_OUTCOMES, session.toString(),
                "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        probe.publish(Topics.RENDER_OUTCOMES, outcome(session, new RenderFailed(step, "could not", "try again", List.of(), "engine/test")));

        await().atMost(Duration.ofSeconds(30)).until(() -> SessionFixtures.step(step).status == StepStatus.FAILED);
        var dead = probe.read(Topics.DEAD_LETTERS, session.toString(), 1, Duration.ofSeconds(30));
        assertThat(new String(dead.get(0).value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("garbage");
    }

    private static UUID requestStep(UUID session, UUID parent, String instruction) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("parentStepId", parent.toString(), "instruction", instruction))
                .when().post("/api/sessions/" + session + "/steps")
                .then().statusCode(202).extract().path("stepId"));
    }

    private static EventEnvelope outcome(UUID session, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, 3, Instant.now(), "worker:test", event);
    }
}
