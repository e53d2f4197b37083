package io.atelier.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GeneratedEventTest {
    private static final ImageRef IMAGE = new ImageRef("default/s/abc.png", "abc", 600, 400, "image/png", 1234);

    @Test
    void aGeneratedStepCarriesItsProvenanceThroughTheCodec() {
        Generated generated = new Generated("openai", "gpt-image-1", "req_1", Optional.of("A photograph: hands"), Optional.empty(),
                EventCodec.mapper().createObjectNode().put("total_tokens", 4533), "region", 0.12, IMAGE, "default/s/evidence/req_1.json");
        EventEnvelope envelope = EventEnvelope.of("default", UUID.randomUUID(), 4, "worker:w", new ImageRendered(UUID.randomUUID(), IMAGE, IMAGE,
                EventCodec.mapper().createObjectNode(), "engine/1", 9, "none", Optional.of(generated)));
        String json = new String(EventCodec.encode(envelope), StandardCharsets.UTF_8);
        assertThat(json).contains("\"provider\":\"openai\"").contains("\"revisedPrompt\":\"A photograph: hands\"").contains("\"total_tokens\":4533");
        assertThat(EventCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(envelope);
    }

    @Test
    void anEventWrittenBeforeTheFieldExistedReadsAsBuiltInAndEncodesAsBefore() {
        String old = "{\"type\":\"ImageRendered\",\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"workspaceId\":\"default\","
                + "\"sessionId\":\"" + UUID.randomUUID() + "\",\"sequence\":3,\"time\":\"2026-01-01T00:00:00Z\",\"actor\":\"worker:a\","
                + "\"data\":{\"stepId\":\"" + UUID.randomUUID() + "\",\"image\":{\"key\":\"k\",\"sha256\":\"s\",\"width\":1,\"height\":1,"
                + "\"contentType\":\"image/png\",\"bytes\":1},\"thumbnail\":{\"key\":\"k\",\"sha256\":\"s\",\"width\":1,\"height\":1,"
                + "\"contentType\":\"image/png\",\"bytes\":1},\"plan\":{},\"engineVersion\":\"e\",\"durationMillis\":1,\"subjectMethod\":\"none\"}}";
        EventEnvelope decoded = EventCodec.decode(old.getBytes(StandardCharsets.UTF_8));
        assertThat(((ImageRendered) decoded.event()).generated()).isEmpty();
        assertThat(new String(EventCodec.encode(decoded), StandardCharsets.UTF_8)).doesNotContain("generated");
    }
}
