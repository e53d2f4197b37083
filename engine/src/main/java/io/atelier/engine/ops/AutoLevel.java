package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Auto levels, measured on the image itself: on sRGB-encoded values (where levels are drawn), the
 * {@code clip} % darkest and brightest are found (histogram percentiles) and the range between them is
 * stretched to black–white. Per channel, each of red, green and blue is stretched on its own, which
 * also neutralises a cast in the blacks and whites; on luminance, pixels are rescaled to their new
 * luminance so colours keep their ratios. A range narrower than 0.05 (a nearly flat image) is left alone
 * rather than amplifying noise.
 */
@JsonTypeName("auto-level")
@Doc(layer = Doc.Layer.LIGHT, value = "stretches the darkest and brightest clip % to black and white, per channel or on luminance")
public record AutoLevel(
        @Param(min = 0, max = 5, doc = "percent of pixels allowed to clip at each end") double clip,
        @Param(doc = "stretch red, green and blue each on its own (also removes a cast) instead of luminance") boolean perChannel)
        implements Operation.Global {
    private static final float NARROWEST = 0.05f;

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "stretched the tones so the darkest and brightest %.1f%% reach black and white%s", clip,
                perChannel ? " in each colour channel" : "");
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        if (!perChannel) {
            float[] range = range(Tone.perceptual(image.luminance()));
            return image.mapPixels(px -> {
                float lum = Tone.luminance(px[0], px[1], px[2]);
                Tone.setLuminance(px, lum, Tone.linear(stretch(Tone.perceptual(lum), range)));
            });
        }
        float[][] ranges = new float[3][];
        for (int c = 0; c < 3; c++) {
            ranges[c] = range(Tone.perceptual(image.channel(c)));
        }
        return image.mapPixels(px -> {
            for (int c = 0; c < 3; c++) {
                px[c] = Tone.linear(stretch(Tone.perceptual(px[c]), ranges[c]));
            }
        });
    }

    /** {low, high} of the encoded values, or {0, 1} (no change) when they are too close to stretch. */
    private float[] range(float[] encoded) {
        float lo = Tone.percentile(encoded, clip / 100);
        float hi = Tone.percentile(encoded, 1 - clip / 100);
        return hi - lo < NARROWEST ? new float[] {0, 1} : new float[] {lo, hi};
    }

    private static float stretch(float v, float[] range) {
        return (v - range[0]) / (range[1] - range[0]);
    }
}
