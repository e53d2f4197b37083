package io.atelier.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Area averaging weighs each input pixel by the part of it an output pixel covers, and keeps the mean. */
class AreaResampleTest {
    @Test
    void wholeAndPartlyCoveredPixelsAverageByCoverage() {
        assertThat(AreaResample.shrink(new float[] {1, 2, 3, 4}, 4, 1, 2, 1)).containsExactly(1.5f, 3.5f);
        float[] thirds = AreaResample.shrink(new float[] {1, 2, 3}, 3, 1, 2, 1);
        assertThat(thirds[0]).isCloseTo(4f / 3, within(1e-6f));
        assertThat(thirds[1]).isCloseTo(8f / 3, within(1e-6f));
        assertThat(AreaResample.shrink(new float[] {1, 2, 3, 4}, 1, 4, 1, 2)).containsExactly(1.5f, 3.5f);
    }

    @Test
    void aShrunkPlaneKeepsItsMeanAndAFlatPlaneStaysFlat() {
        int w = 1001;
        int h = 667;
        float[] plane = new float[w * h];
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) random.nextDouble();
            sum += plane[i];
        }
        // 1001 → 91 and 667 → 61: each output pixel covers exactly 11 × 11 (whole pixels; a mean-keeping case)
        float[] small = AreaResample.shrink(plane, w, h, 91, 61);
        double smallSum = 0;
        for (float v : small) {
            smallSum += v;
        }
        assertThat(smallSum / small.length).isCloseTo(sum / plane.length, within(1e-4));
        float[] flat = new float[w * h];
        java.util.Arrays.fill(flat, 0.25f);
        for (float v : AreaResample.shrink(flat, w, h, 300, 200)) {
            assertThat(v).isCloseTo(0.25f, within(1e-5f));
        }
    }

    @Test
    void eachOutputIsTheWeightedSumOfItsCoverInOrderBitForBit() {
        // the two passes, summed pixel by pixel as the definition reads (float sums, covered samples in order): the
        // kernel's row-at-a-time vertical pass, in bands of output rows, must give exactly these bits, or recorded
        // renders would change. Sizes: bands of 27 rows sharing input rows at their edges; bands of one row; the 32-row cap;
        // a plane as wide as it was.
        assertShrinksAsDefined(977, 613, 300, 211);
        assertShrinksAsDefined(97, 400, 13, 7);
        assertShrinksAsDefined(31, 2000, 5, 333);
        assertShrinksAsDefined(50, 9, 50, 4);
    }

    private static void assertShrinksAsDefined(int w, int h, int nw, int nh) {
        float[] plane = new float[w * h];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) random.nextDouble();
        }
        float[] rows = new float[nw * h];
        for (int y = 0; y < h; y++) {
            for (int o = 0; o < nw; o++) {
                rows[y * nw + o] = covered(plane, y * w, 1, w, nw, o);
            }
        }
        float[] expected = new float[nw * nh];
        for (int x = 0; x < nw; x++) {
            for (int o = 0; o < nh; o++) {
                expected[o * nw + x] = covered(rows, x, nw, h, nh, o);
            }
        }
        assertThat(AreaResample.shrink(plane, w, h, nw, nh)).containsExactly(expected);
    }

    // Output sample o of a line of `size` samples `step` apart shrunk to `newSize`: its covered samples, weighted by cover.
    private static float covered(float[] in, int start, int step, int size, int newSize, int o) {
        double scale = size / (double) newSize;
        double from = o * scale;
        double to = Math.min(size, (o + 1) * scale);
        float sum = 0;
        for (int i = (int) Math.floor(from); i < Math.min(size, (int) Math.ceil(to)); i++) {
            float weight = (float) ((Math.min(to, i + 1) - Math.max(from, i)) / (to - from));
            sum += weight * in[start + i * step];
        }
        return sum;
    }
}
