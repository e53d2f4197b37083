package io.atelier.engine.bench;

import io.atelier.engine.Engine;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Resize;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Region;
import io.atelier.engine.planner.Planners;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.render.Renderer;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.engine.subject.IsNetModel;
import io.atelier.engine.subject.SubjectDetectors;
import io.atelier.imaging.DecodedImage;
import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.PlainJpeg;
import io.atelier.engine.image.NativeJpeg;
import io.atelier.engine.image.PngFrames;
import io.atelier.imaging.PngEncoder;
import io.atelier.imaging.Thumbnails;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One whole render as the worker does it, in its own process, for bench/render.sh to time against libvips:
 * decode the input, run one operation's plan, encode the PNG and its thumbnail (and measure drift), write the PNG.
 * The plans are the ones the built-in planner makes for the words in {@link #plan}; they are given directly so
 * the timing does not include loading the planner's sentence model, which a worker loads once, not per render.
 * Usage: {@code RenderMain warm|blur|resize|bright|bgblur INPUT OUTPUT.png [--phases | --warm N]}; with --phases it prints each stage's
 * time; with --warm N it renders once to start up (JVM, OpenCV's native libraries) and then N more times, reading the
 * input file and writing the PNG each time, and prints each of those renders' wall time: what a render costs in a
 * running worker, which starts once and renders many steps.
 */
public final class RenderMain {
    private RenderMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RenderMain warm|blur|resize|bright|bgblur INPUT OUTPUT.png [--phases | --warm N]");
            System.exit(2);
        }
        EditPlan plan = plan(args[0]);
        if (args.length > 3 && args[3].equals("--phases")) {
            phases(plan, Files.readAllBytes(Path.of(args[1])), Path.of(args[2]));
            return;
        }
        // a background blur finds the subject as the worker does (IS-Net when it is installed); the other operations need no subject
        Engine engine = new Engine(Planners.fromEnvironment(Map.of()), ImageLimits.DEFAULT, args[0].equals("bgblur")
                ? SubjectDetectors.choose(IsNetModel.defaultDirectory()).detector() : new CentrePriorGrabCut());
        // each render reads the file afresh and holds nothing of the one before, as a worker holds one step's bytes
        renderOnce(engine, plan, Files.readAllBytes(Path.of(args[1])), Path.of(args[2]));
        if (args.length > 4 && args[3].equals("--warm")) {
            int times = Integer.parseInt(args[4]);
            StringBuilder walls = new StringBuilder("warm renders (ms):");
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                renderOnce(engine, plan, Files.readAllBytes(Path.of(args[1])), Path.of(args[2]));
                walls.append(' ').append((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println(walls);
        }
    }

    private static void renderOnce(Engine engine, EditPlan plan, byte[] input, Path output) throws java.io.IOException {
        RenderOutcome outcome = engine.renderPlan(input, plan, Optional::empty);
        if (!(outcome instanceof RenderOutcome.Rendered rendered)) {
            System.err.println("render failed: " + outcome);
            System.exit(1);
            return;
        }
        try (var png = rendered.png(); var in = png.open()) {
            Files.copy(in, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The plan the built-in planner makes for "make it warmer", "blur the whole picture", "resize it to 2048 px", "brighten it
     * by half a stop" and "blur the background".
     */
    static EditPlan plan(String op) {
        List<Operation> ops = switch (op) {
            case "warm" -> List.of(new WhiteBalance(30, 0, Region.WHOLE));
            case "blur" -> List.of(new Blur(1.2, Region.WHOLE));
            case "resize" -> List.of(new Resize(2048));
            case "bright" -> List.of(new Exposure(0.5, Region.WHOLE));
            case "bgblur" -> List.of(new Blur(1.2, new Region.Background()));
            default -> throw new IllegalArgumentException("unknown op " + op + " (warm, blur, resize, bright or bgblur)");
        };
        return EditPlan.of(op, "bench", ops);
    }

    // The same stages as Engine.renderPlan, timed one by one.
    private static void phases(EditPlan plan, byte[] input, Path output) throws Exception {
        // OpenCV's native libraries load once per process (JavaCPP probes ~25 optional CUDA libraries first): their own
        // phase, so "decode" is the decode; the old path pays the load too, later, in the drift measure's kernels
        long tl = System.nanoTime();
        org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgcodecs.class);
        long t0 = System.nanoTime();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        Optional<PlainJpeg> plain = decoder.plainJpeg(input);
        LinearImage linear;
        long t1;
        String path;
        if (plain.isPresent()) {
            // the engine's native path: decode (at a DCT reduction before a shrinking resize) straight to linear
            int[] target = plan.operations().getFirst() instanceof Resize r ? r.size(plain.get().width(), plain.get().height()) : null;
            int reduction = target == null ? 1 : NativeJpeg.reductionFor(plain.get(), Math.max(target[0], target[1]));
            linear = NativeJpeg.decode(input, plain.get(), reduction).orElseThrow();
            t1 = System.nanoTime();
            if (reduction > 1) {
                linear = Resize.to(linear, target[0], target[1]);
            }
            path = "native 1/" + reduction;
        } else if (decoder.plainPng(input).isPresent()) {
            // the engine's PNG path: rows inflated straight into the frame
            linear = PngFrames.decode(input, decoder.plainPng(input).get());
            t1 = System.nanoTime();
            path = "png rows";
        } else {
            DecodedImage decoded = decoder.decode(input);
            t1 = System.nanoTime();
            linear = LinearImage.from(decoded.image());
            path = "imageio";
        }
        long t2 = System.nanoTime();
        LinearImage result = new Renderer(new CentrePriorGrabCut()).run(plan, linear).image();
        long t3 = System.nanoTime();
        BufferedImage thumb = result.thumbnail(Thumbnails.DEFAULT_SIZE);
        PngEncoder.encode(thumb);
        long t4 = System.nanoTime();
        byte[] png = PngEncoder.deflate(result.width(), result.height(), result.hasAlpha(), result::writeSrgb8Row).join();
        long t5 = System.nanoTime();
        Files.write(output, png);
        System.out.printf(Locale.ROOT, "opencv load %d ms, decode (%s) %d ms, to linear/pre-shrink %d ms, operation %d ms, thumbnail %d ms, png from the frame %d ms (%d bytes)%n",
                ms(t0 - tl), path, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), png.length);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
