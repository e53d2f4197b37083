package io.atelier.engine.ops;

import io.atelier.engine.image.Srgb;

/** Shared tonal helpers: perceptual lightness of linear light, smooth steps, luminance-preserving rescaling, percentiles. */
final class Tone {
    private Tone() {
    }

    static float luminance(float r, float g, float b) {
        return 0.2126f * r + 0.7152f * g + 0.0722f * b;
    }

    /** sRGB-encoded luminance 0–1: where tone curves are drawn, because equal steps there look equal. */
    static float perceptual(float linearY) {
        return (float) Srgb.encode(Math.max(0, Math.min(1, linearY)));
    }

    /** {@link #perceptual(float)} of every value. */
    static float[] perceptual(float[] linear) {
        float[] out = new float[linear.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = perceptual(linear[i]);
        }
        return out;
    }

    static float linear(float perceptual) {
        return (float) Srgb.decode(Math.max(0, Math.min(1, perceptual)));
    }

    static float smoothstep(float edge0, float edge1, float x) {
        float t = Math.max(0f, Math.min(1f, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }

    static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }

    /** Scales a pixel so its luminance becomes {@code newY}, keeping its colour ratios; lifts near-black pixels evenly. */
    static void setLuminance(float[] px, float y, float newY) {
        if (y > 1e-5f) {
            float k = newY / y;
            px[0] *= k;
            px[1] *= k;
            px[2] *= k;
        } else {
            px[0] = newY;
            px[1] = newY;
            px[2] = newY;
        }
    }

    /** Colour gains with Rec. 709 luminance 1, so tinting by them keeps brightness. */
    static float[] unitLuminanceGains(float[] linearColour) {
        float y = Math.max(1e-4f, luminance(linearColour[0], linearColour[1], linearColour[2]));
        return new float[] {linearColour[0] / y, linearColour[1] / y, linearColour[2] / y};
    }

    /** The p-quantile of values in 0–1 from a 4096-bin histogram: a sort of every pixel costs seconds at 16 MP. */
    static float percentile(float[] values, double p) {
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
