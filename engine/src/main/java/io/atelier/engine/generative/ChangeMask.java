package io.atelier.engine.generative;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.RecursiveGaussian;
import io.atelier.engine.measure.Cielab;
import java.util.ArrayDeque;

/**
 * Where a provider's answer really changed the picture, when the instruction named no region. Both
 * images are compared at the same size after a light blur (resampling and re-encoding noise is not a
 * change); the answer is first aligned to the parent by the small whole-pixel shift that fits best;
 * pixels whose colour moved more than {@value #THRESHOLD_DELTA_E} ΔE76 count as changed; speckle is
 * opened away; regions smaller than {@value #MIN_REGION_FRACTION} of the frame are dropped; what is
 * left is grown a little and feathered, so the committed patch has soft edges.
 */
public final class ChangeMask {
    static final double THRESHOLD_DELTA_E = 10;
    static final double MIN_REGION_FRACTION = 0.001;
    static final int MAX_SHIFT = 4;

    private ChangeMask() {
    }

    /** The answer aligned to the parent, and the soft mask (0–1) of where it changed; both at the parent's size. */
    public record Found(LinearImage aligned, float[] mask, int shiftX, int shiftY) {
        /** Share of the frame committed (mask weight summed over pixels). */
        public double fraction() {
            double sum = 0;
            for (float v : mask) {
                sum += v;
            }
            return sum / mask.length;
        }
    }

    /** Compares {@code answer} with {@code parent}; they must have one size. */
    public static Found find(LinearImage parent, LinearImage answer) {
        int w = parent.width();
        int h = parent.height();
        if (answer.width() != w || answer.height() != h) {
            throw new IllegalArgumentException("compare images of one size");
        }
        float[] pl = lightness(parent);
        float[] al = lightness(answer);
        int[] shift = bestShift(pl, al, w, h);
        LinearImage aligned = shift(answer, shift[0], shift[1]);
        double[][] pLab = lab(blurred(parent));
        double[][] aLab = lab(blurred(aligned));
        boolean[] changed = new boolean[w * h];
        for (int i = 0; i < changed.length; i++) {
            double dl = pLab[0][i] - aLab[0][i];
            double da = pLab[1][i] - aLab[1][i];
            double db = pLab[2][i] - aLab[2][i];
            changed[i] = Math.sqrt(dl * dl + da * da + db * db) > THRESHOLD_DELTA_E;
        }
        int r = Math.max(1, Math.min(w, h) / 256);
        changed = dilate(erode(changed, w, h, r), w, h, r); // opening: speckle goes, shapes stay
        changed = dropSmall(changed, w, h, (int) Math.ceil(MIN_REGION_FRACTION * w * h));
        changed = dilate(changed, w, h, 2 * r + 1); // cover the soft rim of what was painted
        float[] m = new float[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = changed[i] ? 1f : 0f;
        }
        float[] soft = RecursiveGaussian.blur(m, w, h, Math.max(1, r));
        for (int i = 0; i < soft.length; i++) {
            soft[i] = changed[i] ? Math.max(soft[i], 0.5f) : soft[i] < 0.004f ? 0f : soft[i];
            soft[i] = Math.min(1f, soft[i]);
        }
        return new Found(aligned, soft, shift[0], shift[1]);
    }

    private static float[] lightness(LinearImage image) {
        return image.luminance();
    }

    // Tries every shift within ±MAX_SHIFT on the luminance and keeps the one with the smallest mean difference.
    private static int[] bestShift(float[] p, float[] a, int w, int h) {
        int[] best = {0, 0};
        double bestErr = Double.MAX_VALUE;
        int step = Math.max(1, Math.min(w, h) / 256); // sample rows and columns sparsely: the shift is global
        for (int dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
            for (int dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx++) {
                double err = 0;
                long n = 0;
                for (int y = MAX_SHIFT; y < h - MAX_SHIFT; y += step) {
                    for (int x = MAX_SHIFT; x < w - MAX_SHIFT; x += step) {
                        err += Math.abs(p[y * w + x] - a[(y + dy) * w + x + dx]);
                        n++;
                    }
                }
                err = n == 0 ? 0 : err / n;
                // ties go to the smaller shift, so an unchanged answer is never moved
                if (err < bestErr - 1e-9 || (Math.abs(err - bestErr) <= 1e-9 && Math.abs(dx) + Math.abs(dy) < Math.abs(best[0]) + Math.abs(best[1]))) {
                    bestErr = err;
                    best = new int[] {dx, dy};
                }
            }
        }
        return best;
    }

    // out(x, y) = in(x + dx, y + dy), edges repeated.
    private static LinearImage shift(LinearImage in, int dx, int dy) {
        if (dx == 0 && dy == 0) {
            return in;
        }
        int w = in.width();
        int h = in.height();
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] src = in.channel(c);
            float[] out = new float[w * h];
            for (int y = 0; y < h; y++) {
                int sy = Math.min(h - 1, Math.max(0, y + dy));
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = src[sy * w + Math.min(w - 1, Math.max(0, x + dx))];
                }
            }
            planes[c] = out;
        }
        return LinearImage.blank(w, h, false).withPlanes(planes[0], planes[1], planes[2]);
    }

    private static LinearImage blurred(LinearImage image) {
        int w = image.width();
        int h = image.height();
        double sigma = Math.max(1.0, Math.min(w, h) / 512.0);
        return LinearImage.blank(w, h, false).withPlanes(RecursiveGaussian.blur(image.channel(0), w, h, sigma),
                RecursiveGaussian.blur(image.channel(1), w, h, sigma), RecursiveGaussian.blur(image.channel(2), w, h, sigma));
    }

    private static double[][] lab(LinearImage image) {
        int n = image.width() * image.height();
        double[][] out = new double[3][n];
        float[] r = image.channel(0);
        float[] g = image.channel(1);
        float[] b = image.channel(2);
        for (int i = 0; i < n; i++) {
            double[] lab = Cielab.fromLinear(r[i], g[i], b[i]);
            out[0][i] = lab[0];
            out[1][i] = lab[1];
            out[2][i] = lab[2];
        }
        return out;
    }

    private static boolean[] erode(boolean[] in, int w, int h, int r) {
        return morph(in, w, h, r, true);
    }

    private static boolean[] dilate(boolean[] in, int w, int h, int r) {
        return morph(in, w, h, r, false);
    }

    // Separable square structuring element: rows then columns.
    private static boolean[] morph(boolean[] in, int w, int h, int r, boolean erode) {
        boolean[] rows = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean v = erode;
                for (int k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) {
                    v = erode ? v && in[y * w + k] : v || in[y * w + k];
                }
                rows[y * w + x] = v;
            }
        }
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean v = erode;
                for (int k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) {
                    v = erode ? v && rows[k * w + x] : v || rows[k * w + x];
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }

    // Keeps only 4-connected regions of at least minPixels.
    private static boolean[] dropSmall(boolean[] in, int w, int h, int minPixels) {
        boolean[] out = new boolean[in.length];
        boolean[] seen = new boolean[in.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        java.util.List<Integer> region = new java.util.ArrayList<>();
        for (int start = 0; start < in.length; start++) {
            if (!in[start] || seen[start]) {
                continue;
            }
            region.clear();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                region.add(i);
                int x = i % w;
                int y = i / w;
                if (x > 0) visit(in, seen, queue, i - 1);
                if (x < w - 1) visit(in, seen, queue, i + 1);
                if (y > 0) visit(in, seen, queue, i - w);
                if (y < h - 1) visit(in, seen, queue, i + w);
            }
            if (region.size() >= minPixels) {
                for (int i : region) {
                    out[i] = true;
                }
            }
        }
        return out;
    }

    private static void visit(boolean[] in, boolean[] seen, ArrayDeque<Integer> queue, int i) {
        if (in[i] && !seen[i]) {
            seen[i] = true;
            queue.add(i);
        }
    }
}
