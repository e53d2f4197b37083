package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A photo at the 50 MP cap in the studio: the upload and a step on it are shown by previews that fit 2048 px, each
 * made by the service that holds the pixels within its own memory (the gallery's heap is 384 MB: a whole 50 MP decode
 * there failed with OutOfMemoryError, and every request for the preview answered 500).
 */
@ExtendWith(RunningStack.class)
class BigPhotoPreviewTest {

    @Test
    void aFiftyMegapixelUploadAndItsStepAreShownByPreviews() throws Exception {
        byte[] jpeg = photo(8640, 5760);

        JsonPath created = given().multiPart("title", "at the cap").multiPart("image", "big.jpg", jpeg, "image/jpeg")
                .post(Api.gallery() + "/api/sessions").then().statusCode(201).extract().jsonPath();
        UUID session = UUID.fromString(created.getString("sessionId"));
        UUID root = UUID.fromString(created.getString("source.stepId"));
        UUID mirrored = Api.step(session, root, "mirror it");
        assertThat(Api.awaitFinished(session, mirrored)).isEqualTo("rendered");

        // the upload's preview is made by the gallery from the stored JPEG; the step's came with it from the worker
        BufferedImage original = preview(session, root);
        BufferedImage mirror = preview(session, mirrored);
        for (BufferedImage shown : new BufferedImage[] {original, mirror}) {
            assertThat(shown.getWidth()).isEqualTo(2048);
            assertThat(shown.getHeight()).isEqualTo(1365);
        }
        // the same picture, mirrored: the left edge of one is the right edge of the other
        for (int y = 100; y < 1365; y += 400) {
            assertThat(close(original.getRGB(20, y), mirror.getRGB(2047 - 20, y))).as("row %d", y).isTrue();
            assertThat(close(original.getRGB(20, y), original.getRGB(2047 - 20, y))).as("the photo itself is not symmetric").isFalse();
        }
    }

    private static BufferedImage preview(UUID session, UUID step) throws Exception {
        String url = Api.tree(session).getString("steps.find { it.stepId == '" + step + "' }.previewUrl");
        byte[] body = given().get(url.startsWith("/") ? Api.gallery() + url : url)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        return ImageIO.read(new ByteArrayInputStream(body));
    }

    // within JPEG's error, per channel
    private static boolean close(int a, int b) {
        for (int shift : new int[] {16, 8, 0}) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }

    // red rising left to right, green top to bottom: a smooth picture (a few MB as JPEG) whose two sides differ
    private static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x50;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        return out.toByteArray();
    }
}
