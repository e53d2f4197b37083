package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.atelier.events.DraftRequested;
import io.atelier.events.EventEnvelope;
import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.model.StepStatus;
import io.atelier.session.outbox.OutboxEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a generative engine configured, a prompt opens a session whose root step is a pending draft; bad prompts and sizes write nothing. */
@QuarkusTest
@TestProfile(SessionFromPromptTest.WithEngine.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class SessionFromPromptTest {

    /** The workers' ComfyUI setting, as the local stack passes it to session-service too. */
    public static class WithEngine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atelier.comfyui.url", "http://gpu-box.invalid:8188");
        }
    }

    @BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Test
    void aPromptOpensASessionWhoseRootIsAPendingDraftAtTheAskedAspect() {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("prompt", "a cup of coffee on a rustic wooden table, morning light", "aspect", "3:2"))
                .when().post("/api/sessions")
                .then().statusCode(201).header("Location", notNullValue()).body("stepId", notNullValue())
                .body("title", equalTo("a cup of coffee on a rustic wooden table, morning light")).extract();
        UUID session = UUID.fromString(created.path("sessionId"));
        UUID root = UUID.fromString(created.path("stepId"));

        List<EventEnvelope> events = SessionFixtures.outbox(session);
        assertThat(events).extracting(e -> e.event().typeName()).containsExactly("SessionStarted", "DraftRequested");
        DraftRequested draft = (DraftRequested) events.get(1).event();
        assertThat(draft.stepId()).isEqualTo(root);
        assertThat(draft.prompt()).isEqualTo("a cup of coffee on a rustic wooden table, morning light");
        assertThat(draft.width()).isEqualTo(1280);
        assertThat(draft.height()).isEqualTo(832);
        var step = SessionFixtures.step(root);
        assertThat(step.parentStepId).isNull();
        assertThat(step.status).isEqualTo(StepStatus.PENDING);
        // the root is pending: it cannot be refined until its draft arrives, nor can a photo replace it
        given().contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", "warmer"))
                .when().post("/api/sessions/" + session + "/steps").then().statusCode(409).body("type", endsWith("/parent-pending"));
        given().multiPart("image", "late.png", SessionFixtures.png(8, 8), "image/png").when().post("/api/sessions/" + session + "/source")
                .then().statusCode(409).body("type", endsWith("/source-exists"));
    }

    @Test
    void aGivenTitleAndSizeAreKept() {
        var created = given().contentType(ContentType.JSON).body(Map.of("title", "Hero", "prompt", "a teapot", "size", "1024x1536"))
                .when().post("/api/sessions").then().statusCode(201).body("title", equalTo("Hero")).extract();
        DraftRequested draft = (DraftRequested) SessionFixtures.outbox(UUID.fromString(created.path("sessionId"))).get(1).event();
        assertThat(draft.width()).isEqualTo(1024);
        assertThat(draft.height()).isEqualTo(1536);
    }

    @Test
    void badPromptsAndSizesAreRefusedAndWriteNothing() {
        long rows = QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count());
        refused(Map.of("prompt", "   "), "empty-prompt");
        refused(Map.of("prompt", "cup ".repeat(600)), "prompt-too-long");
        refused(Map.of("prompt", "a cup\u0000"), "control-character");
        refused(Map.of("prompt", "a cup", "size", "big"), "invalid-size");
        refused(Map.of("prompt", "a cup", "size", "100x100"), "invalid-size");
        refused(Map.of("prompt", "a cup", "aspect", "10:1"), "invalid-size");
        refused(Map.of("prompt", "a cup", "aspect", "3:2", "size", "1024x1024"), "invalid-size");
        refused(Map.of("prompt", "a cup", "title", "t".repeat(201)), "title-too-long");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count())).isEqualTo(rows);
    }

    private static void refused(Map<String, String> body, String slug) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/" + slug));
    }
}
