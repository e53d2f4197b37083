package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Rgb;

/**
 * Light falling in from one side of the frame. At depth d (0 at the lit edge, 1 at the far one) the
 * light adds 2^(strength·f(d)) − 1 of the pixel's own value, tinted by the light's colour (at unit
 * luminance), with f(d) = 1 − smoothstep(0, reach, d) and reach = 0.35 + 0.65·softness; the far side
 * dims by strength/3 stops, smoothly from d = 0.3, so the scene gains light on one side and shadow on the
 * other. Multiplying the pixel's own light (rather than adding a flat wash) keeps texture and darks.
 */
public final class DirectionalLight {
    private DirectionalLight() {
    }

    public static LinearImage apply(LinearImage image, Edge from, double strength, Rgb colour, double softness) {
        float[] tint = Tone.unitLuminanceGains(colour.linear());
        float reach = (float) (0.35 + 0.65 * softness);
        float s = (float) strength;
        int w = image.width();
        int h = image.height();
        return image.mapPixels((x, y, px) -> {
            float d = (float) from.depth((x + 0.5) / w, (y + 0.5) / h);
            float f = 1 - Tone.smoothstep(0, reach, d);
            float added = (float) Math.pow(2, s * f) - 1;
            float dim = (float) Math.pow(2, -s / 3 * Tone.smoothstep(0.3f, 1f, d));
            px[0] = px[0] * (1 + added * tint[0]) * dim;
            px[1] = px[1] * (1 + added * tint[1]) * dim;
            px[2] = px[2] * (1 + added * tint[2]) * dim;
        });
    }
}
