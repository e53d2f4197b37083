package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.Topics;
import io.atelier.stack.LocalStack;
import io.atelier.stack.StackPorts;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A three-node KRaft cluster (replication factor 3, min.insync.replicas 2) loses the leader of the session log's
 * first partition while 60 instructions over 6 sessions are being accepted and rendered: nothing accepted is lost,
 * nothing is duplicated, and every instruction ends in exactly one terminal event. Runs its own stack, since it
 * breaks it.
 */
class BrokerFailureTest {
    private static final List<String> INSTRUCTIONS = List.of("make it 20% brighter", "warm the light slightly", "black and white",
            "make it 10% darker", "more contrast", "more vibrant", "cooler", "a soft vignette", "mirror it", "sharpen a little");
    private static final int SESSIONS = 6;
    private static LocalStack stack;

    @BeforeAll
    static void startThreeBrokers() throws Exception {
        Path root = Path.of(System.getProperty("atelier.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Files.createDirectories(root.resolve("system-tests/target/stack")), "brokers-");
        System.out.println("[BrokerFailureTest] embedded stack with a 3-node Kafka in " + data);
        stack = LocalStack.start(root, data, StackPorts.random(), 1, 3);
    }

    // this stack's own key (its own database); it replaces any default key another test set, see RunningStack
    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + stack.apiKey());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void losingABrokerUnderLoadLosesNothingDuplicatesNothingAndLeavesNoStepPending() throws Exception {
        String session = stack.endpoints().sessionUrl();
        String gallery = stack.endpoints().galleryUrl();
        String bootstrap = stack.endpoints().kafkaBootstrap();
        assertThat(bootstrap.split(",")).hasSize(3);

        Map<UUID, UUID> roots = new LinkedHashMap<>();
        for (int s = 0; s < SESSIONS; s++) {
            UUID id = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("title", "broker failure " + s))
                    .post(session + "/api/sessions").then().statusCode(201).extract().path("sessionId"));
            roots.put(id, UUID.fromString(given().multiPart("image", "coffee.png", Api.coffee(), "application/octet-stream")
                    .post(session + "/api/sessions/" + id + "/source").then().statusCode(201).extract().path("stepId")));
        }

        Map<UUID, List<UUID>> accepted = new LinkedHashMap<>();
        roots.keySet().forEach(id -> accepted.put(id, new ArrayList<>()));
        int sent = 0;
        int killed = -1;
        for (int i = 0; i < INSTRUCTIONS.size(); i++) {
            for (Map.Entry<UUID, UUID> s : roots.entrySet()) {
                if (sent++ == 20) {
                    killed = leaderOfFirstPartition(bootstrap);
                    System.out.println("[BrokerFailureTest] killing Kafka node " + killed + " (leader of " + Topics.SESSION_EVENTS
                            + "-0) after 20 of 60 instructions");
                    stack.killKafkaNode(killed);
                }
                String stepId = given().contentType(ContentType.JSON)
                        .body(Map.of("parentStepId", s.getValue().toString(), "instruction", INSTRUCTIONS.get(i)))
                        .post(session + "/api/sessions/" + s.getKey() + "/steps").then().statusCode(202).extract().path("stepId");
                accepted.get(s.getKey()).add(UUID.fromString(stepId));
            }
        }
        assertThat(killed).isPositive();
        assertThat(stack.kafkaNodeIds()).hasSize(2).doesNotContain(killed);

        // no step stuck: the gallery shows every accepted step finished
        Instant t0 = Instant.now();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (UUID id : roots.keySet()) {
                List<String> statuses = given().get(gallery + "/api/sessions/" + id).then().statusCode(200).extract().jsonPath()
                        .getList("steps.status");
                assertThat(statuses).as("session " + id).hasSize(1 + INSTRUCTIONS.size()).doesNotContain("pending");
            }
        });
        System.out.println("[BrokerFailureTest] all 60 steps finished " + Duration.between(t0, Instant.now()).toMillis()
                + " ms after the last was accepted, on 2 of 3 brokers");

        // nothing lost, nothing duplicated, every image stored: the committed log as an auditor reads it
        LogAudit.Result r = LogAudit.audit(stack.endpoints(), accepted);
        assertThat(r.instructions()).isEqualTo(60);
        assertThat(r.lost()).as("lost").isZero();
        assertThat(r.duplicated()).as("duplicated").isZero();
        assertThat(r.redelivered()).as("records delivered twice").isZero();
    }

    private static int leaderOfFirstPartition(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            TopicDescription d = admin.describeTopics(List.of(Topics.SESSION_EVENTS)).allTopicNames().get().get(Topics.SESSION_EVENTS);
            assertThat(d.partitions().getFirst().replicas()).hasSize(3);
            return d.partitions().getFirst().leader().id();
        }
    }
}
