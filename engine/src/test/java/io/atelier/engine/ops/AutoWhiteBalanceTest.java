package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.measure.Cielab;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.measure.ImageStats.Selection;
import io.atelier.engine.ops.AutoWhiteBalance.Estimate;
import io.atelier.engine.plan.Region;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Automatic white balance on the coffee photo: a cast added on purpose is taken out again. */
class AutoWhiteBalanceTest {
    private static final Selection WHITES = (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] > 85; // the cup's inside, highlights

    @ParameterizedTest
    @EnumSource(Estimate.class)
    void aBlueCastIsRemovedAsIfItHadNeverBeenThere(Estimate estimate) {
        BufferedImage cast = run(COFFEE, new WhiteBalance(-40, 0, Region.WHOLE));
        BufferedImage fromOriginal = run(COFFEE, new AutoWhiteBalance(estimate, 1));
        BufferedImage fromCast = run(COFFEE, new WhiteBalance(-40, 0, Region.WHOLE), new AutoWhiteBalance(estimate, 1));
        double castShift = Cielab.deltaE76(ImageStats.meanLab(cast, Selection.ALL), ImageStats.meanLab(COFFEE, Selection.ALL));
        double left = Cielab.deltaE76(ImageStats.meanLab(fromCast, Selection.ALL), ImageStats.meanLab(fromOriginal, Selection.ALL));
        // measured: the cast moves the mean colour by ΔE 6.0; balanced, the two differ by 0.5 (grey world), 0.7 (white patch)
        assertThat(castShift).isGreaterThan(5);
        assertThat(left).isLessThan(castShift / 5);
        assertThat(ImageStats.maxDeltaE(fromCast, fromOriginal, Selection.ALL)).isLessThan(3);
    }

    @Test
    void whitePatchNeutralisesTheCupsWarmWhiteAndKeepsItsLightness() {
        BufferedImage out = run(COFFEE, new AutoWhiteBalance(Estimate.WHITE_PATCH, 1));
        double[] before = ImageStats.meanLab(COFFEE, WHITES);
        double[] after = ImageStats.meanLab(out, WHITES);
        // measured: a*, b* of the whites 2.4, 9.9 → 0.3, 4.4; L* 92.7 → 92.4
        assertThat(Math.hypot(after[1], after[2])).isLessThan(Math.hypot(before[1], before[2]) * 0.5);
        assertThat(after[0]).isCloseTo(before[0], org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void greyWorldPullsTheWholeSceneTowardGreyAndStrengthScalesIt() {
        double chroma = ImageStats.meanChroma(COFFEE, Selection.ALL);
        double full = ImageStats.meanChroma(run(COFFEE, new AutoWhiteBalance(Estimate.GREY_WORLD, 1)), Selection.ALL);
        double half = ImageStats.meanChroma(run(COFFEE, new AutoWhiteBalance(Estimate.GREY_WORLD, 0.5)), Selection.ALL);
        assertThat(full).isLessThan(chroma * 0.6);
        assertThat(half).isBetween(full, chroma);
        assertThat(ImageStats.maxDeltaE(run(COFFEE, new AutoWhiteBalance(Estimate.GREY_WORLD, 0)), COFFEE, Selection.ALL)).isLessThan(0.5);
    }
}
