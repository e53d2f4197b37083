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
        return gaussian(image, sigma(image), averagesWithin(weights));
    }

    @Override
    public LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
        if (averagesWithin(weights).isPresent()) {
            return apply(image, weights);
        }
        double sigma = sigma(image);
        for (int c = 0; c < 3; c++) {
            Kernels.gaussianInPlace(image.channel(c), image.width(), image.height(), sigma);
        }
        return image;
    }

    // A plane at a time: a 24 MP background blur holds one blurred plane (96 MB) beside the frame, where a blurred copy
    // held three and did not fit the worker's heap.
    @Override
    public LinearImage applyBlendedInPlace(LinearImage image, float[] mask) {
        int w = image.width();
        int h = image.height();
        double sigma = sigma(image);
        Optional<float[]> within = averagesWithin(Optional.of(mask));
        float[] norm = within.map(m -> Kernels.gaussian(m, w, h, sigma)).orElse(null);
        for (int c = 0; c < 3; c++) {
            image.blendPlaneInPlace(c, plane(image.channel(c), w, h, sigma, within, norm), mask);
        }
        return image;
    }

    /** A Gaussian blur of σ pixels, normalised by {@code weight} when one is given. */
    public static LinearImage gaussian(LinearImage image, double sigma, Optional<float[]> weight) {
        int w = image.width();
        int h = image.height();
        float[] norm = weight.map(m -> Kernels.gaussian(m, w, h, sigma)).orElse(null);
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = plane(image.channel(c), w, h, sigma, weight, norm);
        }
        return image.withPlanes(out[0], out[1], out[2]);
    }

    // One colour plane blurred, as a new plane; with a weight, only values inside it are averaged (norm: the blurred weight).
    private static float[] plane(float[] src, int w, int h, double sigma, Optional<float[]> weight, float[] norm) {
        if (weight.isEmpty()) {
            return Kernels.gaussian(src, w, h, sigma);
        }
        float[] m = weight.get();
        float[] blurred = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            blurred[i] = src[i] * m[i];
        }
        Kernels.gaussianInPlace(blurred, w, h, sigma);
        for (int i = 0; i < src.length; i++) {
            blurred[i] = norm[i] > 1e-4f ? blurred[i] / norm[i] : src[i];
        }
        return blurred;
    }

    private double sigma(LinearImage image) {
        return radius / 100.0 * Math.max(image.width(), image.height());
    }

    // A subject or background blur averages only within its mask, so the other side's colours do not bleed in.
    private Optional<float[]> averagesWithin(Optional<float[]> weights) {
        return region instanceof Region.Subject || region instanceof Region.Background ? weights : Optional.empty();
    }
}
