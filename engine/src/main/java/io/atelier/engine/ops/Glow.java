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
        return kind == Kind.GLOW ? glow(image) : haze(image);
    }

    private LinearImage glow(LinearImage image) {
        int w = image.width();
        int h = image.height();
        LinearImage bright = image.mapPixels(px -> {
            float l = Tone.perceptual(Tone.luminance(px[0], px[1], px[2]));
            float k = Tone.smoothstep(0.5f, 1f, l);
            px[0] *= k;
            px[1] *= k;
            px[2] *= k;
        });
        double sigma = 0.025 * Math.max(w, h);
        float[][] halo = new float[3][];
        for (int c = 0; c < 3; c++) {
            halo[c] = Kernels.gaussian(bright.channel(c), w, h, sigma);
        }
        float k = (float) (0.8 * amount / 100.0);
        return image.mapPixels((x, y, px) -> {
            int i = y * w + x;
            px[0] += k * halo[0][i];
            px[1] += k * halo[1][i];
            px[2] += k * halo[2][i];
        });
    }

    private LinearImage haze(LinearImage image) {
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
        return image.mapPixels(px -> {
            px[0] += t * (v[0] - px[0]);
            px[1] += t * (v[1] - px[1]);
            px[2] += t * (v[2] - px[2]);
        });
    }

    /** Which atmosphere. */
    public enum Kind {
        @JsonProperty("glow") GLOW,
        @JsonProperty("haze") HAZE
    }
}
