package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;

/** Saturation: each pixel's distance from its own grey (its luminance) scaled by 1 + amount/100. */
@JsonTypeName("saturation")
@Doc(layer = Doc.Layer.COLOUR, value = "chroma scaled around each pixel's luminance; −100 is grey")
public record Saturation(
        @Param(min = -100, max = 100, doc = "percent more (or less) colour") double amount,
        Region region) implements Operation.PerPixel {

    public Saturation {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return (amount >= 0 ? "raised" : "lowered") + " saturation by " + Math.round(Math.abs(amount)) + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float k = (float) (1 + amount / 100.0);
        return (atX, atY, px) -> {
            float y = Tone.luminance(px[0], px[1], px[2]);
            px[0] = Math.max(0, y + k * (px[0] - y));
            px[1] = Math.max(0, y + k * (px[1] - y));
            px[2] = Math.max(0, y + k * (px[2] - y));
        };
    }
}
