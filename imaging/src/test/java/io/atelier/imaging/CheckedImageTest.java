package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Checking an upload at reduced size: the full decode's refusals, the full picture's upright size, a small picture of it. */
class CheckedImageTest {
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void aBigPhotoIsCheckedIntoASmallPictureOfTheSameScene() throws Exception {
        BufferedImage photo = scene(3200, 2000);
        for (byte[] file : new byte[][] {TestImages.jpeg(photo), TestImages.png(photo)}) {
            CheckedImage checked = decoder.check(file, Thumbnails.DEFAULT_SIZE);
            assertThat(checked.width()).isEqualTo(3200);
            assertThat(checked.height()).isEqualTo(2000);
            // one sample in 5 along each axis: 640 × 400, between the thumbnail's side and four times it
            assertThat(checked.reduced().getWidth()).isEqualTo(640);
            assertThat(checked.reduced().getHeight()).isEqualTo(400);
            BufferedImage full = Thumbnails.fit(decoder.decode(file).image(), Thumbnails.DEFAULT_SIZE);
            BufferedImage small = Thumbnails.fit(checked.reduced(), Thumbnails.DEFAULT_SIZE);
            assertThat(small.getWidth()).isEqualTo(full.getWidth());
            assertThat(small.getHeight()).isEqualTo(full.getHeight());
            assertThat(Pixels.meanError(small, full)).as("the same scene").isLessThan(6);
        }
    }

    @Test
    void theUprightSizeIsReportedForATurnedPhoto() throws Exception {
        byte[] turned = TestImages.jpegWithOrientation(TestImages.jpeg(scene(1600, 1000)), 6);
        CheckedImage checked = decoder.check(turned, Thumbnails.DEFAULT_SIZE);
        assertThat(checked.width()).isEqualTo(1000);
        assertThat(checked.height()).isEqualTo(1600);
        assertThat(checked.reduced().getHeight()).isGreaterThan(checked.reduced().getWidth());
    }

    @Test
    void damageAnywhereInTheFileIsStillFound() {
        byte[] jpeg = TestImages.jpeg(scene(1600, 1000));
        // cut in the last rows of the scan: a reduced read that skipped decoding them would not notice
        byte[] cut = TestImages.slice(jpeg, 0, jpeg.length - 200);
        assertThatThrownBy(() -> decoder.check(cut, Thumbnails.DEFAULT_SIZE)).isInstanceOf(RejectedImageException.class)
                .extracting(e -> ((RejectedImageException) e).kind()).isEqualTo(RejectedImageException.Kind.CORRUPT);
        assertThatThrownBy(() -> decoder.check(TestImages.pngHeaderClaiming(100_000, 100_000), Thumbnails.DEFAULT_SIZE))
                .isInstanceOf(RejectedImageException.class)
                .extracting(e -> ((RejectedImageException) e).kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE);
    }

    // Smooth bands with detail, so a reduced picture and a reduced full decode can be compared.
    private static BufferedImage scene(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = x * 255 / w;
                int g = y * 255 / h;
                int b = ((x / 40 + y / 40) & 1) == 0 ? 60 : 190;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }
}
