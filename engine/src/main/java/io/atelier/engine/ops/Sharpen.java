package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Region;

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
        Region region) implements Operation.PerPixel {

    public Sharpen {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "sharpened by " + Math.round(amount) + "%" + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        return unsharp(image, (float) (amount / 100.0), radius, false);
    }

    /**
     * An unsharp mask on perceptual lightness, as the change to one pixel: from its own value and the blurred lightness
     * at its place, which is computed first, so the function may run over the frame in place. One plane beside the frame.
     */
    static LinearImage.PositionalPixelFunction unsharp(LinearImage image, float k, double sigma, boolean midtones) {
        int w = image.width();
        int h = image.height();
        float[] soft = image.luminance();
        for (int i = 0; i < soft.length; i++) {
            soft[i] = Tone.perceptual(soft[i]);
        }
        Kernels.gaussianInPlace(soft, w, h, sigma);
        return (x, row, px) -> {
            int i = row * w + x;
            float y = Tone.luminance(px[0], px[1], px[2]); // LinearImage.luminance's expression: the same value
            float l = Tone.perceptual(y);
            float weight = midtones ? 4 * l * (1 - l) : 1;
            float sharpened = l + k * weight * (l - soft[i]);
            Tone.setLuminance(px, y, Tone.linear(sharpened));
        };
    }
}
