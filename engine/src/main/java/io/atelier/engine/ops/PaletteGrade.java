package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.Cielab;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.util.List;

/**
 * Grading toward a palette in CIELAB. Each pixel's target chroma is the palette's a*b* averaged with
 * weights 1/(distance² + 25) from the pixel's own a*b*, so it leans to the nearest palette colour; the
 * pixel's a*b* moves toward it by strength × min(1, 0.3 + chroma/25) — near-greys move less, so whites
 * stay clean — and its L* is kept.
 */
@JsonTypeName("palette-grade")
@Doc(layer = Doc.Layer.COLOUR, value = "CIELAB a*b* pulled toward named palettes (earthy, teal and orange, pastel) or given colours; "
        + "L* kept")
public record PaletteGrade(
        @Param(doc = "the palette's name, for people") String name,
        @Param(doc = "1 to 12 colours") List<Rgb> palette,
        @Param(min = 0, max = 1, doc = "how far toward the palette") double strength,
        Region region) implements Operation.PerPixel {

    public PaletteGrade {
        if (palette != null) {
            palette = List.copyOf(palette);
            if (palette.isEmpty() || palette.size() > 12) {
                throw new IllegalArgumentException("a palette has 1 to 12 colours");
            }
        }
        region = Region.orWhole(region);
    }

    @Override
    public String describe() {
        return "graded toward the " + name + " palette" + region.describe();
    }

    @Override
    public LinearImage.PositionalPixelFunction pixels(LinearImage image) {
        double[][] ab = new double[palette.size()][];
        for (int p = 0; p < ab.length; p++) {
            float[] lin = palette.get(p).linear();
            double[] lab = Cielab.fromLinear(lin[0], lin[1], lin[2]);
            ab[p] = new double[] {lab[1], lab[2]};
        }
        return (atX, atY, px) -> {
            double[] lab = Cielab.fromLinear(Math.max(0, px[0]), Math.max(0, px[1]), Math.max(0, px[2]));
            double wsum = 0;
            double ta = 0;
            double tb = 0;
            for (double[] c : ab) {
                double da = c[0] - lab[1];
                double db = c[1] - lab[2];
                double wgt = 1 / (da * da + db * db + 25);
                wsum += wgt;
                ta += wgt * c[0];
                tb += wgt * c[1];
            }
            ta /= wsum;
            tb /= wsum;
            double chroma = Math.hypot(lab[1], lab[2]);
            double k = strength * Math.min(1, 0.3 + chroma / 25);
            double[] rgb = Cielab.toLinear(lab[0], lab[1] + k * (ta - lab[1]), lab[2] + k * (tb - lab[2]));
            px[0] = (float) Math.max(0, rgb[0]);
            px[1] = (float) Math.max(0, rgb[1]);
            px[2] = (float) Math.max(0, rgb[2]);
        };
    }
}
