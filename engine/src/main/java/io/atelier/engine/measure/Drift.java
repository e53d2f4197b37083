package io.atelier.engine.measure;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.Srgb;
import io.atelier.engine.kernels.Kernels;
import io.atelier.imaging.Thumbnails;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Measures refinement drift: how far an image has moved from a reference, on copies reduced to the
 * thumbnail size (drift is about the whole picture, not single pixels; a stored thumbnail can be
 * measured as it is, and a measure costs milliseconds whatever the photo's size). A candidate of another shape (after a
 * crop or reframe) is resampled onto the reference's grid, so a change of framing counts as drift too.
 */
public final class Drift {
    /** Long side of the copies that are compared, in pixels. */
    public static final int ANALYSIS_SIDE = Thumbnails.DEFAULT_SIZE;
    private static final int DOMINANT_COLOURS = 5;
    private static final int BINS = 12; // per a* and b* axis, over ±60
    private static final double AB_RANGE = 60;
    private static final double ASPECT_TOLERANCE = 0.01;
    // A new frame is taken as a window of the reference when it correlates this well (luminance, normalised).
    private static final double MATCH = 0.8;
    private static final int MIN_WINDOW = 8;
    private static final double SSIM_PRE_BLUR = 1.0;

    private Drift() {
    }

    /** Every drift figure of {@code candidate} against {@code reference}, both given at full size. */
    public static DriftMeasures between(BufferedImage reference, BufferedImage candidate) {
        return between(reference, reference.getWidth(), reference.getHeight(), candidate, candidate.getWidth(), candidate.getHeight());
    }

    /**
     * Drift between two images that may be reductions (a stored thumbnail, say) of photos whose full sizes
     * are given: both are brought to one scale, so a crop is found as a window of the reference and
     * compared with that window; a new frame that cannot be found there is compared by its look only.
     */
    public static DriftMeasures between(BufferedImage reference, int referenceWidth, int referenceHeight,
                                        BufferedImage candidate, int candidateWidth, int candidateHeight) {
        return between(reference, referenceWidth, referenceHeight, new DriftCandidate(candidate, candidateWidth, candidateHeight));
    }

    /**
     * As {@link #between(BufferedImage, int, int, BufferedImage, int, int)}, for a candidate that may be measured against
     * more than one reference: what the measure works out of the candidate alone is kept in it for the next one.
     */
    public static DriftMeasures between(BufferedImage reference, int referenceWidth, int referenceHeight, DriftCandidate candidate) {
        double scale = Math.min(1.0, ANALYSIS_SIDE / (double) Math.max(referenceWidth, referenceHeight));
        int rw = scaled(referenceWidth, scale);
        int rh = scaled(referenceHeight, scale);
        int cw = scaled(candidate.width(), scale);
        int ch = scaled(candidate.height(), scale);
        float[][] ref = planes(reference, rw, rh);
        boolean reframed = Math.abs(((double) candidate.width() / candidate.height()) / ((double) referenceWidth / referenceHeight) - 1)
                > ASPECT_TOLERANCE;
        if (!reframed) {
            return measure(Seen.of(ref, rw, rh), candidate.seen(cw, ch, rw, rh), false, true, List.of());
        }
        double[] at = cw <= rw && ch <= rh && cw >= MIN_WINDOW && ch >= MIN_WINDOW
                ? Kernels.locate(luma(ref), rw, rh, luma(candidate.seen(cw, ch, cw, ch).planes()), cw, ch) : new double[] {0, 0, -1};
        if (at[2] < MATCH) {
            return measure(Seen.of(ref, rw, rh), candidate.seen(cw, ch, rw, rh), true, false, List.of());
        }
        List<Double> found = List.of(round(at[0] / rw, 4), round(at[1] / rh, 4), round((double) cw / rw, 4), round((double) ch / rh, 4));
        return measure(Seen.of(window(ref, rw, rh, at[0], at[1], cw, ch), cw, ch), candidate.seen(cw, ch, cw, ch), true, true, found);
    }

    private static DriftMeasures measure(Seen ref, Seen cand, boolean reframed, boolean aligned, List<Double> window) {
        int n = ref.width * ref.height;
        double[] labR = ref.lab;
        double[] labC = cand.lab;
        double[] deltaE = new double[n];
        for (int i = 0; i < n; i++) {
            double dl = labR[3 * i] - labC[3 * i];
            double da = labR[3 * i + 1] - labC[3 * i + 1];
            double db = labR[3 * i + 2] - labC[3 * i + 2];
            deltaE[i] = Math.sqrt(dl * dl + da * da + db * db); // ΔE76, as Cielab.deltaE76
        }
        double ssim = Kernels.ssim(ref.blurredLuma, cand.blurredLuma, ref.width, ref.height);
        double meanDeltaE = Arrays.stream(deltaE).sum() / n;
        double p95 = Ranks.kth(deltaE, Math.min(n - 1, (int) Math.floor(0.95 * n))); // after the mean: it reorders deltaE
        double exposure = log2(Math.max(cand.sumY / n, 1e-6) / Math.max(ref.sumY / n, 1e-6));
        double temperature = cand.cct - ref.cct;
        return new DriftMeasures(reframed, aligned, round(ssim, 4), round(meanDeltaE, 2), round(p95, 2),
                round(hellinger(ref.histogram, cand.histogram, n), 4), Math.round(temperature), round(exposure, 3),
                cand.dominantColours(), window);
    }

    /**
     * One image on the grid a measure compares on: its planes and what is read of each pixel (L*a*b*, luminance,
     * the chromaticity histogram), worked out once per image and grid; the dominant colours when first asked for.
     */
    static final class Seen {
        private final float[][] planes;
        private final int width;
        private final int height;
        private final double[] lab;
        private final float[] blurredLuma;
        private final double[] histogram;
        private final double sumY;
        private final double cct;
        private List<DominantColour> dominant; // only a candidate's are reported

        private Seen(float[][] planes, int width, int height) {
            int n = width * height;
            float[] r = planes[0], g = planes[1], b = planes[2];
            double[] labs = new double[3 * n];
            float[] luma = new float[n];
            double[] bins = new double[BINS * BINS];
            double y = 0;
            for (int i = 0; i < n; i++) {
                double yi = luminance(r[i], g[i], b[i]);
                y += yi;
                luma[i] = (float) (255 * Srgb.encode(yi));
                double[] l = Cielab.fromLinear(r[i], g[i], b[i]);
                labs[3 * i] = l[0];
                labs[3 * i + 1] = l[1];
                labs[3 * i + 2] = l[2];
                bins[bin(l)]++;
            }
            this.planes = planes;
            this.width = width;
            this.height = height;
            this.lab = labs;
            // a slight blur first, so that the half-pixel offsets left by aligning a crop at this scale do not read as lost structure
            this.blurredLuma = Kernels.gaussian(luma, width, height, SSIM_PRE_BLUR);
            this.histogram = bins;
            this.sumY = y;
            this.cct = cct(r, g, b);
        }

        static Seen of(float[][] planes, int width, int height) {
            return new Seen(planes, width, height);
        }

        float[][] planes() {
            return planes;
        }

        synchronized List<DominantColour> dominantColours() {
            if (dominant == null) {
                float[] lab32 = new float[lab.length];
                for (int i = 0; i < lab.length; i++) {
                    lab32[i] = (float) lab[i];
                }
                dominant = DominantColours.of(lab32, DOMINANT_COLOURS);
            }
            return dominant;
        }
    }

    // The candidate's planes at (width × height) brought onto the comparison grid (newWidth × newHeight).
    static float[][] candidatePlanes(BufferedImage image, int width, int height, int newWidth, int newHeight) {
        return onGrid(planes(image, width, height), width, height, newWidth, newHeight);
    }

    // The image's linear planes at exactly width × height.
    private static float[][] planes(BufferedImage image, int width, int height) {
        LinearImage small = LinearImage.from(Thumbnails.fit(image, Math.max(width, height)));
        return onGrid(new float[][] {small.channel(0), small.channel(1), small.channel(2)}, small.width(), small.height(), width, height);
    }

    private static float[][] onGrid(float[][] planes, int width, int height, int newWidth, int newHeight) {
        if (width == newWidth && height == newHeight) {
            return planes;
        }
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = Kernels.resizeArea(planes[c], width, height, newWidth, newHeight);
        }
        return out;
    }

    // The reference's planes under the found window, resampled at its sub-pixel position.
    private static float[][] window(float[][] planes, int width, int height, double x, double y, int w, int h) {
        double[] shift = {1, 0, x, 0, 1, y};
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = Kernels.warpAffine(planes[c], width, height, shift, w, h);
        }
        return out;
    }

    private static float[] luma(float[][] planes) {
        float[] y = new float[planes[0].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Srgb.encode(luminance(planes[0][i], planes[1][i], planes[2][i]));
        }
        return y;
    }

    private static int scaled(int size, double scale) {
        return Math.max(1, (int) Math.round(size * scale));
    }

    private static double luminance(double r, double g, double b) {
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    // A pixel's cell in the a*b* (chromaticity) plane: colour content apart from lightness and framing.
    private static int bin(double[] lab) {
        return index(lab[1]) * BINS + index(lab[2]);
    }

    private static int index(double ab) {
        int i = (int) Math.floor((ab + AB_RANGE) / (2 * AB_RANGE) * BINS);
        return Math.max(0, Math.min(BINS - 1, i));
    }

    private static double hellinger(double[] p, double[] q, int n) {
        double bc = 0;
        for (int i = 0; i < p.length; i++) {
            bc += Math.sqrt(p[i] / n * q[i] / n);
        }
        return Math.sqrt(Math.max(0, 1 - bc));
    }

    /**
     * Correlated colour temperature of the mean colour (McCamy's cubic in CIE 1931 xy, good to a few
     * kelvin from 2 000 to 12 500 K), clamped to 1 000–25 000 K where the cubic stops meaning anything.
     */
    static double cct(float[] r, float[] g, float[] b) {
        double mr = mean(r), mg = mean(g), mb = mean(b);
        double x = 0.4124564 * mr + 0.3575761 * mg + 0.1804375 * mb;
        double y = 0.2126729 * mr + 0.7151522 * mg + 0.0721750 * mb;
        double z = 0.0193339 * mr + 0.1191920 * mg + 0.9503041 * mb;
        double sum = x + y + z;
        if (sum <= 1e-9) {
            return 6504;
        }
        double cx = x / sum;
        double cy = y / sum;
        double m = (cx - 0.3320) / (0.1858 - cy);
        double t = 449 * m * m * m + 3525 * m * m + 6823.3 * m + 5520.33;
        return Math.max(1000, Math.min(25000, t));
    }

    private static double mean(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s / values.length;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
