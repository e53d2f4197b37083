package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import java.util.Locale;
import java.util.Optional;

/**
 * White balance: per-channel gains in linear light. Temperature +100 multiplies red by 1.4 and blue
 * by 0.6 (a strong warm cast); tint +100 lowers green by 0.2 (magenta). Gains are normalised so a
 * neutral grey keeps its Rec. 709 luminance: only the colour moves, not the exposure.
 */
@JsonTypeName("white-balance")
@Doc(layer = Doc.Layer.LIGHT, value = "luminance-neutral channel gains")
public record WhiteBalance(
        @Param(min = -100, max = 100, doc = "positive warms (red up, blue down), negative cools") double temperature,
        @Param(min = -100, max = 100, doc = "positive adds magenta, negative green") double tint,
        Region region) implements Operation.Local {

    public WhiteBalance {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s the colour temperature by %.0f", temperature >= 0 ? "warmed" : "cooled",
                Math.abs(temperature)) + (tint == 0 ? "" : String.format(Locale.ROOT, ", tint %+.0f", tint))
                + region.describe();
    }

    @Override
    public LinearImage apply(LinearImage image, Optional<float[]> weights) {
        return ColourMatrix.apply(image, gains());
    }

    @Override
    public LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
        return ColourMatrix.applyInPlace(image, gains());
    }

    @Override
    public LinearImage applyBlendedInPlace(LinearImage image, float[] mask) {
        return ColourMatrix.applyBlendedInPlace(image, gains(), mask);
    }

    private float[] gains() {
        double t = temperature / 100.0;
        double rGain = 1 + 0.4 * t;
        double bGain = 1 - 0.4 * t;
        double gGain = 1 - 0.2 * (tint / 100.0);
        double norm = 1 / (0.2126 * rGain + 0.7152 * gGain + 0.0722 * bGain);
        return ColourMatrix.diagonalMatrix(rGain * norm, gGain * norm, bGain * norm);
    }
}
