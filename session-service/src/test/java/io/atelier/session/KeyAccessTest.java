package io.atelier.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.atelier.events.EventEnvelope;
import io.atelier.platform.access.ApiKeys;
import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.outbox.OutboxEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys: stored only as hashes, verified on every command, revocable; a key's workspace is the only one it reaches. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class KeyAccessTest {

    @BeforeEach
    void noDefaultKey() {
        RestAssured.requestSpecification = null;
    }

    private static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    @Test
    void aKeyActsInItsOwnWorkspaceAndTheWriteModelHoldsOnlyItsHash() {
        String key = SessionFixtures.newKey("acme");
        as(key).get("/api/workspace").then().statusCode(200)
                .body("workspaceId", equalTo("acme")).body("keyPrefix", equalTo(key.substring(4, 12)));
        UUID session = UUID.fromString(as(key).contentType(ContentType.JSON).body(Map.of("title", "acme hero"))
                .post("/api/sessions").then().statusCode(201).body("workspaceId", equalTo("acme")).extract().path("sessionId"));

        List<?> rows = QuarkusTransaction.requiringNew().call(() -> OutboxEntity.getEntityManager()
                .createNativeQuery("SELECT prefix || ' ' || key_hash FROM api_key WHERE workspace_id = 'acme'").getResultList());
        assertThat(rows).singleElement().hasToString(key.substring(4, 12) + " " + ApiKeys.hash(key));
        assertThat(rows.get(0).toString()).doesNotContain(key.substring(13));
        // the event names the key that acted by its prefix, never its secret
        EventEnvelope started = SessionFixtures.outbox(session).get(0);
        assertThat(started.workspaceId()).isEqualTo("acme");
        assertThat(started.actor()).isEqualTo("key:" + key.substring(4, 12));
    }

    @Test
    void missingMalformedUnknownAndRevokedKeysGetTheSame401AndChangeNothing() {
        String revoked = SessionFixtures.newKey("acme");
        SessionFixtures.revoke(revoked);
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count());
        List<RequestSpecification> callers = List.of(
                RestAssured.given(),
                RestAssured.given().header("Authorization", "Bearer not-a-key"),
                RestAssured.given().header("Authorization", "Basic " + ApiKeys.generate().key()),
                as(ApiKeys.generate().key()),
                as(revoked));
        for (RequestSpecification caller : callers) {
            caller.contentType(ContentType.JSON).body(Map.of("title", "should not exist")).post("/api/sessions").then()
                    .statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"atelier\"")
                    .body("type", endsWith("/unauthorized")).body("status", equalTo(401));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count())).isEqualTo(before);
        // health stays open for probes
        RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anotherWorkspacesSessionAnswers404LikeAMissingOne() {
        String mine = SessionFixtures.newKey("acme");
        String theirs = SessionFixtures.newKey("globex");
        UUID session = UUID.fromString(as(mine).contentType(ContentType.JSON).body(Map.of("title", "acme only"))
                .post("/api/sessions").then().statusCode(201).extract().path("sessionId"));
        UUID root = UUID.fromString(as(mine).multiPart("image", "s.png", SessionFixtures.png(24, 16), "image/png")
                .post("/api/sessions/" + session + "/source").then().statusCode(201).extract().path("stepId"));
        int events = SessionFixtures.outbox(session).size();

        String missing = as(theirs).contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", "warmer"))
                .post("/api/sessions/" + UUID.randomUUID() + "/steps").then().statusCode(404).extract().path("title");
        as(theirs).contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", "warmer"))
                .post("/api/sessions/" + session + "/steps").then().statusCode(404).body("title", equalTo(missing));
        as(theirs).multiPart("image", "s.png", SessionFixtures.png(24, 16), "image/png")
                .post("/api/sessions/" + session + "/source").then().statusCode(404).body("title", equalTo(missing));
        assertThat(SessionFixtures.outbox(session)).hasSize(events);
    }
}
