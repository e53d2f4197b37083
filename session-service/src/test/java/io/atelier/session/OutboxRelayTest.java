package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox relay publishes a session's events to the session log in the order they were written, then marks them. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class OutboxRelayTest {
    @org.junit.jupiter.api.BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Inject
    KafkaSettings kafka;

    @Test
    void publishesEachSessionsEventsInSequenceAndMarksThemPublished() {
        UUID session = SessionFixtures.startSession("relay order");
        UUID root = SessionFixtures.uploadSource(session);
        for (String instruction : List.of("crop to a 1:1 square", "make it warmer", "flip it horizontally")) {
            given().contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", instruction))
                    .when().post("/api/sessions/" + session + "/steps").then().statusCode(202);
        }

        List<ConsumerRecord<String, byte[]>> published = new KafkaProbe(kafka.bootstrapServers())
                .read(Topics.SESSION_EVENTS, session.toString(), 5, Duration.ofSeconds(30));

        List<EventEnvelope> events = published.stream().map(r -> EventCodec.decode(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(e -> e.event().typeName())
                .containsExactly("SessionStarted", "SourceImageAdded", "InstructionRequested", "InstructionRequested", "InstructionRequested");
        assertThat(events).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(SessionFixtures.outbox(session).stream().map(EventEnvelope::eventId).toList());
        // one session, one partition: its order in the log is the order it was written
        assertThat(published).extracting(ConsumerRecord::partition).containsOnly(published.get(0).partition());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SessionFixtures.outboxRows(session).stream().allMatch(row -> row.publishedAt != null));
    }

    @Test
    void isReadyOnceTheRelayHasReachedKafkaAndTheDatabase() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.name", hasItem("outbox-relay")));
    }
}
