package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.atelier.platform.testing.LocalStackResource;
import io.atelier.session.outbox.OutboxEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A workspace that spends its command budget gets 429 with Retry-After, writes nothing, and other workspaces carry on. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class RateLimitTest {

    /** Three commands at once, then one an hour: the fourth within the test is over budget. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atelier.session.rate-limit.capacity", "3",
                    "atelier.session.rate-limit.refill-tokens", "1",
                    "atelier.session.rate-limit.refill-period", "1h");
        }
    }

    @Test
    void theFourthCommandOfAWorkspaceIsRefusedUntilItsBudgetRefills() {
        for (int i = 0; i < 3; i++) {
            start("budget-a").then().statusCode(201);
        }
        long events = outboxRows();

        var refused = start("budget-a").then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/rate-limited")).body("status", equalTo(429)).extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(3000L, 3600L);
        // every command counts, a delete as well as a start
        given().header("Authorization", auth("budget-a")).delete("/api/sessions/" + java.util.UUID.randomUUID()).then().statusCode(429);
        assertThat(outboxRows()).isEqualTo(events);

        // another workspace has its own budget
        start("budget-b").then().statusCode(201);
    }

    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    // one key per workspace: the budget is the key's workspace's
    private static String auth(String workspace) {
        io.restassured.RestAssured.requestSpecification = null; // no default key from another test of this JVM
        return "Bearer " + KEYS.computeIfAbsent(workspace, SessionFixtures::newKey);
    }

    private static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count());
    }

    private static io.restassured.response.Response start(String workspace) {
        return given().header("Authorization", auth(workspace)).contentType(ContentType.JSON).body(Map.of("title", "budget"))
                .post("/api/sessions");
    }
}
