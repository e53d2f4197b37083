package io.atelier.worker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionStarted;
import io.atelier.events.Topics;
import io.atelier.platform.kafka.DeadLetters;
import io.atelier.platform.kafka.KafkaSettings;
import io.atelier.platform.storage.ImageKeys;
import io.atelier.platform.storage.ImageStore;
import io.atelier.platform.storage.Sha256;
import io.atelier.platform.testing.KafkaProbe;
import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The consume-render-produce loop on the real broker and S3 server: an outcome and the input's offset
 * commit in one Kafka transaction, so a request is answered exactly once.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs =
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,s3"))
class RenderLoopTest {
    private static final String WORKSPACE = "default";
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    KafkaSettings kafka;
    @Inject
    ImageStore images;
    @Inject
    RenderLoop loop;
    @Inject
    WorkerSettings settings;

    @Test
    void theEngineIsWarmedUpOnceAfterStartAndEveryWarmUpInstructionRenders() {
        // the worker's first steps would otherwise pay for the planner's model, OpenCV's libraries and cold code
        await().atMost(RENDER_TIMEOUT).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("atelier_worker_warm_up_seconds_count 1.0")));
        given().when().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("atelier_worker_warm_up_failed_total 0.0"));
    }

    @Test
    void commitsTheOutcomeAndTheInputOffsetInOneTransaction() throws IOException {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        EventEnvelope request = request(session, storeParent(session), "crop to a 1:1 square");

        probe.publish(Topics.SESSION_EVENTS, request);
        ConsumerRecord<String, byte[]> input = probe.read(Topics.SESSION_EVENTS, session.toString(), 1, RENDER_TIMEOUT).get(0);
        TopicPartition partition = new TopicPartition(input.topic(), input.partition());
        await().atMost(RENDER_TIMEOUT).until(() -> probe.committedOffsets(RenderLoop.GROUP).getOrDefault(partition, -1L) > input.offset());

        // the group's offset moved past the request, and with it exactly one outcome became visible
        List<EventEnvelope> outcomes = outcomesOf(probe, session, 1);
        assertThat(outcomes).hasSize(1);
        EventEnvelope outcome = outcomes.get(0);
        assertThat(outcome.sessionId()).isEqualTo(session);
        assertThat(outcome.event()).isInstanceOf(ImageRendered.class);
        ImageRendered rendered = (ImageRendered) outcome.event();
        assertThat(rendered.stepId()).isEqualTo(((InstructionRequested) request.event()).stepId());
        assertThat(rendered.image().width()).isEqualTo(rendered.image().height());
        // the objects the outcome names were stored before it, under their content hash
        assertThat(Sha256.hex(images.get(rendered.image().key()))).isEqualTo(rendered.image().sha256());
        assertThat(images.exists(rendered.thumbnail().key())).isTrue();
        // and the preview the studio shows, under the image's hash, fitted to the square the crop made
        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(images.get(
                ImageKeys.preview(request.workspaceId(), session, rendered.image().sha256()))));
        assertThat(preview.getWidth()).isEqualTo(Math.min(rendered.image().width(), 2048));
        assertThat(preview.getHeight()).isEqualTo(preview.getWidth());
    }

    @Test
    void aRestartedLoopResumesAfterTheCommittedRequestAndDoesNotAnswerItAgain() throws Exception {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        ImageRef parent = storeParent(session);
        EventEnvelope first = request(session, parent, "crop to a 1:1 square");
        probe.publish(Topics.SESSION_EVENTS, first);
        assertThat(outcomesOf(probe, session, 1)).hasSize(1);

        loop.stop();
        assertThat(loop.isAlive()).isFalse();
        loop.start();
        // same session, same partition: once the second is answered, any redelivery of the first would have been too
        EventEnvelope second = request(session, parent, "flip it horizontally");
        probe.publish(Topics.SESSION_EVENTS, second);

        List<EventEnvelope> outcomes = outcomesOf(probe, session, 2);
        assertThat(outcomes).extracting(o -> ((ImageRendered) o.event()).stepId())
                .containsExactly(((InstructionRequested) first.event()).stepId(), ((InstructionRequested) second.event()).stepId());
    }

    @Test
    void aStepWhoseParentIsMissingIsAnsweredAfterBoundedAttemptsAndDeadLettered() {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        String sha = "0".repeat(64);
        ImageRef missing = new ImageRef(ImageKeys.image(WORKSPACE, session, sha, "png"), sha, 64, 40, "image/png", 100);
        EventEnvelope request = request(session, missing, "crop to a 1:1 square");
        probe.publish(Topics.SESSION_EVENTS, request);

        // before: the loop reopened every second forever and the partition's later steps waited behind it
        List<EventEnvelope> outcomes = outcomesOf(probe, session, 1);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).event()).isInstanceOfSatisfying(RenderFailed.class,
                failed -> assertThat(failed.reason()).contains("missing from storage"));
        ConsumerRecord<String, byte[]> dead = probe.read(Topics.DEAD_LETTERS, session.toString(), 1, RENDER_TIMEOUT).get(0);
        assertThat(EventCodec.decode(dead.value())).isEqualTo(request);
        assertThat(KafkaEvents.header(dead.headers(), DeadLetters.REASON_HEADER)).contains("missing from storage");
        assertThat(KafkaEvents.header(dead.headers(), DeadLetters.TOPIC_HEADER)).isEqualTo(Topics.SESSION_EVENTS);
    }

    @Test
    void workersWithTheSameNameHaveTheirOwnTransactionalIds() {
        RenderLoop another = new RenderLoop(kafka, settings, null);
        assertThat(another.transactionalId()).startsWith("atelier-render-" + settings.name() + "-").isNotEqualTo(loop.transactionalId());
    }

    @Test
    void otherEventsMoveTheOffsetWithoutAnOutcomeAndUnreadableRecordsAreDeadLettered() {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        EventEnvelope started = new EventEnvelope(UUID.randomUUID(), WORKSPACE, session, 1, Instant.now(), "user:test", new SessionStarted("t"));
        probe.publish(List.of(
                new ProducerRecord<>(Topics.SESSION_EVENTS, session.toString(), EventCodec.encode(started)),
                new ProducerRecord<>(Topics.SESSION_EVENTS, session.toString(), "not an event".getBytes(StandardCharsets.UTF_8))));

        List<ConsumerRecord<String, byte[]>> inputs = probe.read(Topics.SESSION_EVENTS, session.toString(), 2, RENDER_TIMEOUT);
        ConsumerRecord<String, byte[]> last = inputs.get(inputs.size() - 1);
        TopicPartition partition = new TopicPartition(last.topic(), last.partition());
        await().atMost(RENDER_TIMEOUT).until(() -> probe.committedOffsets(RenderLoop.GROUP).getOrDefault(partition, -1L) > last.offset());

        assertThat(probe.read(Topics.RENDER_OUTCOMES, session.toString(), 0, Duration.ofSeconds(2))).isEmpty();
        // the unreadable one is set aside with its bytes as they were, not dropped
        ConsumerRecord<String, byte[]> dead = probe.read(Topics.DEAD_LETTERS, session.toString(), 1, RENDER_TIMEOUT).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(KafkaEvents.header(dead.headers(), DeadLetters.OFFSET_HEADER)).isEqualTo(Long.toString(last.offset()));
    }

    @Test
    void isReadyWhileTheRenderLoopPolls() {
        await().atMost(RENDER_TIMEOUT).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.name", hasItem("render-loop")));
    }

    private static List<EventEnvelope> outcomesOf(KafkaProbe probe, UUID session, int expected) {
        return probe.read(Topics.RENDER_OUTCOMES, session.toString(), expected, RENDER_TIMEOUT).stream()
                .map(r -> EventCodec.decode(r.value())).toList();
    }

    private ImageRef storeParent(UUID session) throws IOException {
        BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, 64, 40);
        g.setColor(Color.YELLOW);
        g.fillOval(20, 10, 24, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        String sha = Sha256.hex(png);
        ImageRef ref = new ImageRef(ImageKeys.image(WORKSPACE, session, sha, "png"), sha, 64, 40, "image/png", png.length);
        images.put(ref.key(), png, ref.contentType());
        return ref;
    }

    private static EventEnvelope request(UUID session, ImageRef parent, String instruction) {
        return new EventEnvelope(UUID.randomUUID(), WORKSPACE, session, 3, Instant.now(), "user:test",
                new InstructionRequested(UUID.randomUUID(), UUID.randomUUID(), instruction, parent));
    }
}
