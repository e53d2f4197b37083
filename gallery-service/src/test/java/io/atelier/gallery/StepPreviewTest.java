package io.atelier.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.SessionEvent;
import io.atelier.events.SessionStarted;
import io.atelier.events.SourceImageAdded;
import io.atelier.events.Topics;
import io.atelier.gallery.api.GalleryQueries;
import io.atelier.gallery.api.StepPreviews;
import io.atelier.imaging.PngEncoder;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A step's preview is made once from its full image in S3, kept beside it under the image's hash, and display-sized. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class StepPreviewTest {
    @Inject
    KafkaSettings kafka;
    @Inject
    GalleryQueries queries;
    @Inject
    ImageStore images;
    @Inject
    StepPreviews previews;

    @Test
    void aLargeStepImageIsServedAsAJpegThatFits2048AndIsMadeOnlyOnce() throws Exception {
        UUID session = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        BufferedImage photo = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2000; y++) {
            for (int x = 0; x < 3000; x++) {
                photo.setRGB(x, y, (x * 255 / 3000) << 16 | (y * 255 / 2000) << 8 | ((x ^ y) & 0x3f));
            }
        }
        byte[] png = PngEncoder.encode(photo);
        String sha = Sha256.hex(png);
        ImageRef full = new ImageRef(ImageKeys.image("default", session, sha, "png"), sha, 3000, 2000, "image/png", png.length);
        images.put(full.key(), png, "image/png");
        ImageRef thumb = new ImageRef(ImageKeys.thumbnail("default", session, sha), sha, 320, 213, "image/png", 1);
        new KafkaProbe(kafka.bootstrapServers()).publish(Topics.SESSION_EVENTS, event(session, 1, new SessionStarted("preview")),
                event(session, 2, new SourceImageAdded(root, "photo.png", full, thumb)));
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.imageOf("default", session, root, false).isPresent());

        GalleryQueries.StoredImage stored = queries.imageOf("default", session, root, false).orElseThrow();
        GalleryQueries.StoredImage preview = previews.of("default", session, stored);

        assertThat(preview.key()).isEqualTo("default/" + session + "/previews/" + sha + ".jpg");
        assertThat(ImageKeys.belongsTo(preview.key(), "default", session)).isTrue();
        assertThat(preview.contentType()).isEqualTo("image/jpeg");
        assertThat(preview.sha256()).startsWith(sha);
        byte[] jpeg = images.get(preview.key());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(shown.getWidth()).isEqualTo(2048);
        assertThat(shown.getHeight()).isEqualTo(1365);
        // compact: under 3 bits a pixel, against 24 raw; not measured against this synthetic source's PNG, which the
        // striped encoder packs far smaller than it would a photo
        assertThat(jpeg.length).isLessThan(2048 * 1365 * 3 / 8);

        // kept: a second request reads what is stored; were it made again, this marker in its place would be overwritten
        byte[] marker = "made once".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        images.put(preview.key(), marker, "image/jpeg");
        assertThat(previews.of("default", session, stored)).isEqualTo(preview);
        assertThat(images.get(preview.key())).isEqualTo(marker);
    }

    private static EventEnvelope event(UUID session, long sequence, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), "default", session, sequence, Instant.now(), "user:test", event);
    }
}
