package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coach's advice comes back with the 202; an instruction that only judges is refused before anything is written. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class CoachAdviceTest {
    @BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Test
    void severalChangesAreQueuedWithTheSplitOffered() {
        UUID session = SessionFixtures.startSession("coach split");
        UUID root = SessionFixtures.uploadSource(session);
        step(session, root, "make it warmer, blur the background and crop it square")
                .statusCode(202)
                .body("status", equalTo("pending"))
                .body("advice", hasSize(1))
                .body("advice[0].kind", equalTo("split"))
                .body("advice[0].steps", contains("make it warmer", "blur the background", "crop it square"));
        assertThat(SessionFixtures.steps(session)).isEqualTo(2);
    }

    @Test
    void oneConcreteChangeHasNoAdvice() {
        UUID session = SessionFixtures.startSession("coach quiet");
        UUID root = SessionFixtures.uploadSource(session);
        step(session, root, "crop to a 1:1 square").statusCode(202).body("advice", empty());
    }

    @Test
    void wordingThatOnlyJudgesIsRefusedWithSuggestionsAndWritesNothing() {
        UUID session = SessionFixtures.startSession("coach refusal");
        UUID root = SessionFixtures.uploadSource(session);
        int events = SessionFixtures.outbox(session).size();
        step(session, root, "the lighting doesn't look right")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/no-concrete-change"))
                .body("advice[0].kind", equalTo("evaluative"))
                .body("advice[0].steps", hasSize(3))
                .body("advice[0].suggestion", equalTo("warm the light to a late-afternoon golden tone"));
        assertThat(SessionFixtures.outbox(session)).hasSize(events);
        assertThat(SessionFixtures.steps(session)).isEqualTo(1);
    }

    private static io.restassured.response.ValidatableResponse step(UUID session, UUID parent, String instruction) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("parentStepId", parent.toString(), "instruction", instruction))
                .when().post("/api/sessions/" + session + "/steps")
                .then();
    }
}
