package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * Contrast on perceptual luminance, pivoting on mid-grey: positive amounts blend toward a smooth S
 * curve (shadows down, highlights up, ends fixed), negative ones flatten toward grey. Each pixel is
 * rescaled to its new luminance, so hue and saturation stay put.
 */
public final class Contrast {
    private Contrast() {
    }

    public static LinearImage apply(LinearImage image, double amount) {
        float a = (float) (amount / 100.0);
        return image.mapPixels(px -> {
            float y = Tone.luminance(px[0], px[1], px[2]);
            float l = Tone.perceptual(y);
            float curved;
            if (a >= 0) {
                float s = l * l * (3 - 2 * l);
                curved = l + a * 1.2f * (s - l);
            } else {
                curved = 0.5f + (l - 0.5f) * (1 + a * 0.6f);
            }
            Tone.setLuminance(px, y, Tone.linear(curved));
        });
    }
}
