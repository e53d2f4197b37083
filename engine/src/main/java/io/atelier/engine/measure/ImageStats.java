package io.atelier.engine.measure;

import java.awt.image.BufferedImage;

/**
 * Non-learned measurements of an 8-bit image, optionally over a pixel selection: mean CIELAB colour,
 * mean luminance and edge energy. Used to check that an edit did what it said, and to measure drift.
 */
public final class ImageStats {
    private ImageStats() {
    }

    /** Which pixels to measure. */
    @FunctionalInterface
    public interface Selection {
        boolean includes(int x, int y);

        Selection ALL = (x, y) -> true;
    }

    /** Mean L*, a*, b* over the selection. */
    public static double[] meanLab(BufferedImage image, Selection selection) {
        double[] sum = new double[3];
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (selection.includes(x, y)) {
                    double[] lab = Cielab.fromRgb(image.getRGB(x, y));
                    sum[0] += lab[0];
                    sum[1] += lab[1];
                    sum[2] += lab[2];
                    n++;
                }
            }
        }
        return n == 0 ? sum : new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** Mean CIELAB chroma (√(a*² + b*²)) over the selection: how colourful, whatever the hue. */
    public static double meanChroma(BufferedImage image, Selection selection) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (selection.includes(x, y)) {
                    double[] lab = Cielab.fromRgb(image.getRGB(x, y));
                    sum += Math.hypot(lab[1], lab[2]);
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Standard deviation of L* over the selection: a global measure of contrast. */
    public static double lightnessSpread(BufferedImage image, Selection selection) {
        double mean = meanLab(image, selection)[0];
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (selection.includes(x, y)) {
                    double d = Cielab.fromRgb(image.getRGB(x, y))[0] - mean;
                    sum += d * d;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /**
     * Mean squared Laplacian of L* over the selection (pixels one away from the border excluded):
     * high where there is fine detail and sharp edges, low where the image is soft.
     */
    public static double edgeEnergy(BufferedImage image, Selection selection) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] l = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                l[y * w + x] = Cielab.fromRgb(image.getRGB(x, y))[0];
            }
        }
        double sum = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                if (selection.includes(x, y)) {
                    int i = y * w + x;
                    double lap = 4 * l[i] - l[i - 1] - l[i + 1] - l[i - w] - l[i + w];
                    sum += lap * lap;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Largest ΔE76 between two same-sized images over the selection. */
    public static double maxDeltaE(BufferedImage a, BufferedImage b, Selection selection) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("images differ in size");
        }
        double max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (selection.includes(x, y)) {
                    int pa = a.getRGB(x, y);
                    int pb = b.getRGB(x, y);
                    if ((pa & 0xFFFFFF) != (pb & 0xFFFFFF)) {
                        max = Math.max(max, Cielab.deltaE76(Cielab.fromRgb(pa), Cielab.fromRgb(pb)));
                    }
                }
            }
        }
        return max;
    }
}
