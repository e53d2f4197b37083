package io.atelier.engine.bench;

import io.atelier.engine.measure.Drift;
import io.atelier.engine.measure.DriftCandidate;
import io.atelier.engine.measure.DriftMeasures;
import io.atelier.imaging.Thumbnails;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * The drift measure every rendered step pays, whatever the photo's size: a step's thumbnail against its parent's
 * (320 px long side), here the sample photo against its mirror image. On a small photo it is a large part of the render.
 * A chained step is measured a second time, against the session's original, with its own side already worked out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
public class DriftBenchmark {
    private BufferedImage parent;
    private BufferedImage step;
    private BufferedImage original;
    private int width;
    private int height;

    @Setup
    public void setUp() {
        BufferedImage photo;
        try {
            photo = ImageIO.read(Path.of(System.getProperty("atelier.photo", "docs/sample-photos/coffee.png")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        width = photo.getWidth();
        height = photo.getHeight();
        parent = Thumbnails.fit(photo, Thumbnails.DEFAULT_SIZE);
        step = new BufferedImage(parent.getWidth(), parent.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < parent.getHeight(); y++) {
            for (int x = 0; x < parent.getWidth(); x++) {
                step.setRGB(parent.getWidth() - 1 - x, y, parent.getRGB(x, y));
            }
        }
        // the session's original: the parent is a warmer version of it
        original = new BufferedImage(parent.getWidth(), parent.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < parent.getHeight(); y++) {
            for (int x = 0; x < parent.getWidth(); x++) {
                int rgb = parent.getRGB(x, y);
                original.setRGB(x, y, (rgb & 0x00ff00) | (Math.max(0, ((rgb >> 16) & 0xff) - 12) << 16) | Math.min(255, (rgb & 0xff) + 12));
            }
        }
    }

    @Benchmark
    public DriftMeasures mirroredStepAgainstItsParent() {
        return Drift.between(parent, width, height, step, width, height);
    }

    // What the worker adds for a chained step: the step, already measured against its parent, against the original.
    @Benchmark
    public DriftMeasures chainedStepAgainstTheOriginalToo() {
        DriftCandidate candidate = new DriftCandidate(step, width, height);
        Drift.between(parent, width, height, candidate);
        return Drift.between(original, width, height, candidate);
    }
}
