package io.atelier.engine.kernels;

import java.util.stream.IntStream;

/**
 * Gaussian blur of a float plane by the recursive (IIR) filter of Young and van Vliet (1995): a
 * third-order causal pass and its anti-causal mirror per axis, so the cost does not grow with σ.
 * Edges reflect (as OpenCV's BORDER_REFLECT_101): each line is extended by ⌈4σ⌉ mirrored samples, over
 * which the recursion settles before it reaches the image. Vertical passes run across whole row
 * segments (independent columns, which the JIT vectorises); horizontal passes run four rows in lock
 * step so their dependency chains overlap. Work is split by columns / rows, never inside a recursion,
 * so results do not depend on the number of threads.
 */
public final class RecursiveGaussian {
    private static final int COLUMN_CHUNK = 256;

    private RecursiveGaussian() {
    }

    /** Coefficients {B, b1/b0, b2/b0, b3/b0} for σ ≥ 0.5. */
    static double[] coefficients(double sigma) {
        double q = sigma >= 2.5 ? 0.98711 * sigma - 0.96330 : 3.97156 - 4.14554 * Math.sqrt(1 - 0.26891 * sigma);
        double q2 = q * q;
        double q3 = q2 * q;
        double b0 = 1.57825 + 2.44413 * q + 1.4281 * q2 + 0.422205 * q3;
        double b1 = 2.44413 * q + 2.85619 * q2 + 1.26661 * q3;
        double b2 = -(1.4281 * q2 + 1.26661 * q3);
        double b3 = 0.422205 * q3;
        return new double[] {1 - (b1 + b2 + b3) / b0, b1 / b0, b2 / b0, b3 / b0};
    }

    public static float[] blur(float[] plane, int width, int height, double sigma) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException("plane size does not match " + width + "×" + height);
        }
        double[] c = coefficients(sigma);
        int pad = (int) Math.ceil(4 * sigma);
        // One output array: the vertical pass writes it, the horizontal pass rewrites it row group by row group.
        float[] out = new float[plane.length];
        run(plane, out, width, height, c, pad);
        return out;
    }

    /**
     * The same values as {@link #blur}, written over {@code plane} itself: no second plane, only line and
     * padding buffers. The caller must own the plane (nobody else reads it).
     */
    public static void blurInPlace(float[] plane, int width, int height, double sigma) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException("plane size does not match " + width + "×" + height);
        }
        run(plane, plane, width, height, coefficients(sigma), (int) Math.ceil(4 * sigma));
    }

    private static void run(float[] plane, float[] out, int width, int height, double[] c, int pad) {
        int chunks = (width + COLUMN_CHUNK - 1) / COLUMN_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(k -> vertical(plane, out, width, height, k * COLUMN_CHUNK,
                Math.min(width, (k + 1) * COLUMN_CHUNK), pad, c));
        IntStream.range(0, (height + 3) / 4).parallel().forEach(k -> horizontal(out, out, width, height, 4 * k, pad, c));
    }

    /** Rows −pad…h+pad−1 of one column chunk: the padding rows live in small buffers, the image rows in dst. */
    private record Rows(float[] top, float[] dst, float[] bottom, int w, int h, int x0, int n, int pad) {
        float[] array(int r) {
            return r < pad ? top : r < pad + h ? dst : bottom;
        }

        int offset(int r) {
            return r < pad ? r * n : r < pad + h ? (r - pad) * w + x0 : (r - pad - h) * n;
        }
    }

    private static void vertical(float[] src, float[] dst, int w, int h, int x0, int x1, int pad, double[] c) {
        int n = x1 - x0;
        float bB = (float) c[0];
        float a1 = (float) c[1];
        float a2 = (float) c[2];
        float a3 = (float) c[3];
        int rows = h + 2 * pad;
        Rows at = new Rows(new float[pad * n], dst, new float[pad * n], w, h, x0, n, pad);
        // In place, the causal pass overwrites each row as it reads it; the bottom padding reflects rows it has
        // already passed, so those source rows (all of them when the padding reaches past the whole column) are
        // kept aside first. The top padding reflects rows not yet overwritten.
        int keptFrom = src != dst ? h : Math.max(0, h - 1 - pad);
        float[] kept = new float[(h - keptFrom) * n];
        for (int y = keptFrom; y < h; y++) {
            System.arraycopy(src, y * w + x0, kept, (y - keptFrom) * n, n);
        }
        float[] edge = new float[n];
        // Causal pass; before the first row the recursion is at rest on the first (reflected) row.
        System.arraycopy(src, reflect(-pad, h) * w + x0, edge, 0, n);
        for (int r = 0; r < rows; r++) {
            int sy = reflect(r - pad, h);
            boolean fromKept = r >= pad + h && sy >= keptFrom;
            float[] sa = fromKept ? kept : src;
            int s = fromKept ? (sy - keptFrom) * n : sy * w + x0;
            float[] o = at.array(r);
            int oi = at.offset(r);
            float[] p1 = r >= 1 ? at.array(r - 1) : edge;
            int i1 = r >= 1 ? at.offset(r - 1) : 0;
            float[] p2 = r >= 2 ? at.array(r - 2) : edge;
            int i2 = r >= 2 ? at.offset(r - 2) : 0;
            float[] p3 = r >= 3 ? at.array(r - 3) : edge;
            int i3 = r >= 3 ? at.offset(r - 3) : 0;
            for (int i = 0; i < n; i++) {
                o[oi + i] = bB * sa[s + i] + a1 * p1[i1 + i] + a2 * p2[i2 + i] + a3 * p3[i3 + i];
            }
        }
        // Anti-causal pass in place: row r becomes final once rows r+1…r+3 are.
        System.arraycopy(at.array(rows - 1), at.offset(rows - 1), edge, 0, n);
        for (int r = rows - 1; r >= 0; r--) {
            float[] o = at.array(r);
            int oi = at.offset(r);
            float[] p1 = r + 1 < rows ? at.array(r + 1) : edge;
            int i1 = r + 1 < rows ? at.offset(r + 1) : 0;
            float[] p2 = r + 2 < rows ? at.array(r + 2) : edge;
            int i2 = r + 2 < rows ? at.offset(r + 2) : 0;
            float[] p3 = r + 3 < rows ? at.array(r + 3) : edge;
            int i3 = r + 3 < rows ? at.offset(r + 3) : 0;
            for (int i = 0; i < n; i++) {
                o[oi + i] = bB * o[oi + i] + a1 * p1[i1 + i] + a2 * p2[i2 + i] + a3 * p3[i3 + i];
            }
        }
    }

    // Four rows at once: their recursions are independent, so the CPU overlaps their dependency chains;
    // the newest term goes last, in a fused multiply-add, so each step waits on one operation only.
    private static void horizontal(float[] src, float[] dst, int w, int h, int y0, int pad, double[] c) {
        int rows = Math.min(4, h - y0);
        double bB = c[0];
        double a1 = c[1];
        double a2 = c[2];
        double a3 = c[3];
        int len = w + 2 * pad;
        float[] line = new float[4 * len];
        for (int k = 0; k < 4; k++) {
            int base = (y0 + Math.min(k, rows - 1)) * w;
            for (int j = 0; j < pad; j++) {
                line[j * 4 + k] = src[base + reflect(j - pad, w)];
                line[(len - 1 - j) * 4 + k] = src[base + reflect(len - 1 - j - pad, w)];
            }
            for (int x = 0, i = pad * 4 + k; x < w; x++, i += 4) {
                line[i] = src[base + x];
            }
        }
        recurse(line, 0, len, 1, bB, a1, a2, a3);
        recurse(line, len - 1, len, -1, bB, a1, a2, a3);
        for (int k = 0; k < rows; k++) {
            int base = (y0 + k) * w;
            for (int x = 0; x < w; x++) {
                dst[base + x] = line[(x + pad) * 4 + k];
            }
        }
    }

    /** One pass of the recursion over four interleaved lines, from sample {@code start} in direction {@code step}, in place. */
    private static void recurse(float[] line, int start, int len, int step, double bB, double a1, double a2, double a3) {
        int s0 = start * 4;
        double p1a = line[s0], p2a = p1a, p3a = p1a;
        double p1b = line[s0 + 1], p2b = p1b, p3b = p1b;
        double p1c = line[s0 + 2], p2c = p1c, p3c = p1c;
        double p1d = line[s0 + 3], p2d = p1d, p3d = p1d;
        for (int n = 0, j = start; n < len; n++, j += step) {
            int i = j * 4;
            double va = Math.fma(a1, p1a, bB * line[i] + a2 * p2a + a3 * p3a);
            double vb = Math.fma(a1, p1b, bB * line[i + 1] + a2 * p2b + a3 * p3b);
            double vc = Math.fma(a1, p1c, bB * line[i + 2] + a2 * p2c + a3 * p3c);
            double vd = Math.fma(a1, p1d, bB * line[i + 3] + a2 * p2d + a3 * p3d);
            line[i] = (float) va;
            line[i + 1] = (float) vb;
            line[i + 2] = (float) vc;
            line[i + 3] = (float) vd;
            p3a = p2a; p2a = p1a; p1a = va;
            p3b = p2b; p2b = p1b; p1b = vb;
            p3c = p2c; p2c = p1c; p1c = vc;
            p3d = p2d; p2d = p1d; p1d = vd;
        }
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
