package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/**
 * Split toning: pixels are multiplied toward a colour's unit-luminance gains, highlights (perceptual
 * lightness 0.45–0.9) toward one colour and shadows (0.55–0.1) toward another, by up to 0.6 × strength.
 */
@JsonTypeName("split-tone")
@Doc(layer = Doc.Layer.LIGHT, value = "highlights toward one colour, shadows toward another")
public record SplitTone(
        @Param(doc = "colour the highlights lean toward") Rgb highlights,
        @Param(doc = "colour the shadows lean toward") Rgb shadows,
        @Param(min = 0, max = 1, doc = "how far toward the colours") double strength) implements Operation.Global {

    @Override
    public String describe() {
        return "split-toned highlights toward " + highlights.hex() + " and shadows toward " + shadows.hex();
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        float[] hi = Tone.unitLuminanceGains(highlights.linear());
        float[] lo = Tone.unitLuminanceGains(shadows.linear());
        float k = (float) (0.6 * strength);
        return image.mapPixels(px -> {
            float l = Tone.perceptual(Tone.luminance(px[0], px[1], px[2]));
            float wh = k * Tone.smoothstep(0.45f, 0.9f, l);
            float ws = k * (1 - Tone.smoothstep(0.1f, 0.55f, l));
            for (int c = 0; c < 3; c++) {
                px[c] *= (1 + wh * (hi[c] - 1)) * (1 + ws * (lo[c] - 1));
            }
        });
    }
}
