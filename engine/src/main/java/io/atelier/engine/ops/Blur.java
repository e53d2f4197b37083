package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Region;
import java.util.Locale;
import java.util.Optional;

/**
 * Gaussian blur in linear light (so bright points bloom as a lens renders them). On the subject or the
 * background it is a normalised convolution weighted by that region's mask (e.g. the background =
 * 1 − subject matte), G(img·m) / G(m): only the region's own pixels are averaged, so the subject's
 * colours do not smear into a halo around it when the result is blended back through the same mask.
 */
@JsonTypeName("blur")
@Doc(layer = Doc.Layer.FOCUS, value = "Gaussian; on subject/background a normalised convolution with the matte (no halo)")
public record Blur(
        @Param(min = 0.1, max = 5, doc = "σ as a percentage of the image's longer side") double radius,
        Region region) implements Operation.Local {

    public Blur {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "blurred (radius %.1f%%)", radius) + region.describe();
    }

    @Override
    public LinearImage apply(LinearImage image, Optional<float[]> weights) {
        boolean matte = region instanceof Region.Subject || region instanceof Region.Background;
        return gaussian(image, radius / 100.0 * Math.max(image.width(), image.height()), matte ? weights : Optional.empty());
    }

    @Override
    public LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
        boolean matte = region instanceof Region.Subject || region instanceof Region.Background;
        if (matte && weights.isPresent()) {
            return apply(image, weights);
        }
        double sigma = radius / 100.0 * Math.max(image.width(), image.height());
        for (int c = 0; c < 3; c++) {
            Kernels.gaussianInPlace(image.channel(c), image.width(), image.height(), sigma);
        }
        return image;
    }

    /** A Gaussian blur of σ pixels, normalised by {@code weight} when one is given. */
    public static LinearImage gaussian(LinearImage image, double sigma, Optional<float[]> weight) {
        int w = image.width();
        int h = image.height();
        float[][] out = new float[3][];
        if (weight.isEmpty()) {
            for (int c = 0; c < 3; c++) {
                out[c] = Kernels.gaussian(image.channel(c), w, h, sigma);
            }
            return image.withPlanes(out[0], out[1], out[2]);
        }
        float[] m = weight.get();
        float[] norm = Kernels.gaussian(m, w, h, sigma);
        for (int c = 0; c < 3; c++) {
            float[] src = image.channel(c);
            float[] weighted = new float[src.length];
            for (int i = 0; i < src.length; i++) {
                weighted[i] = src[i] * m[i];
            }
            float[] blurred = Kernels.gaussian(weighted, w, h, sigma);
            for (int i = 0; i < src.length; i++) {
                blurred[i] = norm[i] > 1e-4f ? blurred[i] / norm[i] : src[i];
            }
            out[c] = blurred;
        }
        return image.withPlanes(out[0], out[1], out[2]);
    }
}
