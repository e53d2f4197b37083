package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;

/**
 * Clarity: local contrast, an unsharp mask on perceptual lightness with σ = 2% of the longer side and
 * a weight 4l(1 − l) peaking in the midtones, so it adds local contrast without haloing highlights.
 */
@JsonTypeName("clarity")
@Doc(layer = Doc.Layer.FOCUS, value = "local contrast: a wide unsharp mask on lightness, weighted to the midtones")
public record Clarity(
        @Param(min = -100, max = 100, doc = "positive adds local contrast, negative softens it") double amount,
        Region region) implements Operation.PerPixel {

    public Clarity {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return (amount >= 0 ? "raised" : "lowered") + " clarity by " + Math.round(Math.abs(amount)) + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        return Sharpen.unsharp(image, (float) (amount / 100.0 * 0.8), 0.02 * Math.max(image.width(), image.height()), true);
    }
}
