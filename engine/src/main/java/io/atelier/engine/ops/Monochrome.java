package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import java.util.Optional;

/** Black and white: every channel becomes the pixel's Rec. 709 relative luminance (linear light). */
@JsonTypeName("monochrome")
@Doc(layer = Doc.Layer.COLOUR, value = "black and white: Rec. 709 luminance")
public record Monochrome(Region region) implements Operation.Local {
    // every channel becomes Rec. 709 luminance
    private static final float[] GREY = {
            0.2126f, 0.7152f, 0.0722f,
            0.2126f, 0.7152f, 0.0722f,
            0.2126f, 0.7152f, 0.0722f};

    public Monochrome {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "converted to black and white" + region.describe();
    }

    @Override
    public LinearImage apply(LinearImage image, Optional<float[]> weights) {
        return ColourMatrix.apply(image, GREY.clone());
    }

    @Override
    public LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
        return ColourMatrix.applyInPlace(image, GREY.clone());
    }

    @Override
    public LinearImage applyBlendedInPlace(LinearImage image, float[] mask) {
        return ColourMatrix.applyBlendedInPlace(image, GREY.clone(), mask);
    }
}
