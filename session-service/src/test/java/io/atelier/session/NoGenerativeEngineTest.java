package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.model.SessionEntity;
import io.atelier.session.outbox.OutboxEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a generative engine configured, a session from a prompt is refused up front, naming the settings, and nothing is written. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class NoGenerativeEngineTest {

    @Test
    void aPromptIsRefusedNamingTheSettingsAndNothingIsWritten() {
        SessionFixtures.useKey("default");
        long sessions = QuarkusTransaction.requiringNew().call(() -> SessionEntity.count());
        long events = QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count());

        given().contentType(ContentType.JSON).body(Map.of("title", "from words", "prompt", "a cup of coffee on a wooden table"))
                .when().post("/api/sessions")
                .then().statusCode(422).contentType("application/problem+json").body("type", endsWith("/no-generative-engine"))
                .body("detail", containsString("ATELIER_OPENAI_API_KEY")).body("detail", containsString("ATELIER_COMFYUI_URL"))
                .body("detail", containsString("ATELIER_BFL_API_KEY"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> SessionEntity.count())).isEqualTo(sessions);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count())).isEqualTo(events);
        // a session without a prompt opens as before
        SessionFixtures.startSession("still fine");
    }
}
