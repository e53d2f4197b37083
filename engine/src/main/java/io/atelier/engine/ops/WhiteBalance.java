package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * White balance: per-channel gains in linear light. Temperature +100 multiplies red by 1.4 and blue
 * by 0.6 (a strong warm cast); tint +100 lowers green by 0.2 (magenta). Gains are normalised so a
 * neutral grey keeps its Rec. 709 luminance: only the colour moves, not the exposure.
 */
public final class WhiteBalance {
    private WhiteBalance() {
    }

    public static LinearImage apply(LinearImage image, double temperature, double tint) {
        double t = temperature / 100.0;
        double rGain = 1 + 0.4 * t;
        double bGain = 1 - 0.4 * t;
        double gGain = 1 - 0.2 * (tint / 100.0);
        double norm = 1 / (0.2126 * rGain + 0.7152 * gGain + 0.0722 * bGain);
        return ColourMatrix.apply(image, new float[] {
                (float) (rGain * norm), 0, 0,
                0, (float) (gGain * norm), 0,
                0, 0, (float) (bGain * norm)});
    }
}
