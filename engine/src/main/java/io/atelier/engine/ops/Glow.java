package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Region;
import java.util.Locale;
import java.util.Optional;

/**
 * Atmosphere. Glow: the bright parts (perceptual lightness above 0.5, smoothly) are blurred with σ =
 * 2.5% of the longer side and added back at 0.8 × amount/100 — light blooming as in a soft lens.
 * Haze: the image is blended toward a veil of its own brightest average colour (mean of pixels above the
 * 90th luminance percentile) by 0.35 × amount/100, lifting blacks and lowering contrast as air does.
 */
@JsonTypeName("glow")
@Doc(layer = Doc.Layer.LIGHT, value = "`glow` (bloom of bright areas) or `haze` (veil of the scene's highlight colour)")
public record Glow(
        @Param(doc = "glow: light blooming from bright areas; haze: a veil of the scene's highlight colour") Kind kind,
        @Param(min = 0, max = 100, doc = "how strong") double amount,
        Region region) implements Operation.Local {

    public Glow {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "added " + kind.name().toLowerCase(Locale.ROOT) + " (" + Math.round(amount) + ")" + region.describe();
    }

    @Override
    public LinearImage apply(LinearImage image, Optional<float[]> weights) {
        return kind == Kind.GLOW ? glow(image) : image.mapPixels(haze(image));
    }

    @Override
    public LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
        if (kind == Kind.HAZE) {
            return image.mapPixelsInPlace(haze(image), Optional.empty());
        }
        float[] bright = brightness(image);
        for (int c = 0; c < 3; c++) {
            float[] glowed = glowed(image.channel(c), bright, image.width(), image.height()); // reads plane c alone
            System.arraycopy(glowed, 0, image.channel(c), 0, glowed.length);
        }
        return image;
    }

    // A plane at a time (glow) or pixel by pixel (haze), each blended back as it is made: one or two planes beside the
    // frame where a whole edited copy was three
    @Override
    public LinearImage applyBlendedInPlace(LinearImage image, float[] mask) {
        if (kind == Kind.HAZE) {
            return image.mapPixelsInPlace(haze(image), Optional.of(mask));
        }
        float[] bright = brightness(image);
        for (int c = 0; c < 3; c++) {
            image.blendPlaneInPlace(c, glowed(image.channel(c), bright, image.width(), image.height()), mask);
        }
        return image;
    }

    private LinearImage glow(LinearImage image) {
        float[] bright = brightness(image);
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = glowed(image.channel(c), bright, image.width(), image.height());
        }
        return image.withPlanes(out[0], out[1], out[2]);
    }

    // How much of each pixel blooms: its perceptual lightness above 0.5, smoothly.
    private static float[] brightness(LinearImage image) {
        float[] k = image.luminance();
        for (int i = 0; i < k.length; i++) {
            k[i] = Tone.smoothstep(0.5f, 1f, Tone.perceptual(k[i]));
        }
        return k;
    }

    // One colour plane with its bright parts' halo added, as a new plane.
    private float[] glowed(float[] src, float[] bright, int w, int h) {
        float[] halo = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            halo[i] = src[i] * bright[i];
        }
        Kernels.gaussianInPlace(halo, w, h, 0.025 * Math.max(w, h));
        float k = (float) (0.8 * amount / 100.0);
        for (int i = 0; i < src.length; i++) {
            halo[i] = src[i] + k * halo[i];
        }
        return halo;
    }

    // The veil of the scene's highlight colour, as the change to one pixel.
    private LinearImage.PositionalPixelFunction haze(LinearImage image) {
        float[] y = image.luminance();
        float threshold = Tone.percentile(y, 0.9);
        double[] veil = new double[3];
        long n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= threshold) {
                for (int c = 0; c < 3; c++) {
                    veil[c] += image.channel(c)[i];
                }
                n++;
            }
        }
        float[] v = new float[3];
        for (int c = 0; c < 3; c++) {
            v[c] = (float) Math.min(1, veil[c] / Math.max(1, n));
        }
        float t = (float) (0.35 * amount / 100.0);
        return (x, row, px) -> {
            px[0] += t * (v[0] - px[0]);
            px[1] += t * (v[1] - px[1]);
            px[2] += t * (v[2] - px[2]);
        };
    }

    /** Which atmosphere. */
    public enum Kind {
        @JsonProperty("glow") GLOW,
        @JsonProperty("haze") HAZE
    }
}
