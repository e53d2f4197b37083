package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.GenerationStarted;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.KafkaEvents;
import io.atelier.events.RenderCancelled;
import io.atelier.events.Topics;
import io.atelier.generative.FakeOpenAiImages;
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
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A step waiting on a 30 s provider call shows its progress (GenerationStarted, naming the provider and never its key)
 * while it waits; a RenderCancelled on the log interrupts the call, the worker answers the step with nothing (its
 * terminal event is the cancel itself), and the session's next step renders at once instead of after the call.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs =
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,s3"))
@WithTestResource(value = SlowProviderResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CancelWorkerTest {
    private static final Logger LOG = Logger.getLogger(CancelWorkerTest.class);
    private static final String WORKSPACE = "default";

    @Inject
    KafkaSettings kafka;
    @Inject
    ImageStore images;

    @Test
    void aCancelStopsTheProviderCallAndTheSessionMovesOn() throws IOException {
        SlowProviderResource.fake.delay(Duration.ZERO); // only the snail is slow
        KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
        UUID session = UUID.randomUUID();
        ImageRef parent = storeParent(session);
        EventEnvelope slow = request(session, parent, 3, "add a " + FakeOpenAiImages.SLOW + " next to the cup");
        EventEnvelope next = request(session, parent, 4, "crop to a 1:1 square");
        UUID slowStep = ((InstructionRequested) slow.event()).stepId();
        probe.publish(Topics.SESSION_EVENTS, slow, next);

        // progress while pending: the worker says which provider it is calling, and since when
        List<EventEnvelope> progress = probe.read(Topics.RENDER_OUTCOMES, r -> session.toString().equals(r.key())
                && KafkaEvents.header(r.headers(), "ce_type").contains(".GenerationStarted."), 1, Duration.ofSeconds(60))
                .stream().map(r -> EventCodec.decode(r.value())).toList();
        assertThat(progress).hasSize(1);
        GenerationStarted started = (GenerationStarted) progress.get(0).event();
        assertThat(started.stepId()).isEqualTo(slowStep);
        assertThat(started.provider()).isEqualTo("openai");
        assertThat(new String(EventCodec.encode(progress.get(0)))).doesNotContain(FakeOpenAiImages.KEY);

        long cancelledAt = System.nanoTime();
        probe.publish(Topics.SESSION_EVENTS, new EventEnvelope(UUID.randomUUID(), WORKSPACE, session, 6, Instant.now(), "user:test",
                new RenderCancelled(slowStep)));
        List<EventEnvelope> answered = ResponsiveWorkerTest.outcomes(probe, session, 1);
        long afterCancel = (System.nanoTime() - cancelledAt) / 1_000_000;
        LOG.infof("MEASURED the session's next step answered %d ms after the cancel of a %d s provider call", afterCancel,
                FakeOpenAiImages.SLOW_FOR.toSeconds());

        // the only terminal answer for the session is its next step's; the cancelled step gets none from the worker
        assertThat(answered).extracting(e -> ((ImageRendered) e.event()).stepId()).containsExactly(((InstructionRequested) next.event()).stepId());
        assertThat(afterCancel).as("the provider call was abandoned, not waited out").isLessThan(10_000);

        // another session renders as usual afterwards
        UUID other = UUID.randomUUID();
        EventEnvelope plain = request(other, storeParent(other), 3, "crop to a 1:1 square");
        probe.publish(Topics.SESSION_EVENTS, plain);
        assertThat(ResponsiveWorkerTest.outcomes(probe, other, 1)).extracting(e -> e.event().typeName()).containsExactly("ImageRendered");
        assertThat(ResponsiveWorkerTest.outcomes(probe, session, 1)).as("still nothing for the cancelled step").hasSize(1);
        assertThat(SlowProviderResource.fake.violations()).isEmpty();
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

    private static EventEnvelope request(UUID session, ImageRef parent, long sequence, String instruction) {
        return new EventEnvelope(UUID.randomUUID(), WORKSPACE, session, sequence, Instant.now(), "user:test",
                new InstructionRequested(UUID.randomUUID(), UUID.randomUUID(), instruction, parent));
    }
}
