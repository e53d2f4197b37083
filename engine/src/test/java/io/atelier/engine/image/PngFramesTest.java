package io.atelier.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Photos;
import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.PlainPng;
import io.atelier.imaging.PngEncoder;
import io.atelier.imaging.Thumbnails;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The frame paths that skip the 8-bit copy of a picture: a plain PNG read row by row gives the frame the full decoder's
 * path gives, and a frame deflated row by row gives the bytes the 8-bit path wrote, so a recorded step re-renders to
 * the same file. The thumbnail made from the frame has the size Thumbnails.fit gives and the frame's colours.
 */
class PngFramesTest {
    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void rowsReadIntoTheFrameGiveTheFullDecodersFrame() throws Exception {
        for (BufferedImage picture : new BufferedImage[] {Photos.COFFEE, translucent(257, 131)}) {
            byte[] png = PngEncoder.encode(LinearImage.from(picture).toBufferedImage());
            PlainPng plain = DECODER.plainPng(png).orElseThrow();
            LinearImage rows = PngFrames.decode(png, plain);
            LinearImage full = LinearImage.from(DECODER.decode(png).image());
            assertThat(rows.hasAlpha()).isEqualTo(full.hasAlpha()).isEqualTo(picture.getColorModel().hasAlpha());
            for (int c = 0; c < 3; c++) {
                assertThat(rows.channel(c)).as("channel " + c).isEqualTo(full.channel(c));
            }
            assertThat(rows.alpha).isEqualTo(full.alpha);
        }
    }

    @Test
    void aFrameDeflatedRowByRowIsTheFileThe8BitPathWrites() {
        for (BufferedImage picture : new BufferedImage[] {Photos.COFFEE, translucent(700, 1900)}) {
            // edited in linear light, so the values fall between 8-bit steps and the rounding is exercised
            LinearImage frame = LinearImage.from(picture).mapPixels(px -> {
                px[0] *= 1.13f;
                px[2] *= 0.87f;
            });
            byte[] rows = PngEncoder.deflate(frame.width(), frame.height(), frame.hasAlpha(), frame::writeSrgb8Row).join();
            assertThat(rows).isEqualTo(PngEncoder.encode(frame.toBufferedImage()));
        }
    }

    @Test
    void theThumbnailHasTheUsualSizeAndTheFramesColours() {
        LinearImage frame = LinearImage.from(Photos.COFFEE);
        BufferedImage fromFrame = frame.thumbnail(Thumbnails.DEFAULT_SIZE);
        BufferedImage usual = Thumbnails.fit(frame.toBufferedImage(), Thumbnails.DEFAULT_SIZE);
        assertThat(fromFrame.getWidth()).isEqualTo(usual.getWidth());
        assertThat(fromFrame.getHeight()).isEqualTo(usual.getHeight());
        // both are averages of the same pixels, one in linear light and one in sRGB values: close, not equal
        double difference = 0;
        for (int y = 0; y < usual.getHeight(); y++) {
            for (int x = 0; x < usual.getWidth(); x++) {
                int a = fromFrame.getRGB(x, y);
                int b = usual.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    difference += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                }
            }
        }
        double mean = difference / (3.0 * usual.getWidth() * usual.getHeight());
        assertThat(mean).as("mean difference in 8-bit levels").isLessThan(4.0);

        LinearImage small = LinearImage.from(translucent(200, 100));
        BufferedImage same = small.thumbnail(Thumbnails.DEFAULT_SIZE);
        assertThat(same.getRGB(0, 0, 200, 100, null, 0, 200)).as("a frame already small is its own thumbnail")
                .isEqualTo(small.toBufferedImage().getRGB(0, 0, 200, 100, null, 0, 200));
        BufferedImage halfClear = LinearImage.from(translucent(1280, 640)).thumbnail(Thumbnails.DEFAULT_SIZE);
        assertThat(halfClear.getColorModel().hasAlpha()).isTrue();
        assertThat(halfClear.getRGB(100, 50) >>> 24).as("alpha is averaged too").isBetween(100, 160);
    }

    // Noise with alpha from 0 to 255 at random: its average is about half.
    private static BufferedImage translucent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        SplittableRandom random = new SplittableRandom(width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }
}
