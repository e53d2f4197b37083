package io.atelier.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atelier.events.DraftRequested;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.Generated;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.SessionEvent;
import io.atelier.events.SessionStarted;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A session started from a prompt: its DraftRequested root shows pending with the prompt, then rendered with provenance; the audit trail chains them. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class DraftProjectionTest {
    @Inject
    KafkaSettings kafka;
    @Inject
    io.atelier.gallery.api.GalleryQueries queries;
    @Inject
    io.atelier.gallery.audit.AuditTrail trail;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void theDraftRootIsPendingWithItsPromptThenRenderedAndItsTrailChained() throws Exception {
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        String prompt = "a cup of coffee on a rustic wooden table";
        EventEnvelope draft = event(session, 2, new DraftRequested(root, prompt, 1280, 832));
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        probe.publish(Topics.SESSION_EVENTS, event(session, 1, new SessionStarted("from a prompt")), draft);

        await().atMost(Duration.ofSeconds(30)).until(() -> queries.tree("default", session).isPresent()
                && "pending".equals(tree(session).getString("steps.find { it.stepId == '" + root + "' }.status")));
        JsonPath pending = tree(session);
        assertThat(pending.getString("rootStepId")).isEqualTo(root.toString());
        assertThat(pending.getString("steps[0].instruction")).isEqualTo(prompt);
        assertThat(pending.getString("steps[0].parentStepId")).isNull();

        Generated generated = new Generated("openai", "gpt-image-1", "req_1", Optional.empty(), Optional.empty(),
                JsonNodeFactory.instance.objectNode().put("total_tokens", 4160), "draft", 1.0, image("e"), "default/s/evidence/x.json");
        EventEnvelope rendered = event(session, 3, new ImageRendered(root, image("c"), image("d"), JsonNodeFactory.instance.objectNode(),
                "engine/test", 5, "none", Optional.of(generated)));
        probe.publish(Topics.SESSION_EVENTS, rendered);
        await().atMost(Duration.ofSeconds(30)).until(() -> "rendered".equals(tree(session).getString("steps[0].status")));
        JsonPath done = tree(session);
        assertThat(done.getString("steps[0].generated.mode")).isEqualTo("draft");
        assertThat(done.getString("steps[0].generated.provider")).isEqualTo("openai");
        assertThat(done.getString("steps[0].instruction")).isEqualTo(prompt);

        JsonPath audit = JsonPath.from(EventCodec.mapper().writeValueAsString(Map.of("entries",
                trail.entries("default", session, 0, 10).orElseThrow())));
        assertThat(audit.getList("entries.type", String.class)).containsExactly("SessionStarted", "DraftRequested", "ImageRendered");
        assertThat(audit.getString("entries[1].instruction")).isEqualTo(prompt);
        assertThat(audit.getString("entries[2].causationId")).isEqualTo(draft.eventId().toString());
        assertThat(audit.getString("entries[2].instruction")).isEqualTo(prompt);
        assertThat(audit.getString("entries[2].outputSha256")).isEqualTo("c".repeat(64));
        assertThat(audit.getString("entries[2].inputSha256")).isNull();
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
