package io.atelier.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.imaging.DecodedImage;
import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WebP from the web, end to end: opened with its session in one command through the gallery, kept as
 * the WebP it was, refined by a worker, and the render downloaded as a PNG whose pixels follow the photo.
 */
@ExtendWith(RunningStack.class)
class WebpUploadTest {

    @Test
    void aLossyWebpIsOpenedRefinedAndRenderedCorrectly() throws Exception {
        byte[] webp = resource("/webp/coffee-lossy.webp"); // cwebp output of the project's coffee photo (imaging test resources)
        DecodedImage source = new ImageDecoder(new ImageLimits(16384, 50_000_000L)).decode(webp);

        JsonPath created = given().multiPart("title", "webp from the web").multiPart("image", "coffee.webp", webp, "image/webp")
                .post(Api.gallery() + "/api/sessions").then().statusCode(201).extract().jsonPath();
        UUID session = UUID.fromString(created.getString("sessionId"));
        UUID root = UUID.fromString(created.getString("source.stepId"));
        assertThat(created.getString("source.contentType")).isEqualTo("image/webp");
        assertThat(created.getInt("source.width")).isEqualTo(source.width());
        assertThat(created.getInt("source.height")).isEqualTo(source.height());

        UUID mono = Api.step(session, root, "black and white");
        assertThat(Api.awaitFinished(session, mono)).isEqualTo("rendered");

        JsonPath tree = Api.tree(session);
        byte[] original = given().get(Api.gallery() + tree.getString("steps.find { it.stepId == '" + root + "' }.image.url"))
                .then().statusCode(200).contentType("image/webp").extract().asByteArray();
        assertThat(original).isEqualTo(webp);
        byte[] png = given().get(Api.gallery() + tree.getString("steps.find { it.stepId == '" + mono + "' }.image.url"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage render = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(render.getWidth()).isEqualTo(source.width());
        assertThat(render.getHeight()).isEqualTo(source.height());

        // every pixel grey, and as light as the photo was at that place (Rec. 709 luma, lossy-codec tolerance)
        int worst = 0;
        for (int y = 0; y < render.getHeight(); y += 7) {
            for (int x = 0; x < render.getWidth(); x += 7) {
                int out = render.getRGB(x, y);
                int r = (out >> 16) & 0xff, g = (out >> 8) & 0xff, b = out & 0xff;
                assertThat(Math.max(Math.abs(r - g), Math.abs(g - b))).as("grey at %d,%d", x, y).isLessThanOrEqualTo(1);
                int in = source.image().getRGB(x, y);
                double luma = 0.2126 * ((in >> 16) & 0xff) + 0.7152 * ((in >> 8) & 0xff) + 0.0722 * (in & 0xff);
                worst = Math.max(worst, (int) Math.round(Math.abs(g - luma)));
            }
        }
        assertThat(worst).as("largest difference from the photo's luma").isLessThanOrEqualTo(40);
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = WebpUploadTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
