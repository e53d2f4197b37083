package io.atelier.engine;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.COFFEE_PNG;
import static io.atelier.engine.Photos.CUP_CORE;
import static io.atelier.engine.Photos.TABLE_CORNERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.measure.Cielab;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.measure.ImageStats.Selection;
import io.atelier.engine.render.RenderOutcome;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every instruction of the product guide (../shared/seed): its worked TerraBrew example, its "strong"
 * and "weak" examples and its four use-case lists, run on coffee.png. Each renders with the asked,
 * measured effect, or fails with a reason and a hint a person can act on.
 */
class SeedGuideTest {
    private static final Engine ENGINE = Engine.standard();
    private static final Selection LEFT_THIRD = (x, y) -> x < 200;
    private static final Selection RIGHT_THIRD = (x, y) -> x >= 400;

    // ---------------------------------------------------------------- the worked example

    @Test
    void step2MorningSunlightFromTheLeft() {
        BufferedImage out = render("Add soft morning sunlight streaming in from a window on the left, creating gentle shadows across the table.");
        assertThat(l(out, LEFT_THIRD)).isGreaterThan(l(COFFEE, LEFT_THIRD) + 4);
        assertThat(l(out, RIGHT_THIRD)).isLessThan(l(COFFEE, RIGHT_THIRD));
        // "creating gentle shadows across the table": the cup and saucer cast a shadow to the right
        Selection rightOfSaucer = (x, y) -> x >= 485 && x < 520 && y > 160 && y < 300;
        BufferedImage noShadow = Photos.run(COFFEE, new io.atelier.engine.ops.DirectionalLight(io.atelier.engine.plan.Edge.LEFT,
                0.8, io.atelier.engine.plan.Rgb.parse("#ffe0b5"), 0.8, 0));
        assertThat(l(out, rightOfSaucer)).isLessThan(l(noShadow, rightOfSaucer) - 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Place a few scattered coffee beans and a small green plant in a terracotta pot near the cup. Add a small printed card with earthy tones leaning against the cup.",
            "Add a person's hands holding the coffee mug, with cozy knit sweater sleeves visible. Hands should be relaxed and natural-looking.",
            "Place the product in a lifestyle context that shows it in use, not just on a surface",
            "Add hands interacting with the product to show scale and use",
            "Add a sense of depth with layered foreground, midground, and background elements",
            "Create a clean lifestyle background without competing visual elements",
            "Show the product in use",
            "Make the lighting warmer, add more depth of field, include some foliage, and change the background to a café setting",
    })
    void newObjectsAndPeopleNeedAGenerativeEngine(String instruction) {
        RenderOutcome.Failed failed = failed(instruction);
        assertThat(failed.reason()).contains("generative engine");
        assertThat(failed.hint()).contains("built-in engine edits what is already in the photo");
        assertThat(failed.notUnderstood()).isNotEmpty();
    }

    @Test
    void step5SteamRisesFromTheCup() {
        BufferedImage out = render("Add a gentle wisp of steam rising from the coffee cup.");
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> y > 200)).isZero();
        assertThat(l(out, (x, y) -> y < 120 && Math.abs(x - 300) < 120)).isGreaterThan(l(COFFEE, (x, y) -> y < 120 && Math.abs(x - 300) < 120));
    }

    // ---------------------------------------------------------------- strong and weak examples

    @Test
    void deepeningTheShadowOnTheRightSide() {
        BufferedImage out = render("Increase the contrast between the subject and the background by deepening the shadow on the right side");
        Selection rightDark = (x, y) -> x >= 330 && lab(COFFEE, x, y)[0] < 35;
        assertThat(l(out, rightDark)).isLessThan(l(COFFEE, rightDark) - 2);
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> x < 270)).isLessThan(1);
    }

    @Test
    void goldenHourWarmth() {
        BufferedImage out = render("Warm the light temperature to give the scene golden hour quality, similar to late afternoon sun.");
        assertThat(ImageStats.meanLab(out, Selection.ALL)[2]).isGreaterThan(ImageStats.meanLab(COFFEE, Selection.ALL)[2] + 3);
    }

    @Test
    void shallowDepthOfFieldKeepingTheCupSharp() {
        BufferedImage out = render("Blur the background to a shallow depth of field, keeping only the coffee cup in sharp focus.");
        assertThat(ImageStats.edgeEnergy(out, TABLE_CORNERS)).isLessThan(ImageStats.edgeEnergy(COFFEE, TABLE_CORNERS) * 0.5);
        assertThat(ImageStats.edgeEnergy(out, CUP_CORE)).isGreaterThan(ImageStats.edgeEnergy(COFFEE, CUP_CORE) * 0.9);
    }

    @Test
    void warmOnlyTheHighlights() {
        BufferedImage out = render("Warm only the highlights, keeping shadows cool");
        Selection bright = (x, y) -> lab(COFFEE, x, y)[0] > 80;
        Selection dark = (x, y) -> lab(COFFEE, x, y)[0] < 20;
        assertThat(ImageStats.meanLab(out, bright)[2]).isGreaterThan(ImageStats.meanLab(COFFEE, bright)[2] + 2);
        assertThat(Math.abs(ImageStats.meanLab(out, dark)[2] - ImageStats.meanLab(COFFEE, dark)[2])).isLessThan(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The lighting doesn't look right.", "Make it better", "The background is too distracting."})
    void evaluativeInstructionsAreAnsweredWithWhatWouldWork(String instruction) {
        RenderOutcome.Failed failed = failed(instruction);
        assertThat(failed.reason()).startsWith("I did not understand");
        assertThat(failed.hint()).contains("background blur").contains("crop");
    }

    // ---------------------------------------------------------------- use cases

    @Test
    void socialSquareCropKeepsTheSubjectCentred() {
        RenderOutcome.Rendered r = rendered("Crop to a 1:1 square format, ensuring the main subject stays centered");
        assertThat(r.width()).isEqualTo(r.height());
        assertThat(r.subjectMethod()).isPresent();
    }

    @Test
    void socialVibrantAndHighContrast() {
        BufferedImage out = render("Make the image more vibrant and high-contrast for social media viewing");
        assertThat(ImageStats.meanChroma(out, Selection.ALL)).isGreaterThan(ImageStats.meanChroma(COFFEE, Selection.ALL));
        assertThat(ImageStats.lightnessSpread(out, Selection.ALL)).isGreaterThan(ImageStats.lightnessSpread(COFFEE, Selection.ALL) * 1.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Add a subtle branded color overlay on the upper third to create space for text",
            "Add a subtle color gradient background in brand colors", "Include brand colors"})
    void brandColoursAreAskedForUntilABrandKitExists(String instruction) {
        RenderOutcome.Failed failed = failed(instruction);
        assertThat(failed.reason()).contains("brand colours").contains("name them");
    }

    @Test
    void brandOverlayOnceTheColourIsNamed() {
        BufferedImage out = render("Add a subtle forest green color overlay on the upper third to create space for text");
        assertThat(ImageStats.maxDeltaE(out, COFFEE, (x, y) -> y > 400 * (1 / 3.0 + 0.03))).isLessThan(1);
        assertThat(ImageStats.meanLab(out, (x, y) -> y < 120)[1]).isLessThan(ImageStats.meanLab(COFFEE, (x, y) -> y < 120)[1] - 2);
    }

    @Test
    void editorialWidescreenWithRoomOnTheRight() {
        RenderOutcome.Rendered r = rendered("Create a landscape 16:9 composition with visual breathing room on the right for text overlay");
        assertThat(r.width() / (double) r.height()).isCloseTo(16 / 9.0, org.assertj.core.data.Offset.offset(0.01));
        BufferedImage out = Photos.decode(r.png().bytes());
        // the right quarter of the frame is calm: far less detail than the photo's own right quarter
        Selection rightQuarter = (x, y) -> x >= out.getWidth() * 3 / 4;
        assertThat(ImageStats.edgeEnergy(out, rightQuarter)).isLessThan(ImageStats.edgeEnergy(COFFEE, (x, y) -> x >= 450) * 0.5);
    }

    @Test
    void editorialHierarchyBackgroundSoftened() {
        BufferedImage out = render("Establish a clear visual hierarchy — primary subject in focus, background softened");
        assertThat(ImageStats.edgeEnergy(out, TABLE_CORNERS)).isLessThan(ImageStats.edgeEnergy(COFFEE, TABLE_CORNERS) * 0.7);
        assertThat(ImageStats.edgeEnergy(out, CUP_CORE)).isGreaterThan(ImageStats.edgeEnergy(COFFEE, CUP_CORE) * 0.9);
    }

    @Test
    void adsDrawTheEyeToTheProduct() {
        BufferedImage out = render("Create visual tension in the composition that draws the eye to the product");
        assertThat(l(out, TABLE_CORNERS)).isLessThan(l(COFFEE, TABLE_CORNERS) - 3);
        assertThat(Math.abs(l(out, CUP_CORE) - l(COFFEE, CUP_CORE))).isLessThan(1.5);
    }

    @Test
    void adsBrightProductDarkerContext() {
        BufferedImage out = render("Create contrast between the bright product and a darker environmental context");
        assertThat(l(out, TABLE_CORNERS)).isLessThan(l(COFFEE, TABLE_CORNERS) - 4);
        assertThat(l(out, CUP_CORE)).isGreaterThan(l(COFFEE, CUP_CORE));
    }

    @Test
    void addMorningLight() {
        BufferedImage out = render("Add morning light");
        assertThat(l(out, Selection.ALL)).isGreaterThan(l(COFFEE, Selection.ALL));
    }

    // ---------------------------------------------------------------- helpers

    private static BufferedImage render(String instruction) {
        return Photos.decode(rendered(instruction).png().bytes());
    }

    private static RenderOutcome.Rendered rendered(String instruction) {
        RenderOutcome outcome = ENGINE.render(COFFEE_PNG, instruction);
        assertThat(outcome).as(instruction).isInstanceOf(RenderOutcome.Rendered.class);
        return (RenderOutcome.Rendered) outcome;
    }

    private static RenderOutcome.Failed failed(String instruction) {
        RenderOutcome outcome = ENGINE.render(COFFEE_PNG, instruction);
        assertThat(outcome).as(instruction).isInstanceOf(RenderOutcome.Failed.class);
        RenderOutcome.Failed failed = (RenderOutcome.Failed) outcome;
        assertThat(failed.reason()).isNotBlank();
        assertThat(failed.hint()).isNotBlank();
        return failed;
    }

    private static double[] lab(BufferedImage image, int x, int y) {
        return Cielab.fromRgb(image.getRGB(x, y));
    }

    private static double l(BufferedImage image, Selection selection) {
        return ImageStats.meanLab(image, selection)[0];
    }
}
