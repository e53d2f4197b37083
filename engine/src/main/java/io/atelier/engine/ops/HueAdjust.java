package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-colour edits ("richer greens", "less orange skin", "tone down the yellows") in OKLCh, where
 * changing chroma or lightness keeps the hue a person sees. Each family is centred on the Oklab hue of
 * its reference colour (reds #ff0000 at 29°, oranges #ff8000 at 53°, yellows #ffff00 at 110°, greens
 * #00ff00 at 142°, aquas #00ffff at 195°, blues #0000ff at 264°, purples #8000ff at 294°, magentas
 * #ff00ff at 328°); a pixel's weight falls from 1 at its family's centre to 0 at the neighbouring
 * centres by a smooth step, so the eight weights of any hue add up to 1 and no edit has a seam. Near-greys
 * (chroma under 0.01, fully from 0.04) have no reliable hue and are left alone. With weight w: chroma ×
 * (1 + w·saturation/100), lightness moved w·|lightness|/100 × 0.4 of the way toward white or black,
 * hue turned by w·shift degrees.
 */
@JsonTypeName("hue-adjust")
@Doc(layer = Doc.Layer.COLOUR, value = "saturation, lightness and hue of one colour family (OKLCh), smoothly weighted by hue")
public record HueAdjust(
        @Param(doc = "the colour family edited") Family colours,
        @Param(min = -100, max = 100, doc = "percent more (or less) chroma in that family; −100 is grey") double saturation,
        @Param(min = -100, max = 100, doc = "positive lightens that family, negative darkens it") double lightness,
        @Param(min = -30, max = 30, doc = "degrees the family's hue turns (positive: toward the next family, red → orange → yellow)")
        double shift,
        Region region) implements Operation.PerPixel {

    public HueAdjust {
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (saturation != 0) {
            parts.add((saturation > 0 ? "richer" : "more muted") + String.format(Locale.ROOT, " (saturation %+.0f)", saturation));
        }
        if (lightness != 0) {
            parts.add((lightness > 0 ? "lighter" : "darker") + String.format(Locale.ROOT, " (%+.0f)", lightness));
        }
        if (shift != 0) {
            parts.add(String.format(Locale.ROOT, "hue turned %+.0f°", shift));
        }
        String name = colours.name().toLowerCase(Locale.ROOT);
        return (parts.isEmpty() ? "left the " + name + " as they were" : "made the " + name + " " + String.join(", ", parts))
                + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        double[] centres = Family.centres();
        int family = colours.ordinal();
        double chromaGain = saturation / 100;
        double light = lightness / 100 * 0.4;
        return (atX, atY, px) -> {
            float r = px[0];
            float g = px[1];
            float b = px[2];
            px[0] = Math.max(0, r);
            px[1] = Math.max(0, g);
            px[2] = Math.max(0, b);
            Oklab.fromLinear(px);
            double chroma = Math.hypot(px[1], px[2]);
            double hue = Oklab.hue(px);
            double w = Tone.smoothstep(0.01, 0.04, chroma) * weight(hue, family, centres);
            if (w <= 0) { // outside the family: exactly as it was, not a round trip through Oklab
                px[0] = r;
                px[1] = g;
                px[2] = b;
                return;
            }
            double c = chroma * Math.max(0, 1 + w * chromaGain);
            double h = Math.toRadians(hue + w * shift);
            double l = px[0] + w * light * (light > 0 ? 1 - px[0] : px[0]);
            px[0] = (float) l;
            px[1] = (float) (c * Math.cos(h));
            px[2] = (float) (c * Math.sin(h));
            Oklab.toLinear(px);
            px[0] = Math.max(0, px[0]);
            px[1] = Math.max(0, px[1]);
            px[2] = Math.max(0, px[2]);
        };
    }

    /** How much a hue (degrees) belongs to family {@code f}: 1 at its centre, 0 from the neighbouring centres on. */
    static double weight(double hue, int f, double[] centres) {
        int n = centres.length;
        double before = arc(centres[(f - 1 + n) % n], centres[f]);
        double after = arc(centres[f], centres[(f + 1) % n]);
        double d = arc(centres[f], hue);
        if (d <= after) {
            return 1 - Tone.smoothstep(0, after, d);
        }
        double back = 360 - d;
        return back <= before ? 1 - Tone.smoothstep(0, before, back) : 0;
    }

    // Degrees from one hue to another, going the way hue increases: 0–360.
    private static double arc(double from, double to) {
        double d = (to - from) % 360;
        return d < 0 ? d + 360 : d;
    }

    /** The colour families, in order of hue. */
    public enum Family {
        @JsonProperty("reds") REDS("#ff0000"),
        @JsonProperty("oranges") ORANGES("#ff8000"),
        @JsonProperty("yellows") YELLOWS("#ffff00"),
        @JsonProperty("greens") GREENS("#00ff00"),
        @JsonProperty("aquas") AQUAS("#00ffff"),
        @JsonProperty("blues") BLUES("#0000ff"),
        @JsonProperty("purples") PURPLES("#8000ff"),
        @JsonProperty("magentas") MAGENTAS("#ff00ff");

        private static final double[] CENTRES = computeCentres();
        private final String reference;

        Family(String reference) {
            this.reference = reference;
        }

        /** Each family's centre hue in Oklab degrees, in enum order. */
        static double[] centres() {
            return CENTRES;
        }

        private static double[] computeCentres() {
            Family[] all = values();
            double[] centres = new double[all.length];
            for (int i = 0; i < all.length; i++) {
                float[] lab = Rgb.parse(all[i].reference).linear().clone();
                Oklab.fromLinear(lab);
                centres[i] = Oklab.hue(lab);
            }
            return centres;
        }
    }
}
