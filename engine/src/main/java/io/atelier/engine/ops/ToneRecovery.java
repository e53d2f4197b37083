package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * Highlight and shadow recovery on perceptual luminance: highlights move by up to 0.25 of the range
 * (weighted by a smooth step over 0.5–1), shadows by up to 0.25 (weighted over 0.5–0); midtones barely move.
 */
public final class ToneRecovery {
    private ToneRecovery() {
    }

    public static LinearImage apply(LinearImage image, double highlights, double shadows) {
        float h = (float) (highlights / 100.0 * 0.25);
        float s = (float) (shadows / 100.0 * 0.25);
        return image.mapPixels(px -> {
            float y = Tone.luminance(px[0], px[1], px[2]);
            float l = Tone.perceptual(y);
            float wh = Tone.smoothstep(0.5f, 1f, l);
            float ws = 1 - Tone.smoothstep(0f, 0.5f, l);
            float moved = l + h * wh * (h < 0 ? l : 1 - l) * 2 + s * ws * (s > 0 ? 1 - l : l) * 2;
            Tone.setLuminance(px, y, Tone.linear(moved));
        });
    }
}
