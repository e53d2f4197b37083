package io.atelier.engine.ops;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.CUP_CORE;
import static io.atelier.engine.Photos.TABLE_CORNERS;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.measure.Cielab;
import io.atelier.engine.measure.ImageStats.Selection;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each operation, measured on the real coffee photo: it does what its documentation says, where it says. */
class OperationEffectsTest {
    private static final Selection LEFT_THIRD = (x, y) -> x < 200;
    private static final Selection RIGHT_THIRD = (x, y) -> x >= 400;
    private static final Selection CENTRE = (x, y) -> Math.abs(x - 300) < 40 && Math.abs(y - 200) < 40;
    private static final Selection CORNERS = (x, y) -> (x < 40 || x >= 560) && (y < 40 || y >= 360);

    @Test
    void goldenHourWarmsAndOvercastCools() {
        double b = lab(COFFEE)[2];
        assertThat(lab(run(COFFEE, new TimeOfDay(TimeOfDay.Mood.GOLDEN_HOUR, 0.8)))[2]).isGreaterThan(b + 3);
        assertThat(lab(run(COFFEE, new TimeOfDay(TimeOfDay.Mood.OVERCAST, 0.8)))[2]).isLessThan(b - 2);
    }

    @Test
    void lightFromTheLeftBrightensTheLeftAndShadowsTheRight() {
        BufferedImage out = run(COFFEE, new DirectionalLight(Edge.LEFT, 0.8, Rgb.parse("#ffe0b5"), 0.8, 0));
        double leftGain = ImageStats.meanLab(out, LEFT_THIRD)[0] - ImageStats.meanLab(COFFEE, LEFT_THIRD)[0];
        double rightGain = ImageStats.meanLab(out, RIGHT_THIRD)[0] - ImageStats.meanLab(COFFEE, RIGHT_THIRD)[0];
        assertThat(leftGain).isGreaterThan(4);
        assertThat(rightGain).isLessThan(-1);
        // warm light: the lit side gets yellower
        assertThat(ImageStats.meanLab(out, LEFT_THIRD)[2]).isGreaterThan(ImageStats.meanLab(COFFEE, LEFT_THIRD)[2]);
    }

    @Test
    void theSubjectCastsItsShadowAwayFromTheLightAndStaysLitItself() {
        BufferedImage lit = run(COFFEE, new DirectionalLight(Edge.LEFT, 0.8, Rgb.parse("#ffe0b5"), 0.5, 0));
        BufferedImage shadowed = run(COFFEE, new DirectionalLight(Edge.LEFT, 0.8, Rgb.parse("#ffe0b5"), 0.5, 0.8));
        Selection rightOfSaucer = (x, y) -> x >= 490 && x < 530 && y > 160 && y < 300;
        Selection leftOfSaucer = (x, y) -> x >= 20 && x < 60 && y > 160 && y < 300;
        assertThat(ImageStats.meanLab(shadowed, rightOfSaucer)[0]).isLessThan(ImageStats.meanLab(lit, rightOfSaucer)[0] - 3);
        assertThat(ImageStats.maxDeltaE(shadowed, lit, leftOfSaucer)).isLessThan(1);
        assertThat(ImageStats.maxDeltaE(shadowed, lit, CUP_CORE)).isLessThan(1);
    }

    @Test
    void splitToneWarmsHighlightsAndCoolsShadows() {
        BufferedImage out = run(COFFEE, new SplitTone(Rgb.parse("#ffb070"), Rgb.parse("#4a78b0"), 0.8));
        Selection bright = (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] > 75;
        Selection dark = (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] < 25;
        assertThat(ImageStats.meanLab(out, bright)[2]).isGreaterThan(ImageStats.meanLab(COFFEE, bright)[2] + 2);
        assertThat(ImageStats.meanLab(out, dark)[2]).isLessThan(ImageStats.meanLab(COFFEE, dark)[2] - 1);
    }

    @Test
    void contrastSpreadsLightnessAndNegativeContrastNarrowsIt() {
        double spread = lightnessSpread(COFFEE);
        assertThat(lightnessSpread(run(COFFEE, new Contrast(50, Region.WHOLE)))).isGreaterThan(spread * 1.1);
        assertThat(lightnessSpread(run(COFFEE, new Contrast(-50, Region.WHOLE)))).isLessThan(spread * 0.9);
    }

    @Test
    void shadowRecoveryLiftsDarkPixelsAndLeavesBrightOnesNearlyAlone() {
        BufferedImage out = run(COFFEE, new ToneRecovery(0, 60, Region.WHOLE));
        Selection dark = (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] < 25;
        Selection bright = (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] > 85;
        assertThat(ImageStats.meanLab(out, dark)[0]).isGreaterThan(ImageStats.meanLab(COFFEE, dark)[0] + 4);
        assertThat(Math.abs(ImageStats.meanLab(out, bright)[0] - ImageStats.meanLab(COFFEE, bright)[0])).isLessThan(1);

        BufferedImage recovered = run(COFFEE, new ToneRecovery(-60, 0, Region.WHOLE));
        assertThat(ImageStats.meanLab(recovered, bright)[0]).isLessThan(ImageStats.meanLab(COFFEE, bright)[0] - 2);
    }

    @Test
    void vignetteDarkensCornersAndNotTheCentre() {
        BufferedImage out = run(COFFEE, new Vignette(-50, 0.35, false));
        assertThat(ImageStats.meanLab(out, CORNERS)[0]).isLessThan(ImageStats.meanLab(COFFEE, CORNERS)[0] - 4);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, CENTRE)).isLessThan(1);
    }

    @Test
    void hazeLiftsTheBlacksAndGlowBrightensAroundHighlights() {
        Selection dark = (x, y) -> Cielab.fromRgb(COFFEE.getRGB(x, y))[0] < 20;
        BufferedImage haze = run(COFFEE, new Glow(Glow.Kind.HAZE, 60, Region.WHOLE));
        assertThat(ImageStats.meanLab(haze, dark)[0]).isGreaterThan(ImageStats.meanLab(COFFEE, dark)[0] + 8);
        assertThat(lightnessSpread(haze)).isLessThan(lightnessSpread(COFFEE));

        BufferedImage glow = run(COFFEE, new Glow(Glow.Kind.GLOW, 60, Region.WHOLE));
        assertThat(lab(glow)[0]).isGreaterThan(lab(COFFEE)[0] + 2);
    }

    @Test
    void saturationVibranceAndMonochromeMoveChroma() {
        double chroma = chroma(COFFEE);
        // +40 raises chroma less than 40%: vivid reds already sit near the sRGB gamut edge and clip
        assertThat(chroma(run(COFFEE, new Saturation(40, Region.WHOLE)))).isGreaterThan(chroma * 1.08);
        assertThat(chroma(run(COFFEE, new Saturation(-60, Region.WHOLE)))).isLessThan(chroma * 0.6);
        assertThat(chroma(run(COFFEE, new Vibrance(50, Region.WHOLE)))).isGreaterThan(chroma * 1.05);
        assertThat(chroma(run(COFFEE, new Monochrome(Region.WHOLE)))).isLessThan(0.5);
    }

    @Test
    void vibranceFavoursMutedColours() {
        BufferedImage out = run(COFFEE, new Vibrance(60, Region.WHOLE));
        Selection muted = (x, y) -> chromaOf(COFFEE.getRGB(x, y)) < 15;
        Selection vivid = (x, y) -> chromaOf(COFFEE.getRGB(x, y)) > 50;
        double mutedGain = chroma(out, muted) / chroma(COFFEE, muted);
        double vividGain = chroma(out, vivid) / chroma(COFFEE, vivid);
        assertThat(mutedGain).isGreaterThan(vividGain);
    }

    @Test
    void paletteGradePullsColoursTowardThePalette() {
        List<Rgb> palette = List.of(Rgb.parse("#1f8a8a"), Rgb.parse("#f28c28"));
        BufferedImage out = run(COFFEE, new PaletteGrade("teal and orange", palette, 0.8, Region.WHOLE));
        assertThat(paletteDistance(out, palette)).isLessThan(paletteDistance(COFFEE, palette) * 0.8);
    }

    @Test
    void overlayAndGradientMoveTheirRegionTowardTheColour() {
        Rgb green = Rgb.parse("#2f5d3a");
        double[] target = Cielab.fromRgb(0x2f5d3a);
        Selection top = (x, y) -> y < 120;
        BufferedImage overlay = run(COFFEE, new ColourOverlay(green, 0.5, new Region.Side(Edge.TOP, 1 / 3.0)));
        assertThat(Cielab.deltaE76(ImageStats.meanLab(overlay, top), target))
                .isLessThan(Cielab.deltaE76(ImageStats.meanLab(COFFEE, top), target) * 0.7);

        BufferedImage gradient = run(COFFEE, new Gradient(green, Rgb.parse("#f3ead7"), Edge.TOP, 0.9, new Region.Background()));
        Selection topCorners = (x, y) -> TABLE_CORNERS.includes(x, y) && y < 60;
        assertThat(Cielab.deltaE76(ImageStats.meanLab(gradient, topCorners), target))
                .isLessThan(Cielab.deltaE76(ImageStats.meanLab(COFFEE, topCorners), target) * 0.5);
        assertThat(ImageStats.maxDeltaE(gradient, COFFEE, CUP_CORE)).isLessThan(3);
    }

    @Test
    void backgroundBlurSoftensTheTableAndKeepsTheCupSharp() {
        BufferedImage out = run(COFFEE, new Blur(1.0, new Region.Background()));
        double tableBefore = ImageStats.edgeEnergy(COFFEE, TABLE_CORNERS);
        double cupBefore = ImageStats.edgeEnergy(COFFEE, CUP_CORE);
        assertThat(ImageStats.edgeEnergy(out, TABLE_CORNERS)).isLessThan(tableBefore * 0.5);
        assertThat(ImageStats.edgeEnergy(out, CUP_CORE)).isGreaterThan(cupBefore * 0.9);
    }

    @Test
    void backgroundBlurLeavesNoDarkHaloAroundTheSubject() {
        // Normalised convolution: the blurred table next to the saucer keeps the table's own lightness.
        BufferedImage out = run(COFFEE, new Blur(2.0, new Region.Background()));
        Selection besideSaucer = (x, y) -> x >= 485 && x < 520 && y > 150 && y < 250;
        assertThat(ImageStats.meanLab(out, besideSaucer)[0]).isGreaterThan(ImageStats.meanLab(COFFEE, besideSaucer)[0] - 3);
    }

    @Test
    void sharpenAndClarityAddDetail() {
        double energy = ImageStats.edgeEnergy(COFFEE, Selection.ALL);
        assertThat(ImageStats.edgeEnergy(run(COFFEE, new Sharpen(100, 1.0, Region.WHOLE)), Selection.ALL)).isGreaterThan(energy * 1.3);
        assertThat(ImageStats.edgeEnergy(run(COFFEE, new Clarity(60, Region.WHOLE)), Selection.ALL)).isGreaterThan(energy * 1.02);
    }

    @Test
    void grainAddsFineTextureWithoutShiftingTheTone() {
        BufferedImage out = run(COFFEE, new Grain(50, 1.5, 7));
        assertThat(ImageStats.edgeEnergy(out, CUP_CORE)).isGreaterThan(ImageStats.edgeEnergy(COFFEE, CUP_CORE) * 1.2);
        assertThat(Math.abs(lab(out)[0] - lab(COFFEE)[0])).isLessThan(1);
    }

    @Test
    void dustGathersInTheBeamOnTheLitSide() {
        BufferedImage out = run(COFFEE, new Dust(80, Edge.LEFT, 11));
        assertThat(brightenedPixels(out, LEFT_THIRD)).isGreaterThan(3 * Math.max(1, brightenedPixels(out, RIGHT_THIRD)));
        assertThat(brightenedPixels(out, LEFT_THIRD)).isGreaterThan(50);
    }

    @Test
    void lightLeakAndFlareBrightenTheirCornerMost() {
        Selection topRight = (x, y) -> x >= 500 && y < 100;
        Selection bottomLeft = (x, y) -> x < 100 && y >= 300;
        for (boolean flare : new boolean[] {false, true}) {
            BufferedImage out = run(COFFEE, new LightLeak(Rgb.parse("#ff8a3d"), Edge.TOP_RIGHT, 0.8, flare));
            double near = ImageStats.meanLab(out, topRight)[0] - ImageStats.meanLab(COFFEE, topRight)[0];
            double far = ImageStats.meanLab(out, bottomLeft)[0] - ImageStats.meanLab(COFFEE, bottomLeft)[0];
            assertThat(near).as("flare=%s", flare).isGreaterThan(5).isGreaterThan(far * 3);
        }
    }

    @Test
    void steamRisesAboveTheCupAndNothingChangesBelowIt() {
        BufferedImage out = run(COFFEE, new Steam(0.9, 0.4, 3));
        int[] changedRows = new int[COFFEE.getHeight()];
        for (int y = 0; y < COFFEE.getHeight(); y++) {
            for (int x = 0; x < COFFEE.getWidth(); x++) {
                if (out.getRGB(x, y) != COFFEE.getRGB(x, y)) {
                    changedRows[y]++;
                }
            }
        }
        int changedAbove = 0;
        for (int y = 0; y < 130; y++) {
            changedAbove += changedRows[y];
        }
        int changedBelow = 0;
        for (int y = 200; y < COFFEE.getHeight(); y++) {
            changedBelow += changedRows[y];
        }
        assertThat(changedAbove).isGreaterThan(2000);
        assertThat(changedBelow).isZero();
        assertThat(lab(out)[0]).isGreaterThan(lab(COFFEE)[0]);
    }

    @Test
    void textIsSetInTheAskedBandInAContrastingColour() {
        BufferedImage out = run(COFFEE, new Text("Fresh Roast", Text.Placement.TOP, "auto", 0.08));
        long inked = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 600; x++) {
                inked += Cielab.deltaE76(Cielab.fromRgb(out.getRGB(x, y)), Cielab.fromRgb(COFFEE.getRGB(x, y))) > 25 ? 1 : 0;
            }
        }
        assertThat(inked).as("strongly changed pixels in the top band").isGreaterThan(800);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> y >= 120)).isZero();

        // an explicit colour is used as given: white ink adds near-white pixels on the table at the bottom left
        BufferedImage white = run(COFFEE, new Text("TerraBrew", Text.Placement.LEFT, "#ffffff", 0.06));
        Selection leftBand = (x, y) -> x < 200;
        long before = count(COFFEE, leftBand, p -> Cielab.fromRgb(p)[0] > 97);
        assertThat(count(white, leftBand, p -> Cielab.fromRgb(p)[0] > 97) - before).isGreaterThan(200);
    }

    private static long count(BufferedImage image, Selection selection, java.util.function.IntPredicate test) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (selection.includes(x, y) && test.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    // pixels at least 5 L* brighter than in the source
    private static long brightenedPixels(BufferedImage out, Selection selection) {
        long n = 0;
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                if (selection.includes(x, y) && Cielab.fromRgb(out.getRGB(x, y))[0] > Cielab.fromRgb(COFFEE.getRGB(x, y))[0] + 5) {
                    n++;
                }
            }
        }
        return n;
    }

    static double[] lab(BufferedImage image) {
        return ImageStats.meanLab(image, Selection.ALL);
    }

    private static double lightnessSpread(BufferedImage image) {
        return ImageStats.lightnessSpread(image, Selection.ALL);
    }

    private static double chromaOf(int rgb) {
        double[] lab = Cielab.fromRgb(rgb);
        return Math.hypot(lab[1], lab[2]);
    }

    private static double chroma(BufferedImage image) {
        return ImageStats.meanChroma(image, Selection.ALL);
    }

    private static double chroma(BufferedImage image, Selection selection) {
        return ImageStats.meanChroma(image, selection);
    }

    private static double paletteDistance(BufferedImage image, List<Rgb> palette) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                double[] lab = Cielab.fromRgb(image.getRGB(x, y));
                double best = Double.MAX_VALUE;
                for (Rgb c : palette) {
                    double[] p = Cielab.fromRgb(c.red() << 16 | c.green() << 8 | c.blue());
                    best = Math.min(best, Math.hypot(lab[1] - p[1], lab[2] - p[2]));
                }
                sum += best;
                n++;
            }
        }
        return sum / n;
    }
}
