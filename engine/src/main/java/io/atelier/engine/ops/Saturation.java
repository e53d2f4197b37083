package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/** Saturation: each pixel's distance from its own grey (its luminance) scaled by 1 + amount/100. */
public final class Saturation {
    private Saturation() {
    }

    public static LinearImage apply(LinearImage image, double amount) {
        float k = (float) (1 + amount / 100.0);
        return image.mapPixels(px -> {
            float y = Tone.luminance(px[0], px[1], px[2]);
            px[0] = Math.max(0, y + k * (px[0] - y));
            px[1] = Math.max(0, y + k * (px[1] - y));
            px[2] = Math.max(0, y + k * (px[2] - y));
        });
    }
}
