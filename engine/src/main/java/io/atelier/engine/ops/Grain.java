package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * Film grain: zero-mean value noise on perceptual lightness (lattice spacing = size px, two octaves),
 * amplitude 0.12 × amount/100 weighted by √(4l(1 − l)) so it sits in the midtones as film's does and
 * leaves pure black and white clean. Seeded by position: identical on every run and thread.
 */
public final class Grain {
    private Grain() {
    }

    public static LinearImage apply(LinearImage image, double amount, double size, long seed) {
        float a = (float) (0.12 * amount / 100.0);
        return image.mapPixels((x, y, px) -> {
            float n = Noise.fbm(seed, x / size, y / size, 2) * 1.6f;
            float lum = Tone.luminance(px[0], px[1], px[2]);
            float l = Tone.perceptual(lum);
            float weight = (float) Math.sqrt(Math.max(0, 4 * l * (1 - l)));
            Tone.setLuminance(px, lum, Tone.linear(l + a * weight * n));
        });
    }
}
