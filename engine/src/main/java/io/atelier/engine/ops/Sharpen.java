package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Region;
import java.util.Optional;

/**
 * Unsharp masking on perceptual lightness: l' = l + k·w(l)·(l − G_σ(l)), then each pixel is rescaled
 * to its new luminance (colour kept). Sharpen uses a small σ and w = 1; {@link Clarity} runs the same
 * mask wide and midtone-weighted.
 */
@JsonTypeName("sharpen")
@Doc(layer = Doc.Layer.FOCUS, value = "unsharp mask on perceptual lightness")
public record Sharpen(
        @Param(min = 0, max = 300, doc = "percent of the detail added back") double amount,
        @Param(min = 0.3, max = 5, doc = "σ in pixels") double radius,
        Region region) implements Operation.Local {

    public Sharpen {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "sharpened by " + Math.round(amount) + "%" + region.describe();
    }

    @Override
    public LinearImage apply(LinearImage image, Optional<float[]> weights) {
        return unsharp(image, (float) (amount / 100.0), radius, false);
    }

    static LinearImage unsharp(LinearImage image, float k, double sigma, boolean midtones) {
        int w = image.width();
        int h = image.height();
        float[] y = image.luminance();
        float[] l = Tone.perceptual(y);
        float[] soft = Kernels.gaussian(l, w, h, sigma);
        return image.mapPixels((x, row, px) -> {
            int i = row * w + x;
            float weight = midtones ? 4 * l[i] * (1 - l[i]) : 1;
            float sharpened = l[i] + k * weight * (l[i] - soft[i]);
            Tone.setLuminance(px, y[i], Tone.linear(sharpened));
        });
    }
}
