package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;

/**
 * Vibrance: saturation whose strength falls with how saturated a pixel already is ((1 − s)², s =
 * (max − min)/max on sRGB-encoded values), so muted colours gain and vivid ones are left nearly alone and do not clip.
 */
@JsonTypeName("vibrance")
@Doc(layer = Doc.Layer.COLOUR, value = "like saturation, but weighted toward muted colours so vivid ones do not clip")
public record Vibrance(
        @Param(min = -100, max = 100, doc = "percent more (or less) colour in muted areas") double amount,
        Region region) implements Operation.PerPixel {

    public Vibrance {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return (amount >= 0 ? "raised" : "lowered") + " vibrance by " + Math.round(Math.abs(amount)) + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float a = (float) (amount / 100.0);
        return (atX, atY, px) -> {
            // saturation as seen: measured on sRGB-encoded values, where a brown is not "fully saturated"
            float max = Tone.perceptual(Math.max(px[0], Math.max(px[1], px[2])));
            float min = Tone.perceptual(Math.min(px[0], Math.min(px[1], px[2])));
            float s = max <= 1e-6f ? 0 : (max - min) / max;
            float k = 1 + a * 1.2f * (1 - s) * (1 - s);
            float y = Tone.luminance(px[0], px[1], px[2]);
            px[0] = Math.max(0, y + k * (px[0] - y));
            px[1] = Math.max(0, y + k * (px[1] - y));
            px[2] = Math.max(0, y + k * (px[2] - y));
        };
    }
}
