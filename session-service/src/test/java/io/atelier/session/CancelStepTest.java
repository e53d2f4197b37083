package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atelier.events.EventEnvelope;
import io.atelier.events.GenerationStarted;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.RenderCancelled;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pending step's progress goes on the log while it is pending; a cancel is its one terminal event, and the worker's
 * image arriving after it, or more progress, changes nothing. Finished steps are refused, unknown ones are 404.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class CancelStepTest {
    @Inject
    KafkaSettings kafka;

    @BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Test
    void aCancelEndsThePendingStepOnceAndTheWorkersLateAnswerIsIgnored() {
        UUID session = SessionFixtures.startSession("cancel");
        UUID root = SessionFixtures.uploadSource(session);
        UUID step = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("parentStepId", root.toString(), "instruction", "add a small plant in a pot on the left"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        Instant startedAt = Instant.parse("2026-11-28T12:00:00.250Z");
        probe.publish(Topics.RENDER_OUTCOMES, outcome(session, new GenerationStarted(step, "openai", startedAt)));
        await().atMost(Duration.ofSeconds(30)).until(() -> SessionFixtures.outbox(session).stream()
                .anyMatch(e -> e.event() instanceof GenerationStarted));
        assertThat(SessionFixtures.step(step).status).as("progress is not an end").isEqualTo(StepStatus.PENDING);

        given().post("/api/sessions/" + session + "/steps/" + step + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("stepId", equalTo(step.toString()));
        given().post("/api/sessions/" + session + "/steps/" + step + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/step-finished"));
        given().post("/api/sessions/" + session + "/steps/" + root + "/cancel").then().statusCode(409).body("type", endsWith("/step-finished"));
        given().post("/api/sessions/" + session + "/steps/" + UUID.randomUUID() + "/cancel").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("parentStepId", step.toString(), "instruction", "make it warmer"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(409).body("type", endsWith("/parent-failed"));

        // the worker finished just too late: its image and a late progress notice are dropped; a marker outcome after them shows they were read
        UUID other = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", "crop to a 1:1 square"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));
        probe.publish(Topics.RENDER_OUTCOMES, outcome(session, rendered(session, step)), outcome(session, new GenerationStarted(step, "openai", startedAt)),
                outcome(session, rendered(session, other)));
        await().atMost(Duration.ofSeconds(30)).until(() -> SessionFixtures.step(other).status == StepStatus.RENDERED);
        assertThat(SessionFixtures.step(step).status).isEqualTo(StepStatus.CANCELLED);
        List<EventEnvelope> log = SessionFixtures.outbox(session);
        assertThat(log).extracting(e -> e.event().typeName()).containsExactly("SessionStarted", "SourceImageAdded", "InstructionRequested",
                "GenerationStarted", "RenderCancelled", "InstructionRequested", "ImageRendered");
        assertThat(log.get(4).event()).isEqualTo(new RenderCancelled(step));
        assertThat(log.get(4).actor()).as("the caller who cancelled").startsWith("key:");
        assertThat(((GenerationStarted) log.get(3).event()).startedAt()).isEqualTo(startedAt);
    }

    @Test
    void anotherWorkspaceCannotCancel() {
        UUID session = SessionFixtures.startSession("not yours");
        UUID root = SessionFixtures.uploadSource(session);
        UUID step = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", "make it warmer"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));
        SessionFixtures.useKey("elsewhere");
        given().post("/api/sessions/" + session + "/steps/" + step + "/cancel").then().statusCode(404).contentType("application/problem+json");
        assertThat(SessionFixtures.outbox(session)).noneMatch(e -> e.event() instanceof RenderCancelled);
    }

    private static ImageRendered rendered(UUID session, UUID step) {
        ImageRef image = new ImageRef("default/" + session + "/" + "a".repeat(64) + ".png", "a".repeat(64), 32, 32, "image/png", 100);
        ImageRef thumb = new ImageRef("default/" + session + "/thumbs/" + "b".repeat(64) + ".png", "b".repeat(64), 16, 16, "image/png", 50);
        return new ImageRendered(step, image, thumb, JsonNodeFactory.instance.objectNode(), "engine/test", 12, "none");
    }

    private static EventEnvelope outcome(UUID session, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, 3, Instant.now(), "worker:test", event);
    }
}
