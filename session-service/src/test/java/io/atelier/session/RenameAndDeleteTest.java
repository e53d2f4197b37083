package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.atelier.events.EventEnvelope;
import io.atelier.events.SessionRenamed;
import io.atelier.events.StepDeleted;
import io.atelier.events.StepRenamed;
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

/** Renaming sessions and steps and deleting the last step of a branch are events; the original and inner steps stay. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class RenameAndDeleteTest {
    @BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Test
    void renamesAndALeafDeletionAreAppendedAndADeletedStepCannotBeRefined() {
        UUID session = SessionFixtures.startSession("before");
        UUID root = SessionFixtures.uploadSource(session);
        UUID step = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("parentStepId", root.toString(), "instruction", "crop to a 1:1 square"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));

        given().contentType(ContentType.JSON).body(Map.of("title", "after")).patch("/api/sessions/" + session)
                .then().statusCode(200).body("name", equalTo("after"));
        given().contentType(ContentType.JSON).body(Map.of("name", " square keeper ")).patch("/api/sessions/" + session + "/steps/" + step)
                .then().statusCode(200).body("name", equalTo("square keeper")).body("stepId", equalTo(step.toString()));
        given().delete("/api/sessions/" + session + "/steps/" + root)
                .then().statusCode(409).contentType("application/problem+json").body("type", endsWith("/step-not-leaf"));
        given().delete("/api/sessions/" + session + "/steps/" + step).then().statusCode(204);
        given().delete("/api/sessions/" + session + "/steps/" + step).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("parentStepId", step.toString(), "instruction", "warmer"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(422).body("type", endsWith("/unknown-parent-step"));

        assertThat(SessionFixtures.outbox(session)).extracting(EventEnvelope::event).contains(
                new SessionRenamed("after"), new StepRenamed(step, "square keeper"), new StepDeleted(step));
    }
}
