package io.atelier.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final ImageRef IMAGE = new ImageRef("default/s/abc.png", "abc", 400, 400, "image/png", 1234);

    @Test
    void everyEventTypeSurvivesARoundTrip() {
        UUID session = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        List<SessionEvent> events = List.of(
                new SessionStarted("TerraBrew"),
                new SourceImageAdded(step, "coffee.png", IMAGE, IMAGE),
                new InstructionRequested(UUID.randomUUID(), step, "make it warmer", IMAGE),
                new ImageRendered(step, IMAGE, IMAGE, EventCodec.mapper().createObjectNode().put("schemaVersion", 1), "engine/1", 42, "grabcut-centre-prior/1"),
                new RenderFailed(step, "I did not understand: \"add hands\"", "I can crop…", List.of("add hands"), "engine/1"),
                new SessionDeleted());
        long seq = 1;
        for (SessionEvent event : events) {
            EventEnvelope envelope = EventEnvelope.of("default", session, seq++, "user:test", event);
            EventEnvelope decoded = EventCodec.decode(EventCodec.encode(envelope));
            assertThat(decoded).isEqualTo(envelope);
        }
    }

    @Test
    void jsonCarriesTypeAndSchemaVersion() {
        EventEnvelope envelope = EventEnvelope.of("default", UUID.randomUUID(), 7, "user:test", new SessionStarted("x"));
        String json = new String(EventCodec.encode(envelope), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"SessionStarted\"").contains("\"schemaVersion\":1").contains("\"sequence\":7");
    }

    @Test
    void unknownTypesAndFutureVersionsAreRefusedLoudly() {
        String base = "{\"type\":\"%s\",\"schemaVersion\":%d,\"eventId\":\"%s\",\"workspaceId\":\"default\",\"sessionId\":\"%s\","
                + "\"sequence\":1,\"time\":\"2026-01-01T00:00:00Z\",\"actor\":\"a\",\"data\":{\"title\":\"t\"}}";
        assertThatThrownBy(() -> EventCodec.decode(base.formatted("SessionExploded", 1, UUID.randomUUID(), UUID.randomUUID()).getBytes()))
                .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventCodec.decode(base.formatted("SessionStarted", 2, UUID.randomUUID(), UUID.randomUUID()).getBytes()))
                .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageContaining("schema version 2");
        assertThat(EventCodec.decode(base.formatted("SessionStarted", 1, UUID.randomUUID(), UUID.randomUUID()).getBytes()).event())
                .isEqualTo(new SessionStarted("t"));
    }

    @Test
    void kafkaRecordsAreKeyedBySessionWithCloudEventsHeaders() {
        UUID session = UUID.randomUUID();
        EventEnvelope envelope = EventEnvelope.of("default", session, 3, "user:test", new SessionStarted("x"));
        var record = KafkaEvents.record(Topics.SESSION_EVENTS, "/atelier/test", envelope);
        assertThat(record.key()).isEqualTo(session.toString());
        assertThat(KafkaEvents.header(record.headers(), "ce_type")).isEqualTo("io.atelier.session.SessionStarted.v1");
        assertThat(KafkaEvents.header(record.headers(), "ce_id")).isEqualTo(envelope.eventId().toString());
        assertThat(KafkaEvents.header(record.headers(), "ce_source")).isEqualTo("/atelier/test");
    }
}
