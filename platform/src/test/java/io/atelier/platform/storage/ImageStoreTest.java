package io.atelier.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.platform.PlatformStack;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The image bucket against the local stack's real S3 server (SigV4 enforced). */
@ExtendWith(PlatformStack.class)
class ImageStoreTest {
    private ImageStore store;

    @BeforeEach
    void open() {
        store = new ImageStore(PlatformStack.setting("atelier.s3.endpoint"), "us-east-1", PlatformStack.setting("atelier.s3.access-key"),
                PlatformStack.setting("atelier.s3.secret-key"), "platform-test");
        store.ensureBucket();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anUnreachableServerIsAnInfrastructureFailureAndAMissingKeyIsNot() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ImageStore unreachable = new ImageStore("http://127.0.0.1:" + closedPort, "us-east-1", "a", "b", "platform-test")) {
            // connection refused on a write: retryable, and not something a caller may record as the request's fault
            assertThatThrownBy(() -> unreachable.put("ws/x.png", new byte[] {1}, "image/png"))
                    .isInstanceOf(ImageStore.StorageUnavailableException.class);
            assertThatThrownBy(() -> unreachable.get("ws/x.png")).isInstanceOf(ImageStore.StorageUnavailableException.class);
        }
        assertThatThrownBy(() -> store.get("ws/" + UUID.randomUUID() + ".png")).isInstanceOf(ImageStore.ObjectMissingException.class);
    }

    @Test
    void storesAnImageAndItsThumbnailUnderTheirContentHashes() throws IOException {
        UUID session = UUID.randomUUID();
        byte[] image = png(64, 48, Color.ORANGE);
        byte[] thumb = png(16, 12, Color.ORANGE);

        ImageStore.ImageWithThumbnail stored = store.storeWithThumbnail("ws-1", session, ImageBytes.png(image, 64, 48),
                ImageBytes.png(thumb, 16, 12));

        assertThat(stored.image().key()).isEqualTo("ws-1/" + session + "/" + Sha256.hex(image) + ".png");
        assertThat(stored.image().sha256()).isEqualTo(Sha256.hex(image));
        assertThat(stored.image()).extracting("width", "height", "contentType", "bytes").containsExactly(64, 48, "image/png", (long) image.length);
        assertThat(stored.thumbnail().key()).isEqualTo("ws-1/" + session + "/thumbs/" + Sha256.hex(thumb) + ".png");
        assertThat(stored.thumbnail()).extracting("width", "height", "contentType").containsExactly(16, 12, "image/png");
        assertThat(store.get(stored.image().key())).isEqualTo(image);
        assertThat(store.get(stored.thumbnail().key())).isEqualTo(thumb);
        try (ImageStore.StoredObject object = store.open(stored.image().key()).orElseThrow()) {
            assertThat(object.contentType()).isEqualTo("image/png");
            assertThat(object.size()).isEqualTo(image.length);
        }
    }

    @Test
    void anImageInAFileIsStoredAsTheSameBytesWouldBe() throws IOException {
        // 12 MB of noise: more than one of the client's 5 MiB parts, as a big render's PNG is
        byte[] image = new byte[12 << 20];
        new java.util.SplittableRandom(3).nextBytes(image);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("image-store-test-", ".png");
        try {
            java.nio.file.Files.write(file, image);
            UUID session = UUID.randomUUID();
            byte[] thumb = png(16, 12, Color.GREEN);
            byte[] preview = "a preview's bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ImageStore.ImageWithThumbnail fromFile = store.storeWithThumbnail("ws-1", session, ImageFile.png(file, 4000, 3000),
                    ImageBytes.png(thumb, 16, 12), java.util.Optional.of(preview));

            assertThat(fromFile.image()).extracting("key", "sha256", "width", "height", "contentType", "bytes").containsExactly(
                    "ws-1/" + session + "/" + Sha256.hex(image) + ".png", Sha256.hex(image), 4000, 3000, "image/png", (long) image.length);
            assertThat(store.get(fromFile.image().key())).isEqualTo(image);
            assertThat(store.get(fromFile.thumbnail().key())).isEqualTo(thumb);
            // the preview beside them, under the image's hash, where the gallery looks for it
            assertThat(store.get(ImageKeys.preview("ws-1", session, Sha256.hex(image)))).isEqualTo(preview);
            assertThat(Sha256.hex(file)).isEqualTo(Sha256.hex(image));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void storingTheSameBytesAgainNamesTheSameObjects() throws IOException {
        UUID session = UUID.randomUUID();
        ImageBytes image = new ImageBytes(png(20, 20, Color.BLUE), "image/jpeg", 20, 20);
        ImageBytes thumb = ImageBytes.png(png(10, 10, Color.BLUE), 10, 10);

        ImageStore.ImageWithThumbnail first = store.storeWithThumbnail("ws-1", session, image, thumb);
        ImageStore.ImageWithThumbnail second = store.storeWithThumbnail("ws-1", session, image, thumb);

        assertThat(second).isEqualTo(first);
        assertThat(first.image().key()).endsWith(".jpg");
    }

    @Test
    void aMissingKeyIsEmptyNotAnError() {
        String key = "ws-1/" + UUID.randomUUID() + "/missing.png";
        assertThat(store.open(key)).isEmpty();
        assertThat(store.exists(key)).isFalse();
        store.put(key, new byte[] {1, 2, 3}, "application/octet-stream");
        assertThat(store.exists(key)).isTrue();
    }

    @Test
    void aWrongSecretIsRefusedByTheServer() {
        try (ImageStore wrong = new ImageStore(PlatformStack.setting("atelier.s3.endpoint"), "us-east-1",
                PlatformStack.setting("atelier.s3.access-key"), "not-the-secret", "platform-test")) {
            assertThatThrownBy(() -> wrong.put("ws-1/x.bin", new byte[] {1}, "application/octet-stream"))
                    .isInstanceOf(ImageStore.StorageException.class);
        }
    }

    @Test
    void thumbnailsMustBePng() throws IOException {
        ImageBytes jpeg = new ImageBytes(png(4, 4, Color.RED), "image/jpeg", 4, 4);
        assertThatThrownBy(() -> store.storeWithThumbnail("ws-1", UUID.randomUUID(), jpeg, jpeg)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageBytes(new byte[0], "image/gif", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] png(int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
