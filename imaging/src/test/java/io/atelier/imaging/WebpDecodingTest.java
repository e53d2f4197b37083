package io.atelier.imaging;

import static io.atelier.imaging.Pixels.assertRgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** WebP from the web: lossy, lossless, with alpha, with a profile or EXIF; animations refused. */
class WebpDecodingTest {
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void aLossyPhotoDecodesToThePictureItWasMadeFrom() throws Exception {
        DecodedImage decoded = decoder.decode(JpegDecodingTest.resource("/webp/coffee-lossy.webp"));

        assertThat(decoded.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(decoded.hasAlpha()).isFalse();
        assertThat(decoded.width()).isEqualTo(150);
        assertThat(decoded.height()).isEqualTo(100);
        // cwebp made it from the project's coffee photo scaled by 1/4; compare with 4 × 4 box averages.
        BufferedImage original = ImageIO.read(Path.of("../docs/sample-photos/coffee.png").toFile());
        assertThat(Pixels.meanError(decoded.image(), quarter(original))).isLessThan(6.0);
    }

    @Test
    void aLosslessWebpWithAlphaIsExactlyItsSource() throws Exception {
        DecodedImage webp = decoder.decode(JpegDecodingTest.resource("/webp/gradient-lossless-alpha.webp"));
        DecodedImage png = decoder.decode(JpegDecodingTest.resource("/webp/gradient-alpha.png"));

        assertThat(webp.hasAlpha()).isTrue();
        assertThat(argb(webp.image())).isEqualTo(argb(png.image()));
    }

    @Test
    void aLossyWebpKeepsItsAlphaPlane() throws Exception {
        DecodedImage webp = decoder.decode(JpegDecodingTest.resource("/webp/gradient-lossy-alpha.webp"));
        DecodedImage png = decoder.decode(JpegDecodingTest.resource("/webp/gradient-alpha.png"));

        assertThat(webp.hasAlpha()).isTrue();
        for (int x : new int[] {5, 24, 50}) {
            assertThat(webp.image().getRGB(x, 20) >>> 24).as("alpha at x=%d", x).isEqualTo(png.image().getRGB(x, 20) >>> 24);
        }
        assertRgb(webp.image(), 50, 20, Pixels.rgb(png.image(), 50, 20), 8, "opaque colour");
    }

    @Test
    void anExtendedWebpWithAnExifOrientationIsTurned() throws Exception {
        byte[] simple = JpegDecodingTest.resource("/webp/gradient-lossless-alpha.webp");
        byte[] turned = TestImages.webpExtended(simple, 0x18, 64, 48,
                TestImages.webpChunk("EXIF", TestImages.exifOrientation(8, ByteOrder.BIG_ENDIAN)));
        BufferedImage plain = decoder.decode(simple).image();

        BufferedImage upright = decoder.decode(turned).image();

        // Orientation 8: the stored first row is the upright picture's left column, read bottom to top.
        assertThat(upright.getWidth()).isEqualTo(48);
        assertThat(upright.getHeight()).isEqualTo(64);
        assertThat(upright.getRGB(0, 63)).isEqualTo(plain.getRGB(0, 0));
        assertThat(upright.getRGB(47, 0)).isEqualTo(plain.getRGB(63, 47));
    }

    @Test
    void anIccpChunkIsConvertedToSrgb() throws Exception {
        byte[] simple = JpegDecodingTest.resource("/webp/gradient-lossless-alpha.webp");
        byte[] p3 = TestImages.webpExtended(simple, 0x30, 64, 48, TestImages.webpChunk("ICCP", IccProfiles.displayP3()));
        BufferedImage plain = decoder.decode(simple).image();
        BufferedImage converted = decoder.decode(p3).image();

        int[] stored = Pixels.rgb(plain, 60, 40);
        assertRgb(converted, 60, 40, Pixels.toSrgb(stored, IccProfiles.P3_PRIMARIES, Pixels::linear), 3, "P3 gradient pixel");
        assertThat(converted.getRGB(60, 40) >>> 24).isEqualTo(255);
    }

    @Test
    void anAnimatedWebpIsRefusedWithAHint() {
        assertThatThrownBy(() -> decoder.decode(JpegDecodingTest.resource("/webp/anim.webp")))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.UNSUPPORTED_FORMAT);
                    assertThat(e.getMessage()).contains("animated WebP");
                    assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("PNG or JPEG"));
                });
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage quarter(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth() / 4, source.getHeight() / 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        int[] c = Pixels.rgb(source, 4 * x + dx, 4 * y + dy);
                        for (int k = 0; k < 3; k++) {
                            sum[k] += c[k];
                        }
                    }
                }
                out.setRGB(x, y, ((sum[0] / 16) << 16) | ((sum[1] / 16) << 8) | (sum[2] / 16));
            }
        }
        return out;
    }
}
