package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.atelier.engine.measure.Cielab;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.measure.ImageStats.Selection;
import io.atelier.engine.ops.HueAdjust.Family;
import io.atelier.engine.plan.Region;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Per-colour edits on the coffee photo: the chosen family moves, the others and the greys barely do. */
class HueAdjustTest {
    // by CIELAB hue on the source: the crema and the table are orange, the saucer and cup red
    private static final Selection ORANGES = byHue(50, 80);
    private static final Selection REDS = byHue(20, 45);
    private static final Selection GREYS = (x, y) -> chroma(Cielab.fromRgb(COFFEE.getRGB(x, y))) < 4;

    @Test
    void lessOrangeMutesTheOrangesAndBarelyTouchesTheRedsAndGreys() {
        BufferedImage out = run(COFFEE, new HueAdjust(Family.ORANGES, -60, 0, 0, Region.WHOLE));
        // measured: chroma of the oranges 45.6 → 18.9, of the reds 52.6 → 49.6; greys within ΔE 2
        assertThat(ImageStats.meanChroma(out, ORANGES)).isLessThan(ImageStats.meanChroma(COFFEE, ORANGES) * 0.5);
        assertThat(ImageStats.meanChroma(out, REDS)).isGreaterThan(ImageStats.meanChroma(COFFEE, REDS) * 0.9);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, GREYS)).isLessThan(2.5);
    }

    @Test
    void richerGreensFindNoGreenInACoffeePhoto() {
        assertThat(ImageStats.maxDeltaE(run(COFFEE, new HueAdjust(Family.GREENS, 60, 0, 0, Region.WHOLE)), COFFEE, Selection.ALL))
                .isLessThan(3);
    }

    @Test
    void shiftAndLightnessMoveTheRedsTowardOrangeAndDown() {
        double hueBefore = hue(ImageStats.meanLab(COFFEE, REDS));
        double hueAfter = hue(ImageStats.meanLab(run(COFFEE, new HueAdjust(Family.REDS, 0, 0, 20, Region.WHOLE)), REDS));
        assertThat(hueAfter - hueBefore).isBetween(4.0, 20.0); // measured 40.2° → 47.8°
        double lBefore = ImageStats.meanLab(COFFEE, REDS)[0];
        BufferedImage darker = run(COFFEE, new HueAdjust(Family.REDS, 0, -50, 0, Region.WHOLE));
        assertThat(ImageStats.meanLab(darker, REDS)[0]).isLessThan(lBefore - 5); // measured 28.0 → 20.2
        assertThat(ImageStats.maxDeltaE(darker, COFFEE, GREYS)).isLessThan(2.5);
    }

    @Test
    void noChangeIsExactlyNoChange() {
        assertThat(ImageStats.maxDeltaE(run(COFFEE, new HueAdjust(Family.REDS, 0, 0, 0, Region.WHOLE)), COFFEE, Selection.ALL)).isZero();
    }

    @Test
    void theEightFamilyWeightsOfEveryHueAddUpToOne() {
        double[] centres = Family.centres();
        assertThat(centres[Family.REDS.ordinal()]).isCloseTo(29.2, offset(0.1));
        for (double hue = 0; hue < 360; hue += 0.5) {
            double sum = 0;
            for (Family f : Family.values()) {
                sum += HueAdjust.weight(hue, f.ordinal(), centres);
            }
            assertThat(sum).as("hue %s", hue).isCloseTo(1, offset(1e-9));
        }
        assertThat(HueAdjust.weight(centres[Family.GREENS.ordinal()], Family.GREENS.ordinal(), centres)).isEqualTo(1);
    }

    @Test
    void oklabMatchesItsPublishedRedAndRoundTrips() {
        float[] red = {1, 0, 0};
        Oklab.fromLinear(red);
        assertThat(red[0]).isCloseTo(0.628f, offset(0.001f)); // Oklab of sRGB red: L 0.628, C 0.258, h 29.2°
        assertThat((float) Math.hypot(red[1], red[2])).isCloseTo(0.258f, offset(0.001f));
        float[] px = {0.8f, 0.2f, 0.05f};
        Oklab.fromLinear(px);
        Oklab.toLinear(px);
        assertThat(px).containsExactly(new float[] {0.8f, 0.2f, 0.05f}, offset(1e-4f));
    }

    private static Selection byHue(double from, double to) {
        return (x, y) -> {
            double[] lab = Cielab.fromRgb(COFFEE.getRGB(x, y));
            double h = hue(lab);
            return chroma(lab) > 15 && h > from && h < to;
        };
    }

    private static double chroma(double[] lab) {
        return Math.hypot(lab[1], lab[2]);
    }

    private static double hue(double[] lab) {
        double h = Math.toDegrees(Math.atan2(lab[2], lab[1]));
        return h < 0 ? h + 360 : h;
    }
}
