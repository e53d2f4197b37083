package io.atelier.engine.bench;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.ColourMatrix;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's heavy kernels on a decoded 4096×4096 RGB image (linear-light float planes): the same
 * three operations bench/compare-kernels.sh times in libvips and ImageMagick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
// A pre-touched heap, as in a long-running worker: the first touch of fresh pages is slow on VMs and is not the kernel.
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "--enable-native-access=ALL-UNNAMED"})
public class KernelBenchmark {
    static final int SIZE = 4096;

    private LinearImage image;
    // A warm-up-like grade: the same matrix the comparison script gives vips recomb and magick -color-matrix.
    private final float[] matrix = {0.9f, 0.1f, 0.0f, 0.05f, 0.9f, 0.05f, 0.0f, 0.1f, 0.9f};

    @Setup
    public void setUp() {
        image = LinearImage.from(testPattern(SIZE));
    }

    /** Smooth gradients plus seeded noise: compressible like a photo, never constant. */
    static BufferedImage testPattern(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(42);
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = (x * 255 / size + random.nextInt(24)) & 0xFF;
                int g = (y * 255 / size + random.nextInt(24)) & 0xFF;
                int b = ((x + y) * 127 / size + random.nextInt(24)) & 0xFF;
                row[x] = r << 16 | g << 8 | b;
            }
            img.setRGB(0, y, size, 1, row, 0, size);
        }
        return img;
    }

    @Benchmark
    public LinearImage gaussianBlurSigma8() {
        return Blur.gaussian(image, 8, Optional.empty());
    }

    /** The same blur by OpenCV's convolution: the evidence for using the recursive filter at large σ. */
    @Benchmark
    public float[][] gaussianBlurSigma8OpenCvConvolution() {
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = Kernels.convolveGaussian(image.channel(c), SIZE, SIZE, 8);
        }
        return out;
    }

    @Benchmark
    public float[][] resizeTo1024() {
        float[][] out = new float[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = Kernels.resizeArea(image.channel(c), SIZE, SIZE, 1024, 1024);
        }
        return out;
    }

    @Benchmark
    public LinearImage colourMatrix() {
        return ColourMatrix.apply(image, matrix);
    }
}
