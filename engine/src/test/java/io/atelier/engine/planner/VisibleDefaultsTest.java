package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Photos;
import io.atelier.engine.measure.Cielab;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.ops.Operation;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Planned from words and run on the real photo (coffee.png), each edit changes what it should, the way
 * the words say, by enough to see: the measured statistic moves in the asked direction by at least the
 * given amount, and the picture as a whole changes by a mean ΔE*ab of at least 1 (about one
 * just-noticeable difference) — "subtle" and "a touch" included.
 */
class VisibleDefaultsTest {
    private static final BufferedImage COFFEE = Photos.COFFEE;
    private static final java.util.List<String> REPORT = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @org.junit.jupiter.api.AfterAll
    static void writeReport() throws java.io.IOException {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/visible-defaults.md"), REPORT);
    }

    @ParameterizedTest(name = "{0}: {1} {2} by ≥ {3}")
    @CsvSource(delimiter = '|', textBlock = """
            brighter                        | L       | +  | 3
            a touch brighter                | L       | +  | 2
            open it up by half a stop       | L       | +  | 3
            darker                          | L       | -  | 3
            more contrast                   | spread  | +  | 1.5
            softer contrast                 | spread  | -  | 1.5
            softer, faded contrast          | spread  | -  | 1.5
            subtle contrast boost           | spread  | +  | 0.8
            warmer                          | b       | +  | 2
            a touch warmer                  | b       | +  | 1.2
            cooler                          | b       | -  | 2
            less green                      | a       | +  | 1
            more saturated                  | chroma  | +  | 2
            tone the colours down           | chroma  | -  | 2
            a subtle boost to the colours   | chroma  | +  | 1
            more vibrance                   | chroma  | +  | 1.5
            fine grain                      | edges   | +  | 0.05
            add film grain                  | edges   | +  | 0.05
            more clarity                    | edges   | +  | 0.03
            more sharpness on the details   | edges   | +  | 0.03
            blur the background             | edges   | -  | 0.05
            add a vignette                  | corners | -  | 3
            a subtle vignette               | corners | -  | 1.5
            lift the shadows                | dark    | +  | 2
            recover the highlights          | bright  | -  | 1
            """)
    void eachDefaultIsVisibleAndGoesTheRightWay(String instruction, String statistic, String direction, double least) {
        PlanOutcome outcome = planner.plan(instruction);
        assertThat(outcome.fullyUnderstood()).as(instruction).isTrue();
        BufferedImage out = Photos.run(COFFEE, outcome.plan().operations().toArray(Operation[]::new));
        double before = measure(statistic, COFFEE);
        double after = measure(statistic, out);
        double change = statistic.equals("edges") ? after / before - 1 : after - before;
        String what = String.format(Locale.ROOT, "%s: %s %.3f -> %.3f (%s)", instruction, statistic, before, after, outcome.plan().whatIDid());
        double deltaE = meanDeltaE(COFFEE, out);
        REPORT.add(String.format(Locale.ROOT, "| %s | %s | %+.3f | %.2f | %s |", instruction, statistic, change, deltaE, outcome.plan().whatIDid()));
        assertThat(direction.equals("+") ? change : -change).as(what).isGreaterThanOrEqualTo(least);
        assertThat(deltaE).as("mean ΔE of " + what).isGreaterThanOrEqualTo(1.0);
    }

    private static double measure(String statistic, BufferedImage image) {
        return switch (statistic) {
            case "L" -> ImageStats.meanLab(image, ImageStats.Selection.ALL)[0];
            case "a" -> ImageStats.meanLab(image, ImageStats.Selection.ALL)[1];
            case "b" -> ImageStats.meanLab(image, ImageStats.Selection.ALL)[2];
            case "chroma" -> ImageStats.meanChroma(image, ImageStats.Selection.ALL);
            case "spread" -> ImageStats.lightnessSpread(image, ImageStats.Selection.ALL);
            case "edges" -> ImageStats.edgeEnergy(image, ImageStats.Selection.ALL);
            case "corners" -> ImageStats.meanLab(image, Photos.TABLE_CORNERS)[0];
            case "dark" -> ImageStats.meanLab(image, (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] < 30)[0];
            case "bright" -> ImageStats.meanLab(image, (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] > 75)[0];
            default -> throw new IllegalArgumentException(statistic);
        };
    }

    private static double meanDeltaE(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Cielab.deltaE76(Cielab.fromRgb(a.getRGB(x, y)), Cielab.fromRgb(b.getRGB(x, y)));
            }
        }
        return sum / ((double) a.getWidth() * a.getHeight());
    }
}
