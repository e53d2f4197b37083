package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;

/**
 * Contrast on perceptual luminance, pivoting on mid-grey: positive amounts blend toward a smooth S
 * curve (shadows down, highlights up, ends fixed), negative ones flatten toward grey. Each pixel is
 * rescaled to its new luminance, so hue and saturation stay put.
 */
@JsonTypeName("contrast")
@Doc(layer = Doc.Layer.LIGHT, value = "S-curve on perceptual luminance, hue and saturation kept")
public record Contrast(
        @Param(min = -100, max = 100, doc = "positive steepens toward an S-curve, negative flattens toward grey") double amount,
        Region region) implements Operation.PerPixel {

    public Contrast {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return (amount >= 0 ? "raised" : "lowered") + " contrast by " + Math.round(Math.abs(amount)) + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float a = (float) (amount / 100.0);
        return (atX, atY, px) -> {
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
        };
    }
}
