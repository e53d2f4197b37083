package io.atelier.imaging;

import static io.atelier.imaging.Pixels.assertRgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone and print JPEGs: EXIF orientation, embedded profiles, CMYK and YCCK, progressive and restart markers, grey. */
class JpegDecodingTest {
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int WHITE = 0xFFFFFF;
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    private enum Side { TOP, BOTTOM, LEFT, RIGHT }

    // The EXIF specification's definition of each orientation: which side of the upright picture the
    // stored image's first row is, and which side its first column is.
    private static final Map<Integer, Side[]> ROW0_COL0 = Map.of(
            1, new Side[] {Side.TOP, Side.LEFT}, 2, new Side[] {Side.TOP, Side.RIGHT},
            3, new Side[] {Side.BOTTOM, Side.RIGHT}, 4, new Side[] {Side.BOTTOM, Side.LEFT},
            5, new Side[] {Side.LEFT, Side.TOP}, 6, new Side[] {Side.RIGHT, Side.TOP},
            7, new Side[] {Side.RIGHT, Side.BOTTOM}, 8, new Side[] {Side.LEFT, Side.BOTTOM});

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyExifOrientationShowsThePictureUpright(int orientation) throws Exception {
        // Upright picture: 48 × 32, red top-left, green top-right, blue bottom-left, white bottom-right.
        Side row0 = ROW0_COL0.get(orientation)[0];
        Side col0 = ROW0_COL0.get(orientation)[1];
        boolean turned = row0 == Side.LEFT || row0 == Side.RIGHT;
        int storedW = turned ? 32 : 48;
        int storedH = turned ? 48 : 32;
        BufferedImage stored = new BufferedImage(storedW, storedH, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < storedH; y++) {
            for (int x = 0; x < storedW; x++) {
                Side rowSide = y < storedH / 2 ? row0 : opposite(row0);
                Side colSide = x < storedW / 2 ? col0 : opposite(col0);
                stored.setRGB(x, y, corner(rowSide, colSide));
            }
        }
        byte[] jpeg = TestImages.jpegWithOrientation(TestImages.jpeg(stored), orientation);

        BufferedImage upright = decoder.decode(jpeg).image();

        assertThat(upright.getWidth()).isEqualTo(48);
        assertThat(upright.getHeight()).isEqualTo(32);
        assertRgb(upright, 12, 8, rgb(RED), 12, "top-left");
        assertRgb(upright, 36, 8, rgb(GREEN), 12, "top-right");
        assertRgb(upright, 12, 24, rgb(BLUE), 12, "bottom-left");
        assertRgb(upright, 36, 24, rgb(WHITE), 12, "bottom-right");
    }

    @Test
    void aPhonePortraitStaysUpright() throws Exception {
        // The sensor stores 40 × 30 landscape; the phone was upright, so EXIF says "rotate 90° clockwise" (6).
        // The sky (top of the upright picture) is therefore the stored image's left half.
        BufferedImage stored = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                stored.setRGB(x, y, x < 20 ? 0x4A90E2 : 0x6B4226);
            }
        }
        byte[] phone = TestImages.withJpegSegment(TestImages.jpeg(stored), 0xE1,
                TestImages.exifPayload(TestImages.exifOrientation(6, ByteOrder.LITTLE_ENDIAN)));

        DecodedImage decoded = decoder.decode(phone);

        assertThat(decoded.width()).isEqualTo(30);
        assertThat(decoded.height()).isEqualTo(40);
        assertRgb(decoded.image(), 15, 5, rgb(0x4A90E2), 10, "sky at the top");
        assertRgb(decoded.image(), 15, 35, rgb(0x6B4226), 10, "ground at the bottom");
    }

    @ParameterizedTest(name = "orientation value {0}")
    @ValueSource(ints = {0, 9, 255, 65535})
    void anOutOfRangeOrientationLeavesThePixelsAsStored(int value) throws Exception {
        BufferedImage stored = halves(40, 20, RED, BLUE);
        DecodedImage decoded = decoder.decode(TestImages.jpegWithOrientation(TestImages.jpeg(stored), value));
        assertThat(decoded.width()).isEqualTo(40);
        assertRgb(decoded.image(), 5, 10, rgb(RED), 12, "left");
        assertRgb(decoded.image(), 35, 10, rgb(BLUE), 12, "right");
    }

    @Test
    void displayP3ColoursAreConvertedToSrgb() throws Exception {
        int[][] p3 = {{255, 0, 0}, {0, 255, 0}, {200, 150, 100}, {128, 128, 128}, {40, 90, 200}};
        BufferedImage patches = patches(p3);
        byte[] jpeg = TestImages.jpegWithIcc(TestImages.jpeg(patches), IccProfiles.displayP3());

        BufferedImage srgb = decoder.decode(jpeg).image();

        for (int i = 0; i < p3.length; i++) {
            int[] expected = Pixels.toSrgb(p3[i], IccProfiles.P3_PRIMARIES, Pixels::linear);
            assertRgb(srgb, 8 + 16 * i, 8, expected, 4, "P3 " + java.util.Arrays.toString(p3[i]));
        }
        // P3's pure red lies outside sRGB: it clips to sRGB's own red, not to the stored (255, 0, 0) by accident of ignoring the profile.
        assertRgb(srgb, 8, 8, new int[] {255, 0, 0}, 4, "P3 red clipped");
        assertThat(Pixels.rgb(srgb, 40, 8)).as("P3 (200,150,100) is more saturated than the same numbers in sRGB")
                .satisfies(c -> assertThat(c[0]).isGreaterThan(205));
    }

    @Test
    void adobeRgbFromARealProfileIsConvertedToSrgb() throws Exception {
        int[][] adobe = {{200, 150, 100}, {30, 160, 60}, {128, 128, 128}};
        byte[] jpeg = TestImages.jpegWithIcc(TestImages.jpeg(patches(adobe)), resource("/icc/compatibleWithAdobeRGB1998.icc"));

        BufferedImage srgb = decoder.decode(jpeg).image();

        for (int i = 0; i < adobe.length; i++) {
            int[] expected = Pixels.toSrgb(adobe[i], IccProfiles.ADOBE_RGB_PRIMARIES, v -> Math.pow(v / 255, 563 / 256.0));
            assertRgb(srgb, 8 + 16 * i, 8, expected, 4, "Adobe RGB " + java.util.Arrays.toString(adobe[i]));
        }
    }

    @Test
    void theTestProfileBuilderReproducesARealProfile() throws Exception {
        int[][] colours = {{200, 150, 100}, {30, 160, 60}, {250, 20, 200}, {10, 10, 10}};
        BufferedImage built = decoder.decode(TestImages.jpegWithIcc(TestImages.jpeg(patches(colours)), IccProfiles.adobeRgb())).image();
        BufferedImage real = decoder.decode(TestImages.jpegWithIcc(TestImages.jpeg(patches(colours)),
                resource("/icc/compatibleWithAdobeRGB1998.icc"))).image();
        for (int i = 0; i < colours.length; i++) {
            assertRgb(built, 8 + 16 * i, 8, Pixels.rgb(real, 8 + 16 * i, 8), 1, "patch " + i);
        }
    }

    @Test
    void anSrgbProfileChangesNothing() throws Exception {
        BufferedImage plain = decoder.decode(TestImages.jpeg(patches(new int[][] {{200, 150, 100}, {30, 160, 60}}))).image();
        BufferedImage tagged = decoder.decode(TestImages.jpegWithIcc(TestImages.jpeg(patches(new int[][] {{200, 150, 100}, {30, 160, 60}})),
                java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData())).image();
        assertRgb(tagged, 8, 8, Pixels.rgb(plain, 8, 8), 1, "sRGB-tagged");
        assertRgb(tagged, 24, 8, Pixels.rgb(plain, 24, 8), 1, "sRGB-tagged");
    }

    @ParameterizedTest(name = "YCCK {0}")
    @ValueSource(booleans = {false, true})
    void cmykAndYcckPrintFilesBecomeRgb(boolean ycck) throws Exception {
        // Quadrants: cyan, paper white, cyan with 50% black, 50% black. No profile: the library's
        // fallback conversion (R = (1 - C)(1 - K) ...), which is what these expectations follow.
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                cmyk.setPixel(x, y, new int[] {x < 16 ? 255 : 0, 0, 0, y < 16 ? 0 : 128});
            }
        }
        DecodedImage decoded = decoder.decode(TestImages.cmykJpeg(cmyk, ycck));

        assertThat(decoded.hasAlpha()).isFalse();
        assertRgb(decoded.image(), 8, 8, new int[] {0, 255, 255}, 6, "cyan");
        assertRgb(decoded.image(), 24, 8, new int[] {255, 255, 255}, 6, "paper");
        assertRgb(decoded.image(), 8, 24, new int[] {0, 127, 127}, 6, "cyan + half black");
        assertRgb(decoded.image(), 24, 24, new int[] {127, 127, 127}, 6, "half black");
    }

    @Test
    void progressiveAndRestartMarkerFilesDecodeLikeBaseline() throws Exception {
        BufferedImage picture = gradient(96, 64);
        BufferedImage baseline = decoder.decode(TestImages.jpeg(picture)).image();
        BufferedImage progressive = decoder.decode(TestImages.jpeg(picture, true)).image();
        BufferedImage restarts = decoder.decode(TestImages.jpegWithRestarts(picture, 2)).image();

        assertThat(Pixels.meanError(progressive, baseline)).isLessThan(1.0);
        assertThat(Pixels.meanError(restarts, picture)).isLessThan(3.0);
        assertThat(Pixels.meanError(baseline, picture)).isLessThan(3.0);
    }

    @Test
    void greyJpegsKeepTheirValues() throws Exception {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 16, 16, 0, filledSamples(256, 100));
        DecodedImage decoded = decoder.decode(TestImages.jpeg(grey));
        // The JDK's own getRGB on a grey image brightens 100 to about 170 (it treats grey as linear).
        assertRgb(decoded.image(), 8, 8, new int[] {100, 100, 100}, 2, "grey 100");
    }

    @Test
    void aJpegWithoutItsEndMarkerIsTakenAsCutShort() throws Exception {
        // libjpeg reports only its first warning, so a missing EOI cannot be told from a file cut mid-scan.
        byte[] jpeg = TestImages.jpeg(halves(32, 16, RED, BLUE));
        byte[] noEoi = TestImages.slice(jpeg, 0, jpeg.length - 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(noEoi))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.CORRUPT));
        byte[] trailingBytes = TestImages.concat(jpeg, "trailer written by a phone".getBytes());
        assertRgb(decoder.decode(trailingBytes).image(), 28, 8, rgb(BLUE), 12, "data after EOI is ignored");
    }

    static BufferedImage patches(int[][] colours) {
        BufferedImage image = new BufferedImage(16 * colours.length, 16, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < colours.length; i++) {
            int rgb = (colours[i][0] << 16) | (colours[i][1] << 8) | colours[i][2];
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    image.setRGB(16 * i + x, y, rgb);
                }
            }
        }
        return image;
    }

    static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | 90);
            }
        }
        return image;
    }

    static BufferedImage halves(int w, int h, int left, int right) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, x < w / 2 ? left : right);
            }
        }
        return image;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = JpegDecodingTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static int[] filledSamples(int n, int value) {
        int[] samples = new int[n];
        java.util.Arrays.fill(samples, value);
        return samples;
    }

    private static int[] rgb(int rgb) {
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    private static Side opposite(Side side) {
        return switch (side) {
            case TOP -> Side.BOTTOM;
            case BOTTOM -> Side.TOP;
            case LEFT -> Side.RIGHT;
            case RIGHT -> Side.LEFT;
        };
    }

    private static int corner(Side a, Side b) {
        boolean top = a == Side.TOP || b == Side.TOP;
        boolean left = a == Side.LEFT || b == Side.LEFT;
        return top ? (left ? RED : GREEN) : (left ? BLUE : WHITE);
    }
}
