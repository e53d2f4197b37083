package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;

/**
 * Highlight and shadow recovery on perceptual luminance: highlights move by up to 0.25 of the range
 * (weighted by a smooth step over 0.5–1), shadows by up to 0.25 (weighted over 0.5–0); midtones barely move.
 */
@JsonTypeName("tone-recovery")
@Doc(layer = Doc.Layer.LIGHT, value = "highlights down/up, shadows lifted/deepened, each only in its range")
public record ToneRecovery(
        @Param(min = -100, max = 100, doc = "negative pulls bright areas down, positive brightens them") double highlights,
        @Param(min = -100, max = 100, doc = "positive lifts dark areas, negative deepens them") double shadows,
        Region region) implements Operation.PerPixel {

    public ToneRecovery {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        String h = highlights == 0 ? "" : (highlights < 0 ? "recovered highlights by " : "brightened highlights by ")
                + Math.round(Math.abs(highlights));
        String s = shadows == 0 ? "" : (shadows > 0 ? "lifted shadows by " : "deepened shadows by ") + Math.round(Math.abs(shadows));
        return (h.isEmpty() ? s : s.isEmpty() ? h : h + " and " + s) + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        float h = (float) (highlights / 100.0 * 0.25);
        float s = (float) (shadows / 100.0 * 0.25);
        return (atX, atY, px) -> {
            float y = Tone.luminance(px[0], px[1], px[2]);
            float l = Tone.perceptual(y);
            float wh = Tone.smoothstep(0.5f, 1f, l);
            float ws = 1 - Tone.smoothstep(0f, 0.5f, l);
            float moved = l + h * wh * (h < 0 ? l : 1 - l) * 2 + s * ws * (s > 0 ? 1 - l : l) * 2;
            Tone.setLuminance(px, y, Tone.linear(moved));
        };
    }
}
