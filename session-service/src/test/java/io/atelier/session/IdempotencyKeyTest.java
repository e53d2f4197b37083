package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.atelier.events.EventEnvelope;
import io.atelier.events.InstructionRequested;
import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A retried refinement request with the same Idempotency-Key gets the first answer and appends nothing. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class IdempotencyKeyTest {
    @org.junit.jupiter.api.BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstAnswerAndAppendOneEvent() {
        UUID session = SessionFixtures.startSession("idempotency");
        UUID root = SessionFixtures.uploadSource(session);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = requestStep(session, root, "crop to a 1:1 square", key).statusCode(202).extract();
        ExtractableResponse<Response> retry = requestStep(session, root, "crop to a 1:1 square", key).statusCode(202).extract();

        assertThat(retry.jsonPath().getString("stepId")).isEqualTo(first.jsonPath().getString("stepId"));
        assertThat(retry.jsonPath().getString("requestedAt")).isEqualTo(first.jsonPath().getString("requestedAt"));
        List<EventEnvelope> requested = SessionFixtures.outbox(session).stream()
                .filter(e -> e.event() instanceof InstructionRequested).toList();
        assertThat(requested).hasSize(1);
        assertThat(((InstructionRequested) requested.get(0).event()).stepId()).hasToString(first.jsonPath().getString("stepId"));
        assertThat(SessionFixtures.steps(session)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        UUID session = SessionFixtures.startSession("idempotency conflict");
        UUID root = SessionFixtures.uploadSource(session);
        String key = UUID.randomUUID().toString();
        requestStep(session, root, "crop to a 1:1 square", key).statusCode(202);
        int eventsBefore = SessionFixtures.outbox(session).size();

        requestStep(session, root, "make it warmer", key)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"))
                .body("status", equalTo(422));

        assertThat(SessionFixtures.outbox(session)).hasSize(eventsBefore);
        assertThat(SessionFixtures.steps(session)).isEqualTo(2);
    }

    @Test
    void keysAreScopedToTheirWorkspace() {
        UUID session = SessionFixtures.startSession("no key reuse across workspaces");
        UUID root = SessionFixtures.uploadSource(session);
        String key = UUID.randomUUID().toString();
        requestStep(session, root, "crop to a 1:1 square", key).statusCode(202);

        // the same key in another workspace is another key: this session is not there, so it is not found
        String elsewhere = SessionFixtures.newKey("elsewhere");
        io.restassured.RestAssured.requestSpecification = null; // RestAssured would send both Authorization headers
        io.restassured.RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + elsewhere)
                .body(Map.of("parentStepId", root.toString(), "instruction", "crop to a 1:1 square"))
                .when().post("/api/sessions/" + session + "/steps")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse requestStep(UUID session, UUID parent, String instruction, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("parentStepId", parent.toString(), "instruction", instruction))
                .when().post("/api/sessions/" + session + "/steps")
                .then();
    }
}
