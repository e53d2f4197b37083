package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;

/**
 * Unsharp masking on perceptual lightness: l' = l + k·w(l)·(l − G_σ(l)), then each pixel is rescaled
 * to its new luminance (colour kept). Sharpen uses a small σ and w = 1; clarity a σ of 2% of the
 * longer side and w peaking in the midtones, so it adds local contrast without haloing highlights.
 */
public final class Sharpen {
    private Sharpen() {
    }

    public static LinearImage sharpen(LinearImage image, double amount, double radius) {
        return unsharp(image, (float) (amount / 100.0), radius, false);
    }

    public static LinearImage clarity(LinearImage image, double amount) {
        return unsharp(image, (float) (amount / 100.0 * 0.8), 0.02 * Math.max(image.width(), image.height()), true);
    }

    private static LinearImage unsharp(LinearImage image, float k, double sigma, boolean midtones) {
        int w = image.width();
        int h = image.height();
        float[] y = image.luminance();
        float[] l = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            l[i] = Tone.perceptual(y[i]);
        }
        float[] soft = Kernels.gaussian(l, w, h, sigma);
        return image.mapPixels((x, row, px) -> {
            int i = row * w + x;
            float weight = midtones ? 4 * l[i] * (1 - l[i]) : 1;
            float sharpened = l[i] + k * weight * (l[i] - soft[i]);
            Tone.setLuminance(px, y[i], Tone.linear(sharpened));
        });
    }
}
