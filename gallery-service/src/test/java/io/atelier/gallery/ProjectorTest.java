package io.atelier.gallery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agroal.api.AgroalDataSource;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.SessionDeleted;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The projection of the session log into the read model, on the real broker and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class ProjectorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KafkaSettings kafka;
    @Inject
    AgroalDataSource db;
    // the read model is read in-process: over HTTP every read needs a key that only session-service can verify
    @Inject
    io.atelier.gallery.api.GalleryQueries queries;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject
    io.atelier.gallery.audit.AuditTrail trail;

    @Test
    void eventsAtOrBelowTheAppliedSequenceChangeNothing() throws SQLException {
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        EventEnvelope source = event(session, 2, new SourceImageAdded(root, "photo.png", image("a"), image("b")));
        new KafkaProbe(kafka.bootstrapServers()).publish(Topics.SESSION_EVENTS,
                event(session, 1, new SessionStarted("projection")),
                source,
                source, // redelivered: its step row exists already, a second insert would fail the batch
                event(session, 3, new InstructionRequested(step, root, "crop to a 1:1 square", image("a"))),
                event(session, 2, new InstructionRequested(UUID.randomUUID(), root, "a stale copy", image("a"))),
                event(session, 4, new ImageRendered(step, image("c"), image("d"), JsonNodeFactory.instance.objectNode(), "engine/test", 5, "none")));

        await().atMost(TIMEOUT).until(() -> "rendered".equals(tree(session).getString("steps.find { it.stepId == '" + step + "' }.status")));
        JsonPath tree = tree(session);
        assertThat(tree.getList("steps.stepId", String.class)).containsExactly(root.toString(), step.toString());
        assertThat(tree.getString("rootStepId")).isEqualTo(root.toString());
        assertThat(lastSequence(session)).isEqualTo(4);
    }

    @Test
    void aDeletedSessionLeavesTheListAndARedeliveredStartDoesNotBringItBack() throws SQLException {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        EventEnvelope started = event(session, 1, new SessionStarted("opened by mistake"));
        probe.publish(Topics.SESSION_EVENTS, started);
        await().atMost(TIMEOUT).until(() -> sessionRows(session) == 1);
        assertThat(queries.recentSessions("default", 500)).extracting(io.atelier.gallery.api.GalleryViews.SessionSummary::sessionId).contains(session);

        probe.publish(Topics.SESSION_EVENTS, event(session, 2, new SessionDeleted()), started);
        List<ConsumerRecord<String, byte[]>> records = probe.read(Topics.SESSION_EVENTS, session.toString(), 3, TIMEOUT);
        ConsumerRecord<String, byte[]> last = records.get(2);
        await().atMost(TIMEOUT).until(() -> storedOffset(last.partition()) > last.offset());

        assertThat(sessionRows(session)).isZero();
        assertThat(queries.tree("default", session)).isEmpty();
        assertThat(queries.recentSessions("default", 500)).extracting(io.atelier.gallery.api.GalleryViews.SessionSummary::sessionId).doesNotContain(session);
    }

    @Test
    void aSessionDeletedWithItsStepsLeavesTheTreeWhileItsOwnWorkspaceCanStillReadTheTrail() {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        probe.publish(Topics.SESSION_EVENTS,
                event(session, 1, new SessionStarted("deleted with its photo")),
                event(session, 2, new SourceImageAdded(root, "photo.png", image("a"), image("b"))),
                event(session, 3, new InstructionRequested(step, root, "crop to a 1:1 square", image("a"))),
                event(session, 4, new ImageRendered(step, image("c"), image("d"), JsonNodeFactory.instance.objectNode(), "engine/test", 5, "none")),
                event(session, 5, new SessionDeleted()));
        await().atMost(TIMEOUT).until(() -> trail.entries("default", session, 0, 100).map(List::size).orElse(0) == 5);

        assertThat(queries.tree("default", session)).isEmpty();
        assertThat(queries.recentSessions("default", 500)).extracting(io.atelier.gallery.api.GalleryViews.SessionSummary::sessionId).doesNotContain(session);
        assertThat(trail.entries("default", session, 0, 100).orElseThrow()).extracting(io.atelier.gallery.audit.AuditEntry::type)
                .containsExactly("SessionStarted", "SourceImageAdded", "InstructionRequested", "ImageRendered", "SessionDeleted");
        assertThat(trail.entries("another-team", session, 0, 100)).as("another workspace sees no such session").isEmpty();
    }

    @Test
    void renamesShowAndADeletedStepLeavesTheTreeButNotTheTrail() throws SQLException {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        probe.publish(Topics.SESSION_EVENTS,
                event(session, 1, new SessionStarted("before")),
                event(session, 2, new SourceImageAdded(root, "photo.png", image("a"), image("b"))),
                event(session, 3, new InstructionRequested(step, root, "crop to a 1:1 square", image("a"))),
                event(session, 4, new ImageRendered(step, image("c"), image("d"), JsonNodeFactory.instance.objectNode(), "engine/test", 5, "none")),
                event(session, 5, new io.atelier.events.SessionRenamed("after")),
                event(session, 6, new io.atelier.events.StepRenamed(step, "square keeper")));
        await().atMost(TIMEOUT).until(() -> "square keeper".equals(tree(session).getString("steps.find { it.stepId == '" + step + "' }.name")));
        assertThat(tree(session).getString("title")).isEqualTo("after");
        assertThat(tree(session).getString("steps.find { it.stepId == '" + step + "' }.instruction")).isEqualTo("crop to a 1:1 square");

        probe.publish(Topics.SESSION_EVENTS, event(session, 7, new io.atelier.events.StepDeleted(step)));
        await().atMost(TIMEOUT).until(() -> tree(session).getList("steps.stepId", String.class).size() == 1);
        assertThat(tree(session).getList("steps.find { it.stepId == '" + root + "' }.childStepIds")).isEmpty();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT type FROM gallery_event WHERE session_id = ? ORDER BY sequence")) {
            ps.setObject(1, session);
            List<String> types = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            assertThat(types).endsWith("SessionRenamed", "StepRenamed", "StepDeleted");
        }
    }

    @Test
    void rowsBecomeVisibleOnlyTogetherWithTheirOffset() throws SQLException {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        try (Connection blocker = db.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                // the projector can still read its offsets, but cannot write them until this transaction ends
                s.execute("LOCK TABLE projection_offset IN SHARE ROW EXCLUSIVE MODE");
            }
            probe.publish(Topics.SESSION_EVENTS, event(session, 1, new SessionStarted("held back")));
            await().atMost(TIMEOUT).until(this::projectorWaitsToWriteItsOffset);

            // the session's row is written in the projector's open transaction, so nobody sees it yet
            assertThat(sessionRows(session)).isZero();
            assertThat(queries.tree("default", session)).isEmpty();
            blocker.rollback();
        }

        ConsumerRecord<String, byte[]> input = probe.read(Topics.SESSION_EVENTS, session.toString(), 1, TIMEOUT).get(0);
        await().atMost(TIMEOUT).until(() -> sessionRows(session) == 1);
        assertThat(storedOffset(input.partition())).isEqualTo(input.offset() + 1);
    }

    @Test
    void isReadyWhileTheProjectionPolls() {
        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.name", hasItem("projection")));
    }

    private boolean projectorWaitsToWriteItsOffset() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO projection_offset%'") > 0;
    }

    private long sessionRows(UUID session) throws SQLException {
        return count("SELECT count(*) FROM gallery_session WHERE id = '" + session + "'");
    }

    private long lastSequence(UUID session) throws SQLException {
        return count("SELECT last_sequence FROM gallery_session WHERE id = '" + session + "'");
    }

    private long storedOffset(int partition) throws SQLException {
        return count("SELECT next_offset FROM projection_offset WHERE topic = '" + Topics.SESSION_EVENTS + "' AND partition_no = " + partition);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private JsonPath tree(UUID session) {
        try {
            return JsonPath.from(json.writeValueAsString(queries.tree("default", session).orElse(null)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImageRef image(String hashLetter) {
        String sha = hashLetter.repeat(64);
        return new ImageRef("default/s/" + sha + ".png", sha, 10, 10, "image/png", 100);
    }

    private static EventEnvelope event(UUID session, long sequence, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, sequence, Instant.now(), "user:test", event);
    }
}
