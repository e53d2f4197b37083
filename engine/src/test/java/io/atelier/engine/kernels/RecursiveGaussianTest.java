package io.atelier.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recursive Gaussian matches OpenCV's exact convolution closely enough to stand in for it. */
class RecursiveGaussianTest {

    @ParameterizedTest
    @ValueSource(doubles = {3, 5.5, 8, 20})
    void matchesTheConvolutionClosely(double sigma) {
        int w = 301;
        int h = 203;
        float[] plane = new float[w * h];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < plane.length; i++) {
            // a ramp, a hard-edged square and noise: smooth, sharp and busy content
            int x = i % w;
            int y = i / w;
            plane[i] = (float) (0.3 * x / w + (x > 100 && x < 180 && y > 60 && y < 140 ? 0.5 : 0) + 0.2 * random.nextDouble());
        }
        float[] exact = Kernels.convolveGaussian(plane, w, h, sigma);
        float[] recursive = RecursiveGaussian.blur(plane, w, h, sigma);
        double max = 0;
        double squares = 0;
        for (int i = 0; i < plane.length; i++) {
            double d = exact[i] - recursive[i];
            max = Math.max(max, Math.abs(d));
            squares += d * d;
        }
        // Young–van Vliet's third-order fit: within 3% of the 0.5 hard edge at worst, a fraction of that on average
        assertThat(max).as("largest difference at σ=%s", sigma).isLessThan(0.015);
        assertThat(Math.sqrt(squares / plane.length)).as("rms difference at σ=%s", sigma).isLessThan(0.003);
        assertThat(RecursiveGaussian.blur(plane, w, h, sigma)).isEqualTo(recursive);
    }
}
