package io.atelier.engine.subject;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.Srgb;
import io.atelier.engine.kernels.Kernels;

/**
 * The classical subject estimate: GrabCut (Rother et al., 2004: colour GMMs plus a graph cut) on a
 * copy shrunk to 320 px, initialised with a centre prior — the outer 10% of the width and 6% of the
 * height are taken as background, the rest as "probably subject" — which fits product and portrait
 * photos where the subject sits inside the frame. The hard result is tidied into one solid region
 * (holes filled, stray islands dropped), feathered and scaled back up.
 * When GrabCut finds almost nothing or almost everything, a soft centred ellipse is used instead and
 * the method says so.
 */
public final class CentrePriorGrabCut implements SubjectDetector {
    public static final String METHOD = "grabcut-centre-prior/1";
    public static final String FALLBACK_METHOD = "centre-ellipse/1";
    private static final int WORK_SIZE = 320;
    private static final int ITERATIONS = 5;

    @Override
    public SubjectMatte detect(LinearImage image) {
        int w = image.width();
        int h = image.height();
        double scale = Math.min(1.0, WORK_SIZE / (double) Math.max(w, h));
        int sw = Math.max(8, (int) Math.round(w * scale));
        int sh = Math.max(8, (int) Math.round(h * scale));
        float[][] small = new float[3][];
        for (int c = 0; c < 3; c++) {
            small[c] = Kernels.resizeArea(image.channel(c), w, h, sw, sh);
        }
        byte[] rgb = new byte[sw * sh * 3];
        for (int i = 0; i < sw * sh; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = (byte) Srgb.toSrgb8(small[c][i]);
            }
        }
        int[] rect = {(int) Math.round(sw * 0.10), (int) Math.round(sh * 0.06), (int) Math.round(sw * 0.80), (int) Math.round(sh * 0.90)};
        byte[] labels = tidy(Kernels.grabCut(rgb, sw, sh, rect, ITERATIONS), sw, sh);
        float[] hard = new float[sw * sh];
        double covered = 0;
        for (int i = 0; i < hard.length; i++) {
            hard[i] = labels[i];
            covered += labels[i];
        }
        covered /= hard.length;
        if (covered < 0.02 || covered > 0.85) {
            return ellipse(w, h);
        }
        float[] soft = Kernels.gaussian(hard, sw, sh, 1.2);
        float[] full = Kernels.resizeLinear(soft, sw, sh, w, h);
        for (int i = 0; i < full.length; i++) {
            // snap the float noise of the filters, so "certainly subject" and "certainly background" are exact
            float a = full[i];
            full[i] = a >= 0.995f ? 1f : a <= 0.005f ? 0f : a;
        }
        return new SubjectMatte(full, w, h, METHOD);
    }

    /**
     * One solid subject: background pockets that the frame's border cannot reach become subject (a
     * cup's shadowed inside is still the cup), and only the largest subject island is kept.
     */
    static byte[] tidy(byte[] labels, int w, int h) {
        byte[] out = labels.clone();
        boolean[] outside = new boolean[w * h];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int x = 0; x < w; x++) {
            seed(out, outside, queue, x);
            seed(out, outside, queue, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            seed(out, outside, queue, y * w);
            seed(out, outside, queue, y * w + w - 1);
        }
        flood(queue, outside, i -> out[i] == 0, w, h);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !outside[i]) {
                out[i] = 1;
            }
        }
        int[] island = new int[w * h];
        int best = 0;
        int bestSize = 0;
        int id = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 1 && island[i] == 0) {
                id++;
                int size = 0;
                queue.add(i);
                island[i] = id;
                while (!queue.isEmpty()) {
                    int p = queue.poll();
                    size++;
                    int px = p % w;
                    for (int q : new int[] {px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, p - w, p + w}) {
                        if (q >= 0 && q < out.length && out[q] == 1 && island[q] == 0) {
                            island[q] = id;
                            queue.add(q);
                        }
                    }
                }
                if (size > bestSize) {
                    bestSize = size;
                    best = id;
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (island[i] == best && best != 0 ? 1 : 0);
        }
        return out;
    }

    private static void seed(byte[] labels, boolean[] outside, java.util.ArrayDeque<Integer> queue, int i) {
        if (labels[i] == 0 && !outside[i]) {
            outside[i] = true;
            queue.add(i);
        }
    }

    private static void flood(java.util.ArrayDeque<Integer> queue, boolean[] reached, java.util.function.IntPredicate open, int w, int h) {
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int px = p % w;
            for (int q : new int[] {px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, p - w, p + w}) {
                if (q >= 0 && q < w * h && !reached[q] && open.test(q)) {
                    reached[q] = true;
                    queue.add(q);
                }
            }
        }
    }

    /** A soft ellipse over the middle of the frame: the guess when nothing better is known. */
    static SubjectMatte ellipse(int w, int h) {
        float[] alpha = new float[w * h];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                double dx = (x + 0.5 - w / 2.0) / (w * 0.3);
                double dy = (y + 0.5 - h / 2.0) / (h * 0.35);
                double d = Math.sqrt(dx * dx + dy * dy);
                alpha[i] = (float) Math.max(0, Math.min(1, (1.15 - d) / 0.3));
            }
        }
        return new SubjectMatte(alpha, w, h, FALLBACK_METHOD);
    }
}
