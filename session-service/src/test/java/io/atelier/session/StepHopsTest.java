package io.atelier.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A step's hops through session-service: the command's record carries when it was accepted and published; a worker's
 * outcome goes out again with everything it came with (trace context included) plus when it was recorded and republished.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class StepHopsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @org.junit.jupiter.api.BeforeEach
    void key() {
        SessionFixtures.useKey("default");
    }

    @Inject
    KafkaSettings kafka;

    @Test
    void theOutcomeLeavesWithEveryHopOfItsRequestAndItsTrace() {
        UUID session = SessionFixtures.startSession("hops");
        UUID root = SessionFixtures.uploadSource(session);
        UUID step = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("parentStepId", root.toString(), "instruction", "mirror it"))
                .when().post("/api/sessions/" + session + "/steps").then().statusCode(202).extract().path("stepId"));
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());

        ConsumerRecord<String, byte[]> requested = probe.read(Topics.SESSION_EVENTS, session.toString(), 3, TIMEOUT).get(2);
        CarriedHeaders request = CarriedHeaders.from(requested.headers());
        assertThat(request.timings().fieldNames()).toIterable().containsExactly("accepted", "published");
        assertThat(at(request, "accepted")).isBeforeOrEqualTo(at(request, "published"));
        // the request's trace context went into the outbox row and on with the record (W3C: version-trace-span-flags)
        assertThat(request.get(CarriedHeaders.TRACEPARENT)).hasValueSatisfying(tp -> assertThat(tp).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));

        // what a worker with tracing on sends back
        Instant started = at(request, "published").plusMillis(2);
        CarriedHeaders worker = request.withHop("renderStarted", started).withHop("rendered", started.plusMillis(40))
                .with(CarriedHeaders.TRACEPARENT, TRACEPARENT);
        String sha = "c".repeat(64);
        EventEnvelope outcome = new EventEnvelope(UUID.randomUUID(), "default", session, 3, Instant.now(), "worker:test",
                new ImageRendered(step, new ImageRef("default/" + session + "/" + sha + ".png", sha, 32, 32, "image/png", 100),
                        new ImageRef("default/" + session + "/thumbs/" + sha + ".png", sha, 16, 16, "image/png", 50),
                        JsonNodeFactory.instance.objectNode(), "engine/test", 40, "none"));
        ProducerRecord<String, byte[]> answer = KafkaEvents.record(Topics.RENDER_OUTCOMES, "/atelier/render-worker/test", outcome);
        worker.addTo(answer.headers());
        probe.publish(List.of(answer));

        CarriedHeaders out = CarriedHeaders.from(probe.read(Topics.SESSION_EVENTS, session.toString(), 4, TIMEOUT).get(3).headers());
        assertThat(out.timings().fieldNames()).toIterable()
                .containsExactly("accepted", "published", "renderStarted", "rendered", "recorded", "outcomePublished");
        assertThat(at(out, "accepted")).isEqualTo(at(request, "accepted"));
        assertThat(at(out, "rendered")).isBeforeOrEqualTo(at(out, "recorded"));
        assertThat(at(out, "recorded")).isBeforeOrEqualTo(at(out, "outcomePublished"));
        // the trace goes on through the outbox: same trace id (the span id is this service's own once tracing is on)
        assertThat(out.get(CarriedHeaders.TRACEPARENT)).hasValueSatisfying(tp -> assertThat(tp).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
    }

    private static Instant at(CarriedHeaders carried, String hop) {
        return Instant.parse(carried.timings().get(hop).asText());
    }
}
