package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/**
 * Film grain: zero-mean value noise on perceptual lightness (lattice spacing = size px, two octaves),
 * amplitude 0.12 × amount/100 weighted by √(4l(1 − l)) so it sits in the midtones as film's does and
 * leaves pure black and white clean. Seeded by position: identical on every run and thread.
 */
@JsonTypeName("grain")
@Doc(layer = Doc.Layer.POLISH, value = "seeded value noise in the midtones")
public record Grain(
        @Param(min = 0, max = 100, doc = "how strong") double amount,
        @Param(min = 1, max = 4, doc = "clump size in pixels") double size,
        @Param(doc = "noise seed: the same seed gives the same grain") long seed) implements Operation.Global {

    @Override
    public String describe() {
        return "added film grain (" + Math.round(amount) + ")";
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        float a = (float) (0.12 * amount / 100.0);
        return image.mapPixels((x, y, px) -> {
            float n = Noise.fbm(seed, x / size, y / size, 2) * 1.6f;
            float lum = Tone.luminance(px[0], px[1], px[2]);
            float l = Tone.perceptual(lum);
            float weight = (float) Math.sqrt(Math.max(0, 4 * l * (1 - l)));
            Tone.setLuminance(px, lum, Tone.linear(l + a * weight * n));
        });
    }
}
