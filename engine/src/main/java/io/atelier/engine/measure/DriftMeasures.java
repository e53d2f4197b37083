package io.atelier.engine.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How far one image has moved from a reference (the original photo, or a step's parent): structure,
 * colour, tone and the dominant colours left. Every figure is 0 (or 1 for {@code ssim}) when nothing changed.
 *
 * @param reframed the candidate has another shape (a crop or reframe)
 * @param aligned the figures compare the same part of the scene: always when the shape is unchanged, and after a
 *        crop when the new frame was found inside the reference; when false, structure and per-pixel figures compare
 *        a resampled grid and only the look (colour temperature, exposure, colour content) counts
 * @param ssim structural similarity of luminance, 1 = same structure, towards 0 = unrelated
 * @param meanDeltaE mean CIELAB ΔE76 per pixel (about 1 is the smallest difference people notice)
 * @param p95DeltaE 95th percentile of ΔE76 per pixel: a strong local change shows here before in the mean
 * @param histogramDistance Hellinger distance of the two a*b* (chromaticity) histograms: 0 = same colours in the
 *        same amounts, 1 = none shared; independent of lightness and framing
 * @param temperatureShiftKelvin change of the overall colour temperature (McCamy, from the mean chromaticity); negative = warmer
 * @param exposureShiftStops change of mean linear luminance in stops; +1 = twice as bright
 * @param dominantColours the candidate's main colours, largest share first
 * @param window where a crop was found in the reference: {x, y, width, height} as fractions of the reference's
 *        width and height (so a viewer can lay the reference's matching part under it); empty when the shape is
 *        unchanged or the new frame was not found
 */
public record DriftMeasures(
        boolean reframed,
        boolean aligned,
        double ssim,
        double meanDeltaE,
        double p95DeltaE,
        double histogramDistance,
        double temperatureShiftKelvin,
        double exposureShiftStops,
        List<DominantColour> dominantColours,
        List<Double> window) {

    /** Drift score from which a studio should warn (see docs/drift.md for how it was chosen). */
    public static final double WARN_FROM = 50;

    public DriftMeasures {
        dominantColours = List.copyOf(dominantColours);
        window = List.copyOf(window);
    }

    /**
     * One 0–100 figure for a meter: the largest of tone (two stops = full scale), colour temperature
     * (2 000 K = full scale) and, when aligned, lost structure (1 − SSIM) and per-pixel colour difference
     * (mean ΔE76 of 25 = full scale); when not aligned, changed colour content (histogram distance) instead
     * of the last two. A crop found in its reference therefore scores near zero, and later edits are
     * measured against the part of the original they show.
     */
    @JsonProperty("score")
    public double score() {
        double tone = Math.max(Math.abs(exposureShiftStops) / 2, Math.abs(temperatureShiftKelvin) / 2000);
        double worst = aligned ? Math.max(tone, Math.max(1 - ssim, meanDeltaE / 25)) : Math.max(tone, histogramDistance);
        return Math.round(1000 * Math.min(1, Math.max(0, worst))) / 10.0;
    }

    /** Whether the drift is large enough to warn about. */
    @JsonProperty("warns")
    public boolean warns() {
        return score() >= WARN_FROM;
    }
}
