package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;

/**
 * A linear gradient laid over the image in linear light (normal blend at an opacity), from one colour
 * at an edge to another at the opposite edge; the region mask decides where it shows.
 */
@JsonTypeName("gradient")
@Doc(layer = Doc.Layer.COLOUR, value = "a two-colour gradient on a region at an opacity")
public record Gradient(
        @Param(doc = "colour at the start edge") Rgb from,
        @Param(doc = "colour at the opposite edge") Rgb to,
        @Param(doc = "the edge where the gradient starts") Edge start,
        @Param(min = 0, max = 1, doc = "0 = invisible, 1 = solid") double opacity,
        Region region) implements Operation.PerPixel {

    public Gradient {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "laid a gradient from " + from.hex() + " to " + to.hex() + " at " + Math.round(opacity * 100) + "%"
                + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float[] a = from.linear();
        float[] b = to.linear();
        float o = (float) opacity;
        int w = image.width();
        int h = image.height();
        return (x, y, px) -> {
            float t = (float) start.depth((x + 0.5) / w, (y + 0.5) / h);
            for (int c = 0; c < 3; c++) {
                float col = a[c] + t * (b[c] - a[c]);
                px[c] += o * (col - px[c]);
            }
        };
    }
}
