package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.zip.Adler32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The striped writer's PNGs decode, by the JDK's own reader, to exactly the pixels written, across many stripes. */
class StripedPngTest {
    @Test
    void aPictureOfManyStripesDecodesToTheSamePixels() throws Exception {
        // 700 × 1900 RGB is over 1 MiB of filtered rows: three stripes, joined into one zlib stream
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = noisy(700, 1900, type);
            assertThat(StripedPng.handles(image)).isTrue();
            byte[] png = StripedPng.encode(image, StripedPng.LEVEL);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(back.getColorModel().hasAlpha()).isEqualTo(type == BufferedImage.TYPE_INT_ARGB);
            assertThat(back.getRGB(0, 0, 700, 1900, null, 0, 700)).isEqualTo(image.getRGB(0, 0, 700, 1900, null, 0, 700));
            assertThat(PngEncoder.encode(image)).as("PngEncoder takes this path").isEqualTo(png);
        }
    }

    @Test
    void aPictureWrittenAsItIsDeflatedIsTheFileTheJoinedStripesMake() throws Exception {
        // 700 × 4000 is eight stripes: more than one batch in flight on any machine with fewer than four cores
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = noisy(700, 4000, type);
            boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
            PngEncoder.Rows rows = (y, into) -> {
                for (int x = 0, i = 0; x < 700; x++) {
                    int p = image.getRGB(x, y);
                    into[i++] = (byte) (p >>> 16);
                    into[i++] = (byte) (p >>> 8);
                    into[i++] = (byte) p;
                    if (alpha) {
                        into[i++] = (byte) (p >>> 24);
                    }
                }
            };
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            long count = PngEncoder.write(700, 4000, alpha, rows, written);
            byte[] joined = PngEncoder.deflate(700, 4000, alpha, rows).join();
            assertThat(written.toByteArray()).isEqualTo(joined).isEqualTo(StripedPng.encode(image, StripedPng.LEVEL));
            assertThat(count).isEqualTo(joined.length);
        }
    }

    @Test
    void aSubImageOrAnotherLayoutIsLeftToTheJdkWriter() throws Exception {
        BufferedImage whole = noisy(64, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage part = whole.getSubimage(3, 5, 20, 30);
        assertThat(StripedPng.handles(part)).isFalse();
        assertThat(StripedPng.handles(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR))).isFalse();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(part)));
        assertThat(back.getRGB(0, 0, 20, 30, null, 0, 20)).isEqualTo(part.getRGB(0, 0, 20, 30, null, 0, 20));
    }

    @Test
    void checksumsOfTwoRunsCombineIntoTheChecksumOfBoth() {
        byte[] bytes = new byte[200_000];
        new SplittableRandom(7).nextBytes(bytes);
        for (int cut : new int[] {0, 1, 65_521, 65_522, 131_043, 199_999}) {
            Adler32 first = new Adler32();
            first.update(bytes, 0, cut);
            Adler32 second = new Adler32();
            second.update(bytes, cut, bytes.length - cut);
            Adler32 whole = new Adler32();
            whole.update(bytes);
            assertThat(StripedPng.combine(first.getValue(), second.getValue(), bytes.length - cut)).as("cut at %d", cut).isEqualTo(whole.getValue());
        }
    }

    private static BufferedImage noisy(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        SplittableRandom random = new SplittableRandom(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int smooth = (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) & 0xFF);
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? random.nextInt(256) : 0xFF;
                image.setRGB(x, y, alpha << 24 | (smooth ^ random.nextInt(8)));
            }
        }
        return image;
    }
}
