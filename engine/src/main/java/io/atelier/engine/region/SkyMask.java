package io.atelier.engine.region;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.Srgb;
import java.util.ArrayDeque;

/**
 * Finds the sky: pixels whose colour could be sky (blue at any brightness, or a bright grey-white of low
 * saturation), whose surroundings are smooth (sky has almost no texture), and which are connected to the
 * top edge through such pixels. The result is cleaned of specks and feathered. When too little sky is
 * found the upper 40% is used as a graduated band, as a graduated filter would be ({@link #found}).
 */
public final class SkyMask {
    /** Band used when no sky is found: the upper part of the frame, as a graduated filter covers. */
    public static final double FALLBACK_BAND = 0.4;
    /** Below this share of the frame the detection is not trusted. */
    static final double MIN_SHARE = 0.03;

    private final float[] weight;
    private final boolean found;

    private SkyMask(float[] weight, boolean found) {
        this.weight = weight;
        this.found = found;
    }

    /** The soft sky weight per pixel (1 = sky). */
    public float[] weight() {
        return weight;
    }

    /** False when no sky was found and the upper band stands in for it. */
    public boolean found() {
        return found;
    }

    /** Detects the sky in an image. */
    public static SkyMask of(LinearImage image) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        float[] r = image.channel(0);
        float[] g = image.channel(1);
        float[] b = image.channel(2);
        float[] colour = new float[n];
        float[] light = new float[n];
        for (int i = 0; i < n; i++) {
            float sr = (float) Srgb.encode(clamp(r[i]));
            float sg = (float) Srgb.encode(clamp(g[i]));
            float sb = (float) Srgb.encode(clamp(b[i]));
            light[i] = 0.299f * sr + 0.587f * sg + 0.114f * sb;
            colour[i] = colourLikelihood(sr, sg, sb);
        }
        float[] texture = boxMean(gradient(light, w, h), w, h, Math.max(2, Math.min(w, h) / 100));
        int radius = Math.max(2, Math.min(w, h) / 150);
        float[] smooth = new float[n];
        for (int i = 0; i < n; i++) {
            // sky gradients are gentle: a local mean gradient under ~0.012 per pixel is sky-smooth, over ~0.04 is texture
            smooth[i] = 1 - smoothstep(0.012f, 0.04f, texture[i]);
        }
        boolean[] candidate = new boolean[n];
        float[] likely = new float[n];
        for (int i = 0; i < n; i++) {
            likely[i] = colour[i] * smooth[i];
            candidate[i] = likely[i] > 0.35f;
        }
        boolean[] sky = connectedToTop(candidate, w, h);
        sky = close(sky, w, h, Math.max(1, radius / 2)); // small: stars and specks, not a pole or a wire
        int count = 0;
        for (boolean s : sky) {
            count += s ? 1 : 0;
        }
        if (count < MIN_SHARE * n) {
            return new SkyMask(band(w, h), false);
        }
        float[] soft = new float[n];
        for (int i = 0; i < n; i++) {
            soft[i] = sky[i] ? 1f : 0f;
        }
        soft = boxMean(boxMean(soft, w, h, radius), w, h, radius);
        for (int i = 0; i < n; i++) {
            // the feather stops where colour or texture say it cannot be sky, so a lit pole or a roof beside the sky stays untouched
            soft[i] = Math.min(soft[i], Math.max(sky[i] ? 1f : 0f, likely[i]));
        }
        return new SkyMask(soft, true);
    }

    // Blue of any brightness (clear sky, dusk), or a bright, nearly neutral grey-white (overcast, haze).
    static float colourLikelihood(float r, float g, float b) {
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float chroma = max - min;
        float blue = smoothstep(0.02f, 0.10f, b - r) * smoothstep(-0.06f, 0.0f, b - g) * smoothstep(0.06f, 0.15f, b);
        float grey = smoothstep(0.55f, 0.75f, max) * (1 - smoothstep(0.08f, 0.18f, chroma)) * smoothstep(-0.04f, 0.02f, b - r);
        return Math.max(blue, grey);
    }

    private static float[] gradient(float[] l, int w, int h) {
        float[] out = new float[l.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float dx = l[y * w + Math.min(w - 1, x + 1)] - l[y * w + Math.max(0, x - 1)];
                float dy = l[Math.min(h - 1, y + 1) * w + x] - l[Math.max(0, y - 1) * w + x];
                out[i] = (float) Math.sqrt(dx * dx + dy * dy) * 0.5f;
            }
        }
        return out;
    }

    // Flood fill from candidate pixels on the top row; sky seen through gaps below the horizon line stays out.
    private static boolean[] connectedToTop(boolean[] candidate, int w, int h) {
        boolean[] seen = new boolean[candidate.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int x = 0; x < w; x++) {
            if (candidate[x]) {
                seen[x] = true;
                queue.add(x);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % w;
            int y = i / w;
            visit(candidate, seen, queue, x > 0 ? i - 1 : -1);
            visit(candidate, seen, queue, x < w - 1 ? i + 1 : -1);
            visit(candidate, seen, queue, y > 0 ? i - w : -1);
            visit(candidate, seen, queue, y < h - 1 ? i + w : -1);
        }
        return seen;
    }

    private static void visit(boolean[] candidate, boolean[] seen, ArrayDeque<Integer> queue, int i) {
        if (i >= 0 && candidate[i] && !seen[i]) {
            seen[i] = true;
            queue.add(i);
        }
    }

    // Morphological closing with a square: fills stars, birds and thin wires inside the sky.
    private static boolean[] close(boolean[] mask, int w, int h, int radius) {
        return threshold(boxMean(toFloat(threshold(boxMean(toFloat(mask), w, h, radius), 1e-4f)), w, h, radius), 1 - 1e-4f);
    }

    private static float[] toFloat(boolean[] mask) {
        float[] f = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            f[i] = mask[i] ? 1f : 0f;
        }
        return f;
    }

    private static boolean[] threshold(float[] f, float t) {
        boolean[] out = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i] >= t;
        }
        return out;
    }

    // Separable box mean with clamped edges (a running sum per row and per column).
    static float[] boxMean(float[] in, int w, int h, int radius) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            double sum = 0;
            for (int x = -radius; x <= radius; x++) {
                sum += in[y * w + Math.max(0, Math.min(w - 1, x))];
            }
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = (float) (sum / (2 * radius + 1));
                sum += in[y * w + Math.min(w - 1, x + radius + 1)] - in[y * w + Math.max(0, x - radius)];
            }
        }
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int y = -radius; y <= radius; y++) {
                sum += tmp[Math.max(0, Math.min(h - 1, y)) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = (float) (sum / (2 * radius + 1));
                sum += tmp[Math.min(h - 1, y + radius + 1) * w + x] - tmp[Math.max(0, y - radius) * w + x];
            }
        }
        return out;
    }

    private static float[] band(int w, int h) {
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            float depth = (y + 0.5f) / h;
            float v = 1 - smoothstep((float) FALLBACK_BAND, (float) (FALLBACK_BAND + RegionMasks.FEATHER), depth);
            for (int x = 0; x < w; x++) {
                m[y * w + x] = v;
            }
        }
        return m;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static float smoothstep(float e0, float e1, float x) {
        float t = Math.max(0f, Math.min(1f, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
