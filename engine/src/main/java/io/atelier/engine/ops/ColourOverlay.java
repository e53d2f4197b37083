package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;

/** A flat colour laid over the image in linear light (normal blend at an opacity); the region mask decides where it shows. */
@JsonTypeName("colour-overlay")
@Doc(layer = Doc.Layer.COLOUR, value = "a flat colour on a region at an opacity")
public record ColourOverlay(
        @Param(doc = "the colour laid over") Rgb colour,
        @Param(min = 0, max = 1, doc = "0 = invisible, 1 = solid") double opacity,
        Region region) implements Operation.PerPixel {

    public ColourOverlay {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "laid " + colour.hex() + " over the image at " + Math.round(opacity * 100) + "%" + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float[] c = colour.linear();
        float o = (float) opacity;
        return (atX, atY, px) -> {
            px[0] += o * (c[0] - px[0]);
            px[1] += o * (c[1] - px[1]);
            px[2] += o * (c[2] - px[2]);
        };
    }
}
