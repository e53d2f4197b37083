package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

/** Pixel-level assertions for decoder tests. */
final class Pixels {
    private Pixels() {
    }

    static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
    }

    static void assertRgb(BufferedImage image, int x, int y, int[] expected, int tolerance, String what) {
        int[] actual = rgb(image, x, y);
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).as("%s at (%d, %d): channel %d of %s, expected %s", what, x, y, c,
                    java.util.Arrays.toString(actual), java.util.Arrays.toString(expected)).isCloseTo(expected[c], org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    /** Mean absolute difference over R, G and B of two same-sized images. */
    static double meanError(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int[] p = rgb(a, x, y);
                int[] q = rgb(b, x, y);
                sum += Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** sRGB-encoded 0–255 to linear 0–1. */
    static double linear(double encoded) {
        double v = encoded / 255;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Linear 0–1 (clipped to the gamut) to sRGB-encoded 0–255. */
    static int encoded(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return (int) Math.round(255 * (v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055));
    }

    /**
     * The sRGB value of a colour given in another RGB space, computed independently of the decoder:
     * decode its tone curve, go through XYZ (both spaces have a D65 white), clip to sRGB's gamut.
     */
    static int[] toSrgb(int[] colour, double[] primaries, java.util.function.DoubleUnaryOperator toLinear) {
        double[] lin = {toLinear.applyAsDouble(colour[0]), toLinear.applyAsDouble(colour[1]), toLinear.applyAsDouble(colour[2])};
        double[] xyz = IccProfiles.apply(IccProfiles.rgbToXyz(primaries, IccProfiles.D65), lin);
        double[] srgb = IccProfiles.apply(IccProfiles.invert(IccProfiles.rgbToXyz(IccProfiles.SRGB_PRIMARIES, IccProfiles.D65)), xyz);
        return new int[] {encoded(srgb[0]), encoded(srgb[1]), encoded(srgb[2])};
    }
}
