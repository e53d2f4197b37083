package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Light falling in from one side of the frame. At depth d (0 at the lit edge, 1 at the far one) the
 * light adds 2^(strength·f(d)) − 1 of the pixel's own value, tinted by the light's colour (at unit
 * luminance), with f(d) = 1 − smoothstep(0, reach, d) and reach = 0.35 + 0.65·softness; the far side
 * dims by strength/3 stops, smoothly from d = 0.3, so the scene gains light on one side and shadow on the
 * other. Multiplying the pixel's own light (rather than adding a flat wash) keeps texture and darks.
 * With a shadow, the subject casts one on what lies behind it (see {@link #castShadow}).
 */
@JsonTypeName("directional-light")
@Doc(layer = Doc.Layer.LIGHT, value = "light from a side or corner, coloured, soft or hard fall-off; the far side dims; "
        + "optionally the subject's shadow")
public record DirectionalLight(
        @Param(doc = "the side or corner the light comes from") Edge from,
        @Param(min = 0, max = 2, doc = "stops of light added at the lit edge") double strength,
        @Param(doc = "colour of the light") Rgb colour,
        @Param(min = 0, max = 1, doc = "0 = a narrow beam edge, 1 = a gentle fall-off over the whole frame") double softness,
        @Param(min = 0, max = 1, doc = "how dark the subject's cast shadow is (0 = none)") double shadow) implements Operation.Global {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "added %s light from the %s (%.2f stops, colour %s)%s",
                softness >= 0.5 ? "soft" : "hard", from.word(), strength, colour.hex(),
                shadow > 0 ? ", with the subject's shadow falling away from it" : "");
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        float[] tint = Tone.unitLuminanceGains(colour.linear());
        float reach = (float) (0.35 + 0.65 * softness);
        float s = (float) strength;
        int w = image.width();
        int h = image.height();
        LinearImage lit = image.mapPixels((x, y, px) -> {
            float d = (float) from.depth((x + 0.5) / w, (y + 0.5) / h);
            float f = 1 - Tone.smoothstep(0, reach, d);
            float added = (float) Math.pow(2, s * f) - 1;
            float dim = (float) Math.pow(2, -s / 3 * Tone.smoothstep(0.3f, 1f, d));
            px[0] = px[0] * (1 + added * tint[0]) * dim;
            px[1] = px[1] * (1 + added * tint[1]) * dim;
            px[2] = px[2] * (1 + added * tint[2]) * dim;
        });
        return shadow > 0 ? castShadow(lit, subject.get()) : lit;
    }

    /**
     * The subject's shadow on its surroundings: the matte shifted away from the light by 5% of the
     * longer side, blurred (σ 1.5–4% as the light softens) so it falls off, plus a tight contact shadow
     * (the matte shifted 0.8% and blurred 0.6%) where the subject stands. Only the background darkens
     * (weighted by 1 − matte), by up to {@code shadow} × 70% of its light; the subject is untouched.
     */
    private LinearImage castShadow(LinearImage image, SubjectMatte matte) {
        int w = image.width();
        int h = image.height();
        double unit = Math.max(w, h);
        double norm = Math.hypot(from.dx(), from.dy());
        double ux = -from.dx() / norm;
        double uy = -from.dy() / norm;
        float[] cast = Kernels.gaussian(shifted(matte, ux * 0.05 * unit, uy * 0.05 * unit + 0.01 * unit), w, h, (0.015 + 0.025 * softness) * unit);
        float[] contact = Kernels.gaussian(shifted(matte, ux * 0.008 * unit, 0.008 * unit), w, h, 0.006 * unit);
        float[] a = matte.alpha();
        float k = (float) (0.7 * shadow);
        return image.mapPixels((x, y, px) -> {
            int i = y * w + x;
            float shade = Math.min(1f, 0.7f * cast[i] + 0.6f * contact[i]) * (1 - a[i]);
            float gain = 1 - k * shade;
            px[0] *= gain;
            px[1] *= gain;
            px[2] *= gain;
        });
    }

    private static float[] shifted(SubjectMatte matte, double dx, double dy) {
        int w = matte.width();
        int h = matte.height();
        int sx = (int) Math.round(dx);
        int sy = (int) Math.round(dy);
        float[] a = matte.alpha();
        float[] out = new float[a.length];
        for (int y = 0; y < h; y++) {
            int from = y - sy;
            if (from < 0 || from >= h) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int fx = x - sx;
                if (fx >= 0 && fx < w) {
                    out[y * w + x] = a[from * w + fx];
                }
            }
        }
        return out;
    }
}
