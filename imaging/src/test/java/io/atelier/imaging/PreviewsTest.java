package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Previews fit 2048 px, are JPEG, are much smaller than the PNG they stand for, and are the same bytes every time. */
class PreviewsTest {

    @Test
    void aLargePictureIsFittedInto2048PxAsACompactJpeg() throws IOException {
        BufferedImage photo = gradient(4000, 3000);

        byte[] preview = Previews.jpeg(photo);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(preview));
        assertThat(back.getWidth()).isEqualTo(2048);
        assertThat(back.getHeight()).isEqualTo(1536);
        assertThat(ImageFormat.sniff(preview)).contains(ImageFormat.JPEG);
        // under 3 bits a pixel (the striped PNG writer packs this smooth synthetic gradient too well to compare against)
        assertThat(preview.length).isLessThan(2048 * 1536 * 3 / 8);
        assertThat(Previews.jpeg(photo)).isEqualTo(preview); // content-addressed by its source: it must not vary
        // a colour survives the trip: the centre pixel stays close to the original's
        int want = photo.getRGB(2000, 1500);
        int got = back.getRGB(1024, 768);
        for (int shift : new int[] {16, 8, 0}) {
            assertThat(Math.abs(((want >> shift) & 0xff) - ((got >> shift) & 0xff))).isLessThan(12);
        }
    }

    @Test
    void aSmallPictureKeepsItsSizeAndTransparencyGoesWhite() throws IOException {
        BufferedImage clear = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB); // fully transparent

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Previews.jpeg(clear)));

        assertThat(back.getWidth()).isEqualTo(600);
        assertThat(back.getHeight()).isEqualTo(400);
        assertThat(back.getRGB(300, 200) & 0xffffff).isGreaterThan(0xf0f0f0);
    }

    @Test
    void aPictureThatFitsIsEncodedAsItIsWithTheBytesTheFlatteningPathGives() {
        BufferedImage rgb = gradient(2048, 1000);
        BufferedImage opaque = new BufferedImage(2048, 1000, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 2048; x++) {
                opaque.setRGB(x, y, 0xff000000 | rgb.getRGB(x, y));
            }
        }

        // the shortcut (no fit, no flattening copy) must not change what a worker's preview of the same picture is
        assertThat(Previews.jpeg(rgb)).isEqualTo(Previews.jpeg(opaque));
    }

    private static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x60);
            }
        }
        return image;
    }
}
