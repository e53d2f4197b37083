package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;

/**
 * Atmosphere. Glow: the bright parts (perceptual lightness above 0.5, smoothly) are blurred with σ =
 * 2.5% of the longer side and added back at 0.8 × amount/100 — light blooming as in a soft lens.
 * Haze: the image is blended toward a veil of its own brightest average colour (mean of pixels above the
 * 90th luminance percentile, found with a histogram) by 0.35 × amount/100, lifting blacks and lowering contrast as air does.
 */
public final class Glow {
    private Glow() {
    }

    public static LinearImage glow(LinearImage image, double amount) {
        int w = image.width();
        int h = image.height();
        LinearImage bright = image.mapPixels(px -> {
            float l = Tone.perceptual(Tone.luminance(px[0], px[1], px[2]));
            float k = Tone.smoothstep(0.5f, 1f, l);
            px[0] *= k;
            px[1] *= k;
            px[2] *= k;
        });
        double sigma = 0.025 * Math.max(w, h);
        float[][] halo = new float[3][];
        for (int c = 0; c < 3; c++) {
            halo[c] = Kernels.gaussian(bright.channel(c), w, h, sigma);
        }
        float k = (float) (0.8 * amount / 100.0);
        return image.mapPixels((x, y, px) -> {
            int i = y * w + x;
            px[0] += k * halo[0][i];
            px[1] += k * halo[1][i];
            px[2] += k * halo[2][i];
        });
    }

    public static LinearImage haze(LinearImage image, double amount) {
        float[] y = image.luminance();
        float threshold = percentile(y, 0.9);
        double[] veil = new double[3];
        long n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= threshold) {
                for (int c = 0; c < 3; c++) {
                    veil[c] += image.channel(c)[i];
                }
                n++;
            }
        }
        float[] v = new float[3];
        for (int c = 0; c < 3; c++) {
            v[c] = (float) Math.min(1, veil[c] / Math.max(1, n));
        }
        float t = (float) (0.35 * amount / 100.0);
        return image.mapPixels(px -> {
            px[0] += t * (v[0] - px[0]);
            px[1] += t * (v[1] - px[1]);
            px[2] += t * (v[2] - px[2]);
        });
    }

    // The p-quantile of linear luminance (0–1) from a 4096-bin histogram: a sort of every pixel costs seconds at 16 MP.
    private static float percentile(float[] values, double p) {
        int bins = 4096;
        int[] counts = new int[bins];
        for (float v : values) {
            counts[Math.max(0, Math.min(bins - 1, (int) (v * bins)))]++;
        }
        long target = (long) Math.ceil(values.length * p);
        long seen = 0;
        for (int b = 0; b < bins; b++) {
            seen += counts[b];
            if (seen >= target) {
                return b / (float) bins;
            }
        }
        return 1f;
    }
}
