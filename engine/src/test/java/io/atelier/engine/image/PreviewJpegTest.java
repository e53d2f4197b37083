package io.atelier.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.imaging.ImageFormat;
import io.atelier.imaging.Previews;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The native preview encoder gives the picture the JDK's would, as a JPEG of the same size, the same every time. */
class PreviewJpegTest {

    @Test
    void anOpaquePictureIsEncodedAtItsSizeAndTrueToIt() throws IOException {
        BufferedImage picture = gradient(2048, 1365, BufferedImage.TYPE_INT_RGB, 0xff);

        byte[] jpeg = PreviewJpeg.encode(picture);

        assertThat(ImageFormat.sniff(jpeg)).contains(ImageFormat.JPEG);
        assertThat(PreviewJpeg.encode(picture)).isEqualTo(jpeg); // content-addressed by its image: it must not vary
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage jdk = ImageIO.read(new ByteArrayInputStream(Previews.jpeg(picture)));
        assertThat(back.getWidth()).isEqualTo(2048);
        assertThat(back.getHeight()).isEqualTo(1365);
        // channels in their places (not swapped to BGR) and within JPEG's error of the picture and of the JDK's preview
        assertThat(meanDifference(back, picture)).isLessThan(2.0);
        assertThat(meanDifference(back, jdk)).isLessThan(2.0);
    }

    @Test
    void transparencyIsFlattenedOntoWhiteAsTheJdkPreviewFlattensIt() throws IOException {
        BufferedImage halfRed = gradient(600, 400, BufferedImage.TYPE_INT_ARGB, 0x80);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PreviewJpeg.encode(halfRed)));
        BufferedImage jdk = ImageIO.read(new ByteArrayInputStream(Previews.jpeg(halfRed)));

        assertThat(meanDifference(back, jdk)).isLessThan(2.0);
        // half-covered over white is light: no channel below ~half way
        int centre = back.getRGB(300, 200);
        for (int shift : new int[] {16, 8, 0}) {
            assertThat((centre >> shift) & 0xff).isGreaterThan(110);
        }
    }

    @Test
    void aPictureLargerThanAPreviewIsFittedByTheJdkPath() throws IOException {
        BufferedImage big = gradient(3000, 1000, BufferedImage.TYPE_INT_RGB, 0xff);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PreviewJpeg.encode(big)));

        assertThat(back.getWidth()).isEqualTo(2048);
        assertThat(back.getHeight()).isEqualTo(683);
    }

    // red across, green down, blue fixed; alpha as given
    private static BufferedImage gradient(int w, int h, int type, int alpha) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, alpha << 24 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x40);
            }
        }
        return image;
    }

    // mean absolute difference per channel over every 3rd pixel; alpha in `b`, if any, is ignored (compared as drawn)
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift : new int[] {16, 8, 0}) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    n++;
                }
            }
        }
        return sum / (double) n;
    }
}
