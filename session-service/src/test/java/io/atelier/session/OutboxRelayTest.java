package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.session.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    @Inject
    OutboxRelay relay;
    @Inject
    SessionSettings settings;
    @Inject
    AgroalDataSource db;

    @Test
    void aRowThatIsNotAnEventIsPublishedAsStoredAndDoesNotStopTheOthers() throws Exception {
        UUID broken = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (event_id, session_id, payload, created_at) VALUES (?, ?, ?, now())")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, broken);
            ps.setBytes(3, "{\"type\":\"SessionStarted\",\"schemaVersion\":7,\"not\":\"readable".getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
        UUID session = SessionFixtures.startSession("after a broken row");

        // before: decoding threw inside the relay's transaction, and no session's events went out again
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        assertThat(probe.read(Topics.SESSION_EVENTS, session.toString(), 1, Duration.ofSeconds(30))).hasSize(1);
        ConsumerRecord<String, byte[]> asStored = probe.read(Topics.SESSION_EVENTS, broken.toString(), 1, Duration.ofSeconds(30)).get(0);
        assertThat(new String(asStored.value(), StandardCharsets.UTF_8)).endsWith("\"readable");
        assertThat(KafkaEvents.header(asStored.headers(), "ce_subject")).isEqualTo(broken.toString());
    }

    @Test
    void aSecondReplicaWaitsWithoutAProducerAndTakesOverWhenTheLeaderStops() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(relay::leader);
        int leaderProducers = relay.producersCreated();
        OutboxRelay standby = new OutboxRelay(kafka, settings, db);
        standby.start();
        try {
            UUID first = SessionFixtures.startSession("with a standby");
            KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
            assertThat(probe.read(Topics.SESSION_EVENTS, first.toString(), 1, Duration.ofSeconds(30))).hasSize(1);
            // before: the standby initialised the same transactional id on every batch and fenced the leader; it must
            // stay a standby without a producer through several of its retry pauses
            Duration pauses = settings.outbox().retryPause().multipliedBy(3);
            await().during(pauses).atMost(pauses.plusSeconds(5)).until(() -> !standby.leader() && standby.producersCreated() == 0);
            assertThat(standby.leader()).isFalse();
            assertThat(standby.producersCreated()).isZero();
            assertThat(relay.producersCreated()).isEqualTo(leaderProducers);

            relay.stop();
            await().atMost(Duration.ofSeconds(30)).until(standby::leader);
            UUID second = SessionFixtures.startSession("after the handover");
            assertThat(probe.read(Topics.SESSION_EVENTS, second.toString(), 1, Duration.ofSeconds(30))).hasSize(1);
        } finally {
            relay.start();
            standby.stop();
            await().atMost(Duration.ofSeconds(30)).until(relay::leader);
        }
    }

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
