package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import java.util.Locale;

/** Exposure: scales linear light by 2^stops, as opening the aperture by that many stops would. */
@JsonTypeName("exposure")
@Doc(layer = Doc.Layer.LIGHT, value = "×2^stops in linear light")
public record Exposure(
        @Param(min = -4, max = 4, doc = "photographic stops") double stops,
        Region region) implements Operation.PerPixel {

    public Exposure {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s exposure by %.2f stop%s", stops >= 0 ? "raised" : "lowered",
                Math.abs(stops), Math.abs(stops) == 1 ? "" : "s") + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float gain = (float) Math.pow(2, stops);
        return (atX, atY, px) -> {
            px[0] *= gain;
            px[1] *= gain;
            px[2] *= gain;
        };
    }
}
