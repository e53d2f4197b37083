package io.atelier.engine.bench;

import io.atelier.engine.Engine;
import io.atelier.imaging.ImageLimits;
import io.atelier.engine.image.LinearImage;
import io.atelier.imaging.PngEncoder;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.subject.IsNetModel;
import io.atelier.engine.subject.IsNetSegmenter;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Time and memory of IS-Net as the worker runs it: session load, the two warm-up (cold) runs, warm
 * segmentations of a 12 MP photo, a whole background-blur render of it, and the process's peak RSS
 * (VmHWM). Run in a JVM with the worker's flags by bench/segmentation.sh; prints a Markdown section.
 */
public final class SegmentationBenchmark {
    private SegmentationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path model = IsNetModel.installed(IsNetModel.defaultDirectory())
                .orElseThrow(() -> new IllegalStateException("install the model first: ./atelier models install isnet"));
        BufferedImage photo = twelveMegapixels(Path.of(args.length > 0 ? args[0] : "docs/sample-photos/coffee.png"));
        long rssBefore = kib("VmRSS");

        long t0 = System.nanoTime();
        IsNetSegmenter segmenter = IsNetSegmenter.load(model, IsNetModel.METHOD); // session + two warm-up runs
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long rssLoaded = kib("VmRSS");

        LinearImage image = LinearImage.from(photo);
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            segmenter.detect(image);
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);

        byte[] png = PngEncoder.encode(photo);
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, segmenter);
        long t = System.nanoTime();
        RenderOutcome outcome = engine.render(png, "blur the background so only the cup stays sharp");
        double renderMs = (System.nanoTime() - t) / 1e6;
        if (!(outcome instanceof RenderOutcome.Rendered)) {
            throw new IllegalStateException("render failed: " + outcome);
        }

        System.out.printf("""
                ## Subject segmentation (IS-Net, ONNX Runtime 1.29, CPU)

                Written by `bench/segmentation.sh`: one JVM with the render worker's flags (%s), %d cores.
                Photo: `%s` enlarged to %d×%d (%.1f MP).

                | measure | value |
                |---|---:|
                | session load + two warm-up (cold) inferences | %.0f ms |
                | warm segmentation of the 12 MP photo (area-average to 1024², inference, matte back to full size), median of 5 | %.0f ms (min %.0f, max %.0f) |
                | whole render: decode PNG, segment, background blur, encode PNG + thumbnail | %.0f ms |
                | RSS before loading the model | %d MiB |
                | RSS with the model loaded | %d MiB |
                | peak RSS (VmHWM) over the run | %d MiB |
                """, String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().availableProcessors(), args.length > 0 ? args[0] : "docs/sample-photos/coffee.png",
                photo.getWidth(), photo.getHeight(), photo.getWidth() * (double) photo.getHeight() / 1e6,
                loadMs, warm[2], warm[0], warm[4], renderMs, rssBefore / 1024, rssLoaded / 1024, kib("VmHWM") / 1024);
    }

    private static BufferedImage twelveMegapixels(Path source) throws IOException {
        BufferedImage in;
        try (InputStream stream = Files.newInputStream(source)) {
            in = ImageIO.read(stream);
        }
        double scale = Math.sqrt(12e6 / (in.getWidth() * (double) in.getHeight()));
        int w = (int) Math.round(in.getWidth() * scale);
        int h = (int) Math.round(in.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static long kib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
