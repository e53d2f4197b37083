package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** NUL and other control characters in titles and instructions get a 400 problem and change nothing. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class ControlCharacterTest {
    static String key;

    @org.junit.jupiter.api.BeforeEach
    void key() {
        key = SessionFixtures.useKey("default");
    }


    @Test
    void aTitleWithNulIsRefusedNotA500() {
        given().contentType(ContentType.JSON).body("{\"title\": \"hero\\u0000shot\"}")
                .when().post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/control-character")).body("status", equalTo(400))
                .body("detail", containsString("title"));
    }

    @Test
    void aTitleWithANewlineOrEscapeIsRefused() {
        for (String title : new String[] {"hero\\nshot", "hero\\tshot", "\\u001b[31mred", "hero\\u007f", "hero\\u0085"}) {
            given().contentType(ContentType.JSON).body("{\"title\": \"" + title + "\"}")
                    .when().post("/api/sessions")
                    .then().statusCode(400).body("type", endsWith("/control-character"));
        }
    }

    @Test
    void anInstructionWithNulIsRefusedAndWritesNoStep() {
        UUID session = SessionFixtures.startSession("control characters");
        UUID root = SessionFixtures.uploadSource(session);
        int events = SessionFixtures.outbox(session).size();

        given().contentType(ContentType.JSON).body("{\"parentStepId\": \"" + root + "\", \"instruction\": \"warmer\\u0000\"}")
                .when().post("/api/sessions/" + session + "/steps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/control-character")).body("detail", containsString("instruction"));
        given().contentType(ContentType.JSON).body("{\"parentStepId\": \"" + root + "\", \"instruction\": \"warmer\\u001b\"}")
                .when().post("/api/sessions/" + session + "/steps")
                .then().statusCode(400).body("type", endsWith("/control-character"));

        assertThat(SessionFixtures.outbox(session)).hasSize(events);
        assertThat(SessionFixtures.steps(session)).isEqualTo(1);
    }

    @Test
    void anInstructionMayHaveLineBreaksAndTabs() {
        UUID session = SessionFixtures.startSession("pasted instruction");
        UUID root = SessionFixtures.uploadSource(session);
        given().contentType(ContentType.JSON)
                .body(Map.of("parentStepId", root.toString(), "instruction", "make it warmer\r\n\tand crop to 1:1"))
                .when().post("/api/sessions/" + session + "/steps")
                .then().statusCode(202);
    }
}
