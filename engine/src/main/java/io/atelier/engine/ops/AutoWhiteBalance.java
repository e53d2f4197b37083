package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Automatic white balance, measured on the image itself, in linear light. The illuminant is estimated
 * as the mean colour of the pixels that should be neutral on average: all of them (grey world), or the
 * brightest 2% by luminance (white patch, for scenes with something white in them). Clipped pixels
 * (any channel at 0.98 or more) and near-black ones (luminance under 0.005) are left out: their ratios
 * say nothing about the light. Channel gains 1/estimate, moved toward 1 by {@code strength}, are
 * normalised so a neutral grey keeps its Rec. 709 luminance — only the colour moves, as with
 * white-balance. Both estimates scale with a global per-channel gain (up to the pixels that the gain
 * pushes past the clip or black limits), so a cast of that kind is removed whatever its strength.
 */
@JsonTypeName("auto-white-balance")
@Doc(layer = Doc.Layer.LIGHT, value = "removes a colour cast estimated from the image (grey world or white patch), luminance kept")
public record AutoWhiteBalance(
        @Param(doc = "grey-world: the whole scene averages to grey; white-patch: its brightest parts are white") Estimate estimate,
        @Param(min = 0, max = 1, doc = "how much of the estimated cast is removed") double strength) implements Operation.Global {
    private static final float CLIPPED = 0.98f;
    private static final float BLACK = 0.005f;
    private static final double BRIGHTEST = 0.02;

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "removed the colour cast (%s estimate, strength %.2f)",
                estimate == Estimate.GREY_WORLD ? "grey-world" : "white-patch", strength);
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        double[] mean = illuminant(image);
        double[] gain = new double[3];
        for (int c = 0; c < 3; c++) {
            gain[c] = 1 + strength * (mean[3] / Math.max(1e-6, mean[c]) - 1);
        }
        double norm = 1 / (0.2126 * gain[0] + 0.7152 * gain[1] + 0.0722 * gain[2]);
        return ColourMatrix.diagonal(image, gain[0] * norm, gain[1] * norm, gain[2] * norm);
    }

    /** Mean red, green and blue of the pixels the estimate trusts, and their mean luminance; grey {1, 1, 1, 1} if none. */
    private double[] illuminant(LinearImage image) {
        float[] r = image.channel(0);
        float[] g = image.channel(1);
        float[] b = image.channel(2);
        float[] y = image.luminance();
        float threshold = estimate == Estimate.WHITE_PATCH ? brightThreshold(y, r, g, b) : BLACK;
        double[] sum = new double[4];
        long n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= threshold && trusted(r[i], g[i], b[i], y[i])) {
                sum[0] += r[i];
                sum[1] += g[i];
                sum[2] += b[i];
                sum[3] += y[i];
                n++;
            }
        }
        if (n == 0) {
            return new double[] {1, 1, 1, 1};
        }
        for (int k = 0; k < 4; k++) {
            sum[k] /= n;
        }
        return sum;
    }

    // The luminance above which the brightest 2% of trusted pixels lie (values scaled into 0–1 by the brightest).
    private static float brightThreshold(float[] y, float[] r, float[] g, float[] b) {
        float max = 0;
        int n = 0;
        float[] trusted = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            if (trusted(r[i], g[i], b[i], y[i])) {
                trusted[n++] = y[i];
                max = Math.max(max, y[i]);
            }
        }
        if (n == 0 || max <= 0) {
            return BLACK;
        }
        float[] scaled = new float[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = trusted[i] / max;
        }
        return Math.max(BLACK, Tone.percentile(scaled, 1 - BRIGHTEST) * max);
    }

    private static boolean trusted(float r, float g, float b, float y) {
        return y >= BLACK && r < CLIPPED && g < CLIPPED && b < CLIPPED;
    }

    /** How the cast is estimated. */
    public enum Estimate {
        @JsonProperty("grey-world") GREY_WORLD,
        @JsonProperty("white-patch") WHITE_PATCH
    }
}
