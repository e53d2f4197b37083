package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.measure.ImageStats.Selection;
import io.atelier.engine.plan.Region;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Auto levels stretch the measured 0.5 % / 99.5 % points to black and white, on the coffee photo. */
class AutoLevelTest {

    @Test
    void perChannelTheDarkestAndBrightestHalfPercentReachBlackAndWhite() {
        // coffee.png: red spans 15–249, green 2–247, blue 0–251 between its 0.5 % and 99.5 % points
        assertThat(percentiles(COFFEE, 16)).containsExactly(15, 249);
        BufferedImage out = run(COFFEE, new AutoLevel(0.5, true));
        for (int shift : new int[] {16, 8, 0}) {
            assertThat(percentiles(out, shift)).as("channel at bit %s", shift).containsExactly(0, 255);
        }
    }

    @Test
    void onLuminanceAFlattenedPhotoGetsItsRangeBackAndKeepsItsColour() {
        double original = ImageStats.lightnessSpread(COFFEE, Selection.ALL);
        BufferedImage flat = run(COFFEE, new Contrast(-60, Region.WHOLE));
        BufferedImage levelled = run(COFFEE, new Contrast(-60, Region.WHOLE), new AutoLevel(0.5, false));
        // measured: spread of L* 23.2 in the photo, 14.6 flattened, 24.4 levelled
        assertThat(ImageStats.lightnessSpread(flat, Selection.ALL)).isLessThan(original * 0.7);
        assertThat(ImageStats.lightnessSpread(levelled, Selection.ALL)).isGreaterThan(original);
        double hueBefore = hue(ImageStats.meanLab(flat, Selection.ALL));
        assertThat(hue(ImageStats.meanLab(levelled, Selection.ALL))).isCloseTo(hueBefore, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void aFlatImageIsLeftAsItIs() {
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                grey.setRGB(x, y, 0x707070 + (x % 2)); // a range of one level: nothing to stretch
            }
        }
        assertThat(ImageStats.maxDeltaE(run(grey, new AutoLevel(0.5, true)), grey, Selection.ALL)).isLessThan(0.5);
    }

    private static int[] percentiles(BufferedImage image, int shift) {
        int[] v = new int[image.getWidth() * image.getHeight()];
        int k = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                v[k++] = (image.getRGB(x, y) >> shift) & 0xFF;
            }
        }
        Arrays.sort(v);
        return new int[] {v[(int) (v.length * 0.005)], v[(int) (v.length * 0.995)]};
    }

    private static double hue(double[] lab) {
        return Math.toDegrees(Math.atan2(lab[2], lab[1]));
    }
}
