package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import java.util.Optional;

/**
 * Gaussian blur in linear light (so bright points bloom as a lens renders them). With a weight mask
 * (the region being blurred, e.g. the background = 1 − subject matte) it is a normalised convolution,
 * G(img·m) / G(m): only the region's own pixels are averaged, so the subject's colours do not smear
 * into a halo around it when the result is blended back through the same mask.
 */
public final class Blur {
    private Blur() {
    }

    public static LinearImage apply(LinearImage image, double sigma, Optional<float[]> weight) {
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
