package io.atelier.engine;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.subject.SubjectDetector;
import io.atelier.imaging.PngEncoder;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A new engine's first pass over a small made-up picture, so that a worker's first step costs what later ones do: it
 * loads the built-in planner's model (deferred until first use) and OpenCV's native libraries, and runs the common
 * operations' code often enough for the JIT to compile it. In a fresh JVM the first `mirror it` on a 600×400 photo took
 * ~1 s, and the planner's model more on top, where a warm one takes ~50 ms. Plans come from the built-in planner (the
 * fallback of every configured planner), so a warm-up never calls a language-model service; the engine's subject
 * detector is not asked, so a worker's count of detections stays its steps' own.
 */
public final class WarmUp {
    /** The instructions a warm-up plans and renders: the operations most steps use. */
    public static final List<String> INSTRUCTIONS = List.of("mirror it", "make it warmer", "brighten it a little", "crop it to a square",
            "blur the whole picture slightly", "make it a bit more saturated", "resize it to 256 px wide");

    private WarmUp() {
    }

    /** What a warm-up did: the instructions it rendered, those it could not (with why), and how long it took. */
    public record Report(List<String> rendered, List<String> failed, Duration took) {
        public Report {
            rendered = List.copyOf(rendered);
            failed = List.copyOf(failed);
        }
    }

    /** The report's name for finding the subject once with the detector given to {@link #run(Engine, int, Optional)}. */
    public static final String SUBJECT = "find the subject";

    /** Plans and renders every instruction {@code rounds} times on a 480×320 picture; never throws for a failed one. */
    public static Report run(Engine engine, int rounds) {
        return run(engine, rounds, Optional.empty());
    }

    /**
     * As {@link #run(Engine, int)}, and finds the subject once with {@code detector}: the engine's own detector is not
     * used (a worker counts its detections), so a detector that is slow the first time (the classical one) is given here.
     */
    public static Report run(Engine engine, int rounds, Optional<SubjectDetector> detector) {
        long start = System.nanoTime();
        BufferedImage made = picture(480, 320);
        byte[] picture = PngEncoder.encode(made);
        List<String> rendered = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String instruction : INSTRUCTIONS) {
                String why = render(engine, picture, instruction);
                if (round > 0) {
                    continue; // the first round's outcome is the report
                }
                if (why.isEmpty()) {
                    rendered.add(instruction);
                } else {
                    failed.add(instruction + ": " + why);
                }
            }
        }
        detector.ifPresent(d -> {
            try {
                d.detect(LinearImage.from(made));
                rendered.add(SUBJECT);
            } catch (RuntimeException e) {
                failed.add(SUBJECT + ": " + e);
            }
        });
        return new Report(rendered, failed, Duration.ofNanos(System.nanoTime() - start));
    }

    // empty when it rendered, else why not
    private static String render(Engine engine, byte[] picture, String instruction) {
        try {
            PlanOutcome planned = BuiltinPlanner.standard().plan(instruction);
            if (!planned.fullyUnderstood()) {
                return "not understood " + planned.notUnderstood();
            }
            return switch (engine.renderPlan(picture, planned.plan(), Optional::empty)) {
                case RenderOutcome.Rendered r -> {
                    r.png().close();
                    yield "";
                }
                case RenderOutcome.Failed f -> f.reason();
            };
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    // a sky-to-ground gradient with a warm disc and a little seeded grain: colour, edges and texture, like a photo
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom grain = new SplittableRandom(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = (double) y / height;
                int r = (int) (90 + 120 * t);
                int g = (int) (140 + 40 * t);
                int b = (int) (210 - 120 * t);
                double dx = x - width * 0.6;
                double dy = y - height * 0.55;
                if (dx * dx + dy * dy < (height * 0.25) * (height * 0.25)) {
                    r = 200;
                    g = 110;
                    b = 60;
                }
                int n = grain.nextInt(-8, 9);
                image.setRGB(x, y, clamp(r + n) << 16 | clamp(g + n) << 8 | clamp(b + n));
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
