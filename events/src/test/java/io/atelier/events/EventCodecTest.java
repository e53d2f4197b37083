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
                new InstructionRequested(UUID.randomUUID(), step, "make it warmer", IMAGE, java.util.Optional.of(IMAGE)),
                new ImageRendered(step, IMAGE, IMAGE, EventCodec.mapper().createObjectNode(), "engine/1", 42, "none", java.util.Optional.empty(),
                        (com.fasterxml.jackson.databind.JsonNode) EventCodec.mapper().createObjectNode().set("againstParent", EventCodec.mapper().createObjectNode().put("ssim", 0.91))),
                new ImageRendered(step, IMAGE, IMAGE, EventCodec.mapper().createObjectNode().put("schemaVersion", 1), "engine/1", 42, "grabcut-centre-prior/1"),
                new RenderFailed(step, "I did not understand: \"add hands\"", "I can crop…", List.of("add hands"), "engine/1"),
                new SessionDeleted(), new SessionRenamed("TerraBrew, renamed"), new StepRenamed(step, "keeper"), new StepDeleted(step),
                new DraftRequested(UUID.randomUUID(), "a cup of coffee on a rustic wooden table", 1536, 1024),
                new GenerationStarted(step, "openai", java.time.Instant.parse("2026-11-28T12:00:00.123456Z")), new RenderCancelled(step));
        long seq = 1;
        for (SessionEvent event : events) {
            EventEnvelope envelope = EventEnvelope.of("default", session, seq++, "user:test", event);
            EventEnvelope decoded = EventCodec.decode(EventCodec.encode(envelope));
            assertThat(decoded).isEqualTo(envelope);
        }
    }

    @Test
    void eventsWrittenBeforeDriftWasMeasuredReadWithoutIt() {
        String old = "{\"type\":\"%s\",\"schemaVersion\":1,\"eventId\":\"%s\",\"workspaceId\":\"default\",\"sessionId\":\"%s\","
                + "\"sequence\":2,\"time\":\"2026-01-01T00:00:00Z\",\"actor\":\"a\",\"data\":%s}";
        String image = "{\"key\":\"k\",\"sha256\":\"abc\",\"width\":4,\"height\":4,\"contentType\":\"image/png\",\"bytes\":9}";
        UUID step = UUID.randomUUID();
        var requested = (InstructionRequested) EventCodec.decode(old.formatted("InstructionRequested", UUID.randomUUID(), UUID.randomUUID(),
                "{\"stepId\":\"" + step + "\",\"parentStepId\":\"" + step + "\",\"instruction\":\"warmer\",\"parentImage\":" + image + "}")
                .getBytes()).event();
        assertThat(requested.originalImage()).isEmpty();
        var rendered = (ImageRendered) EventCodec.decode(old.formatted("ImageRendered", UUID.randomUUID(), UUID.randomUUID(),
                "{\"stepId\":\"" + step + "\",\"image\":" + image + ",\"thumbnail\":" + image
                        + ",\"plan\":{},\"engineVersion\":\"e\",\"durationMillis\":1}").getBytes()).event();
        assertThat(rendered.drift().isEmpty()).isTrue();
        assertThat(rendered.subjectMethod()).isEqualTo(ImageRendered.NO_SUBJECT);
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
                .isInstanceOf(EventCodec.NewerVersionException.class).hasMessageContaining("schema version 2");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"SessionStarted\"}".getBytes()))
                .isInstanceOf(EventCodec.MalformedEventException.class).isNotInstanceOf(EventCodec.NewerVersionException.class)
                .hasMessageContaining("no schema version");
        assertThat(EventCodec.decode(base.formatted("SessionStarted", 1, UUID.randomUUID(), UUID.randomUUID()).getBytes()).event())
                .isEqualTo(new SessionStarted("t"));
    }

    @Test
    void olderVersionsAreBroughtUpByTheirUpcastersAndWithoutOneAreRefused() {
        // a version-0 SessionStarted called its title "name": the upcaster renames it
        String v0 = ("{\"type\":\"SessionStarted\",\"schemaVersion\":0,\"eventId\":\"%s\",\"workspaceId\":\"default\",\"sessionId\":\"%s\","
                + "\"sequence\":1,\"time\":\"2026-01-01T00:00:00Z\",\"actor\":\"a\",\"data\":{\"name\":\"old title\"}}")
                .formatted(UUID.randomUUID(), UUID.randomUUID());
        Upcaster renameTitle = new Upcaster("SessionStarted", 0, node -> {
            var data = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("data");
            data.set("title", data.remove("name"));
            return node;
        });
        assertThat(EventCodec.decode(v0.getBytes(), List.of(renameTitle)).event()).isEqualTo(new SessionStarted("old title"));
        assertThatThrownBy(() -> EventCodec.decode(v0.getBytes(), List.of()))
                .isInstanceOf(EventCodec.MalformedEventException.class).hasMessageContaining("no upcaster from it to 1");
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
