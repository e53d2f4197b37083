package io.atelier.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.InstructionRequested;
import io.atelier.events.SessionEvent;
import io.atelier.events.SessionStarted;
import io.atelier.events.Topics;
import io.atelier.gallery.projection.Projector;
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
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the projection does when the log is not what it expects: partitions added later are read, and a gap
 * in a session's sequence stops it loudly until an operator moves its position past the hole (which the test
 * does at its end, so the projector it shares with the other test classes runs on).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectorIntegrityTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    io.atelier.gallery.api.GalleryQueries queries;
    @Inject
    io.atelier.gallery.audit.AuditTrail trail;
    @Inject
    KafkaSettings kafka;
    @Inject
    Projector projector;
    @Inject
    io.agroal.api.AgroalDataSource db;

    @Test
    @Order(1)
    void aPartitionAddedToTheLogLaterIsProjectedToo() throws Exception {
        int partitions;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            partitions = admin.describeTopics(List.of(Topics.SESSION_EVENTS)).allTopicNames().get().get(Topics.SESSION_EVENTS).partitions().size();
            await().atMost(TIMEOUT).until(() -> projector.lastPoll().isAfter(Instant.EPOCH));
            admin.createPartitions(Map.of(Topics.SESSION_EVENTS, NewPartitions.increaseTo(partitions + 1))).all().get();
        }
        UUID session = UUID.randomUUID();
        EventEnvelope started = event(session, 1, new SessionStarted("on a new partition"));
        new KafkaProbe(kafka.bootstrapServers()).publish(List.of(
                new ProducerRecord<>(Topics.SESSION_EVENTS, partitions, session.toString(), EventCodec.encode(started))));

        // before: the projector assigned the partitions it saw at start, and this session never appeared
        // read in-process: over HTTP the gallery would ask session-service about the key, and this module runs without one
        await().atMost(TIMEOUT).until(() -> queries.tree("default", session).isPresent());
    }

    @Test
    @Order(2)
    void aGapInASessionsSequenceHaltsTheProjectionInsteadOfBeingPaperedOver() {
        UUID session = UUID.randomUUID();
        String sha = "a".repeat(64);
        ImageRef image = new ImageRef("default/s/" + sha + ".png", sha, 10, 10, "image/png", 100);
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        probe.publish(Topics.SESSION_EVENTS,
                event(session, 1, new SessionStarted("with a hole")),
                // sequence 2 never made it to the log
                event(session, 3, new InstructionRequested(UUID.randomUUID(), UUID.randomUUID(), "crop to a 1:1 square", image)));

        await().atMost(TIMEOUT).until(() -> projector.halted().isPresent());
        assertThat(projector.halted().orElseThrow()).contains("expected sequence 2").contains(session.toString());
        given().get("/q/health/live").then().statusCode(503).body(containsString("halted: a gap in the session log"));
        // nothing past the hole was applied: the session is still at sequence 1, its audit trail one event long
        assertThat(trail.entries("default", session, 0, 100).orElseThrow()).hasSize(1);

        // the operator's way out, once the hole is understood: move the stored position past the record and start again
        var hole = probe.read(Topics.SESSION_EVENTS, session.toString(), 2, TIMEOUT).get(1);
        try (var c = db.getConnection(); var ps = c.prepareStatement(
                "UPDATE projection_offset SET next_offset = ? WHERE topic = ? AND partition_no = ?")) {
            ps.setLong(1, hole.offset() + 1);
            ps.setString(2, Topics.SESSION_EVENTS);
            ps.setInt(3, hole.partition());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        projector.start();
        Instant restarted = Instant.now();
        await().atMost(TIMEOUT).until(() -> projector.lastPoll().isAfter(restarted));
        assertThat(projector.halted()).isEmpty();
        given().get("/q/health/live").then().statusCode(200);
    }

    private static EventEnvelope event(UUID session, long sequence, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, sequence, Instant.now(), "user:test", event);
    }
}
