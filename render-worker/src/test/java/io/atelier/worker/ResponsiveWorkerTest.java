package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.Topics;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A 30 s provider call on one session does not hold up built-in renders of other sessions (whatever
 * partition they share), and the slow session's next step still waits for its first: order within a
 * session is kept, and each request is answered exactly once.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs =
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,s3"))
@WithTestResource(value = SlowProviderResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResponsiveWorkerTest {
    private static final Logger LOG = Logger.getLogger(ResponsiveWorkerTest.class);
    private static final String WORKSPACE = "default";
    private static final Duration SLOW = Duration.ofSeconds(30);

    @Inject
    KafkaSettings kafka;
    @Inject
    ImageStore images;

    @Test
    void builtInStepsOfOtherSessionsRenderWhileAProviderCallRuns() throws IOException {
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        // baseline: a built-in step with nothing else running
        UUID warm = UUID.randomUUID();
        long alone = timeToOutcome(probe, warm, List.of(request(warm, storeParent(warm), "crop to a 1:1 square")), 1);

        SlowProviderResource.fake.delay(SLOW);
        UUID slow = UUID.randomUUID();
        ImageRef slowParent = storeParent(slow);
        EventEnvelope generative = request(slow, slowParent, "add scattered coffee beans");
        EventEnvelope afterIt = request(slow, slowParent, "crop to a 1:1 square");
        long startedAt = System.nanoTime();
        probe.publish(Topics.SESSION_EVENTS, generative);
        probe.publish(Topics.SESSION_EVENTS, afterIt);

        // eight other sessions: with three partitions, some share the slow session's partition
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID other = UUID.randomUUID();
            others.add(other);
            probe.publish(Topics.SESSION_EVENTS, request(other, storeParent(other), "crop to a 1:1 square"));
        }
        long slowest = 0;
        for (UUID other : others) {
            outcomes(probe, other, 1);
            slowest = Math.max(slowest, (System.nanoTime() - startedAt) / 1_000_000);
        }
        List<EventEnvelope> slowOutcomes = outcomes(probe, slow, 2);
        long generativeDone = (System.nanoTime() - startedAt) / 1_000_000;
        LOG.infof("MEASURED built-in step alone %d ms; 8 built-in steps beside a %d s provider call all answered within %d ms; "
                + "the provider's session finished after %d ms", alone, SLOW.toSeconds(), slowest, generativeDone);

        // queued behind the provider call, the first of them would take at least its 30 s (on a loaded CI machine a
        // built-in step alone takes seconds, so the bound is the call itself, not a fraction of it)
        assertThat(slowest).as("built-in steps of other sessions wait for no provider call").isLessThan(SLOW.toMillis());
        assertThat(generativeDone).isGreaterThanOrEqualTo(SLOW.toMillis()).isGreaterThan(slowest + 10_000);
        // the session's second step was answered after its first, and each exactly once
        assertThat(slowOutcomes).extracting(e -> ((ImageRendered) e.event()).stepId())
                .containsExactly(step(generative), step(afterIt));
        assertThat(SlowProviderResource.fake.violations()).isEmpty();
    }

    private static UUID step(EventEnvelope request) {
        return ((InstructionRequested) request.event()).stepId();
    }

    private long timeToOutcome(KafkaProbe probe, UUID session, List<EventEnvelope> requests, int expected) {
        long start = System.nanoTime();
        requests.forEach(r -> probe.publish(Topics.SESSION_EVENTS, r));
        outcomes(probe, session, expected);
        return (System.nanoTime() - start) / 1_000_000;
    }

    // terminal outcomes only: a generative step's progress (GenerationStarted) goes to the same topic before them
    static List<EventEnvelope> outcomes(KafkaProbe probe, UUID session, int expected) {
        List<ConsumerRecord<String, byte[]>> read = probe.read(Topics.RENDER_OUTCOMES, r -> session.toString().equals(r.key())
                && !KafkaEvents.header(r.headers(), "ce_type").contains(".GenerationStarted."), expected, Duration.ofSeconds(90));
        assertThat(read).hasSize(expected);
        return read.stream().map(r -> EventCodec.decode(r.value())).toList();
    }

    private ImageRef storeParent(UUID session) throws IOException {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(120, 80, 50));
        g.fillRect(0, 0, 96, 64);
        g.setColor(Color.WHITE);
        g.fillOval(30, 16, 36, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        String sha = Sha256.hex(png);
        ImageRef ref = new ImageRef(ImageKeys.image(WORKSPACE, session, sha, "png"), sha, 96, 64, "image/png", png.length);
        images.put(ref.key(), png, ref.contentType());
        return ref;
    }

    private static EventEnvelope request(UUID session, ImageRef parent, String instruction) {
        return new EventEnvelope(UUID.randomUUID(), WORKSPACE, session, 3, Instant.now(), "user:test",
                new InstructionRequested(UUID.randomUUID(), UUID.randomUUID(), instruction, parent));
    }
}
