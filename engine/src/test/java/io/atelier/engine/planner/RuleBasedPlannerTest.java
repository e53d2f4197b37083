package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Clarity;
import io.atelier.engine.ops.ColourOverlay;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.CropToAspect.Anchor;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Dust;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.Grain;
import io.atelier.engine.ops.LightLeak;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.Sharpen;
import io.atelier.engine.ops.Steam;
import io.atelier.engine.ops.Text;
import io.atelier.engine.ops.TimeOfDay;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The planner on phrasings written for these tests (not taken from the guide): synonyms, intensities,
 * colours, ratios, sides, tonal ranges, constraints, and what it must refuse or ask about.
 */
class RuleBasedPlannerTest {
    private final RuleBasedPlanner planner = new RuleBasedPlanner();

    private List<Operation> ops(String instruction) {
        PlanOutcome outcome = planner.plan(instruction);
        assertThat(outcome.notUnderstood()).as("not understood in '%s'", instruction).isEmpty();
        assertThat(outcome.synthesis()).as("synthesis in '%s'", instruction).isEmpty();
        assertThat(outcome.missing()).as("missing in '%s'", instruction).isEmpty();
        assertThat(outcome.plan().operations()).as("operations for '%s'", instruction).isNotEmpty();
        return outcome.plan().operations();
    }

    private <T extends Operation> T only(String instruction, Class<T> type) {
        List<Operation> ops = ops(instruction);
        assertThat(ops).as(instruction).singleElement().isInstanceOf(type);
        return type.cast(ops.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "make it square | 1 | 1",
            "square crop please | 1 | 1",
            "crop 16 by 9 | 16 | 9",
            "reframe as 4x5 | 4 | 5",
            "turn it into an Instagram story | 9 | 16",
            "format for instagram reels | 9 | 16",
            "3:2 | 3 | 2",
            "cut it to 3 to 2 | 3 | 2",
            "I need a widescreen crop for a youtube banner | 16 | 9",
            "portrait crop for the feed | 4 | 5",
    })
    void readsAspectRatiosSaidManyWays(String instruction, int w, int h) {
        CropToAspect crop = only(instruction, CropToAspect.class);
        assertThat(crop.width()).isEqualTo(w);
        assertThat(crop.height()).isEqualTo(h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"square it up with the mug in the middle", "crop 4:5 around the product", "make a 1:1 crop, keep the cat centred"})
    void cropsThatMentionTheSubjectAnchorOnIt(String instruction) {
        assertThat(only(instruction, CropToAspect.class).anchor()).isEqualTo(Anchor.SUBJECT);
    }

    @Test
    void aCropCanFavourASide() {
        assertThat(only("crop square keeping the left side", CropToAspect.class).anchor()).isEqualTo(Anchor.LEFT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "leave copy space on the left for a headline, 16:9 | LEFT | 16",
            "I need negative space at the top for text | TOP | 4",
            "widescreen with room on the right for our logo text | RIGHT | 16",
    })
    void roomForTextBecomesAReframe(String instruction, Edge side, int w) {
        Reframe r = only(instruction, Reframe.class);
        assertThat(r.roomOn()).isEqualTo(side);
        assertThat(r.width()).isEqualTo(w);
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it warmer", "warm the light a little", "more cozy and warm", "less cool", "warm it up a touch",
            "add some warmth"})
    void warmerMeansPositiveTemperature(String instruction) {
        assertThat(ops(instruction)).allSatisfy(op -> assertThat(op).isInstanceOfSatisfying(WhiteBalance.class,
                wb -> assertThat(wb.temperature()).isPositive()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it cooler", "cool it down a lot", "a colder, bluer look", "less warm", "too warm"})
    void coolerMeansNegativeTemperature(String instruction) {
        assertThat(ops(instruction)).allSatisfy(op -> assertThat(op).isInstanceOfSatisfying(WhiteBalance.class,
                wb -> assertThat(wb.temperature()).isNegative()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "give it that golden hour feel | GOLDEN_HOUR",
            "make it look like late afternoon sun | GOLDEN_HOUR",
            "a fresh early morning mood | MORNING",
            "make it feel like an overcast day | OVERCAST",
            "dusky blue hour tones | BLUE_HOUR",
    })
    void timesOfDay(String instruction, TimeOfDay.Mood mood) {
        assertThat(only(instruction, TimeOfDay.class).mood()).isEqualTo(mood);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sunlight coming from the right | RIGHT",
            "soft window light falling in from the left side | LEFT",
            "add warm light streaming from the top left | TOP_LEFT",
            "hard sun from the right casting crisp shadows | RIGHT",
    })
    void directionalLight(String instruction, Edge from) {
        assertThat(only(instruction, DirectionalLight.class).from()).isEqualTo(from);
    }

    @Test
    void lightThatCastsShadowsCastsTheSubjectsShadow() {
        assertThat(only("light from the right casting long shadows", DirectionalLight.class).shadow()).isPositive();
        assertThat(only("soft light from the left", DirectionalLight.class).shadow()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "brighten it | 1",
            "make it a bit lighter | 1",
            "increase the exposure by a stop | 1",
            "20% brighter | 1",
            "darken the image | -1",
            "lower the exposure | -1",
            "reduce the brightness | -1",
            "it's too dark | 1",
            "underexpose by half a stop | -1",
    })
    void exposureDirection(String instruction, int sign) {
        assertThat(Math.signum(only(instruction, Exposure.class).stops())).isEqualTo((double) sign);
    }

    @Test
    void intensityWordsScaleTheEdit() {
        double slight = only("slightly warmer", WhiteBalance.class).temperature();
        double plain = only("warmer", WhiteBalance.class).temperature();
        double strong = only("much warmer", WhiteBalance.class).temperature();
        assertThat(slight).isLessThan(plain);
        assertThat(plain).isLessThan(strong);
        assertThat(only("brighter by a stop", Exposure.class).stops()).isEqualTo(1.0);
        assertThat(only("20% brighter", Exposure.class).stops()).isCloseTo(Math.log(1.2) / Math.log(2), Offset.offset(0.01));
        assertThat(only("a touch more contrast", Contrast.class).amount())
                .isLessThan(only("way more contrast", Contrast.class).amount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "warm only the highlights | HIGHLIGHTS",
            "cool down the shadows a bit | SHADOWS",
            "brighten just the midtones | MIDTONES",
    })
    void tonalRegions(String instruction, Region.Tones.Range range) {
        Operation op = ops(instruction).get(0);
        assertThat(((Operation.Local) op).region()).isEqualTo(new Region.Tones(range));
    }

    @Test
    void sideAndSubjectRegions() {
        assertThat(only("darken the left half", Exposure.class).region()).isEqualTo(new Region.Side(Edge.LEFT, 0.5));
        assertThat(only("brighten the upper third a little", Exposure.class).region())
                .isEqualTo(new Region.Side(Edge.TOP, 1 / 3.0));
        assertThat(only("make the cup brighter", Exposure.class).region()).isEqualTo(new Region.Subject());
        assertThat(only("desaturate the background", Saturation.class).region()).isEqualTo(new Region.Background());
    }

    @ParameterizedTest
    @ValueSource(strings = {"blur the background", "give it a shallow depth of field", "soften the backdrop",
            "nice creamy bokeh behind the mug", "defocus everything except the subject"})
    void backgroundBlur(String instruction) {
        assertThat(only(instruction, Blur.class).region()).isEqualTo(new Region.Background());
    }

    @Test
    void focusAndDetail() {
        only("sharpen it a little", Sharpen.class);
        only("make the details crisper", Sharpen.class);
        only("add some clarity", Clarity.class);
        assertThat(only("make it more dramatic", Contrast.class).amount()).isPositive();
        assertThat(only("less texture please", Clarity.class).amount()).isNegative();
    }

    @Test
    void colourAmounts() {
        assertThat(only("more vibrant colours", Vibrance.class).amount()).isPositive();
        assertThat(only("make the colours pop", Vibrance.class).amount()).isPositive();
        assertThat(only("boost the saturation", Saturation.class).amount()).isPositive();
        assertThat(only("a more muted look", Saturation.class).amount()).isNegative();
        only("convert to B&W", Monochrome.class);
        only("greyscale please", Monochrome.class);
    }

    @Test
    void namedAndHexColours() {
        ColourOverlay overlay = only("a light terracotta wash over the bottom half", ColourOverlay.class);
        assertThat(overlay.colour().hex()).isEqualTo("#c8643b");
        assertThat(overlay.region()).isEqualTo(new Region.Side(Edge.BOTTOM, 0.5));
        Gradient gradient = only("replace the background with a gradient from #1B5E20 to cream", Gradient.class);
        assertThat(gradient.from().hex()).isEqualTo("#1b5e20");
        assertThat(gradient.to().hex()).isEqualTo("#f3ead7");
        assertThat(gradient.region()).isEqualTo(new Region.Background());
        assertThat(only("put a navy blue tint on the right side", ColourOverlay.class).colour().hex()).isEqualTo("#1f2f5a");
    }

    @Test
    void palettes() {
        assertThat(only("use warm earth tones", PaletteGrade.class).name()).isEqualTo("earthy");
        assertThat(only("a teal and orange grade", PaletteGrade.class).name()).isEqualTo("teal and orange");
        assertThat(only("grade toward sage, cream and terracotta", PaletteGrade.class).palette()).hasSize(3);
    }

    @Test
    void textKeepsItsCaseAndFindsItsPlace() {
        Text text = only("put the words \"Fresh Roast\" at the bottom in cream", Text.class);
        assertThat(text.text()).isEqualTo("Fresh Roast");
        assertThat(text.placement()).isEqualTo(Text.Placement.BOTTOM);
        assertThat(text.colour()).isEqualTo("#f3ead7");
        assertThat(only("add a big headline 'Hello Monday'", Text.class).size()).isGreaterThan(0.06);
    }

    @Test
    void finishingTouches() {
        only("add a little film grain", Grain.class);
        assertThat(only("some dust motes floating in the sunbeam from the right", Dust.class).lightFrom()).isEqualTo(Edge.RIGHT);
        assertThat(only("a subtle lens flare in the top left corner", LightLeak.class).flare()).isTrue();
        assertThat(only("an orange light leak", LightLeak.class).flare()).isFalse();
        only("steam rising off the drink", Steam.class);
        only("add a soft vignette", Vignette.class);
        assertThat(only("make it misty", Glow.class).kind()).isEqualTo(Glow.Kind.HAZE);
        assertThat(only("a dreamy glow", Glow.class).kind()).isEqualTo(Glow.Kind.GLOW);
    }

    @Test
    void geometry() {
        assertThat(only("rotate 90 degrees clockwise", Rotate.class).degrees()).isEqualTo(90);
        assertThat(only("turn it left", Rotate.class).degrees()).isEqualTo(-90);
        Rotate straighten = only("straighten it by 2.5 degrees anticlockwise", Rotate.class);
        assertThat(straighten.degrees()).isEqualTo(-2.5);
        assertThat(straighten.cropToFill()).isTrue();
        assertThat(only("mirror it", Flip.class).horizontal()).isTrue();
        assertThat(only("flip it vertically", Flip.class).horizontal()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "knock the exposure down by a third of a stop | Exposure",
            "make the whites cleaner and less yellow | WhiteBalance",
            "add more pop to the colors | Vibrance",
            "crop it for a Pinterest pin | CropToAspect",
            "add a warm backlight | DirectionalLight",
            "the highlights are blown out, fix them | ToneRecovery",
            "write 'Good morning' in the bottom left in white | Text",
            "make it brighter and airier | Exposure",
    })
    void morePhrasingsWrittenForTheseTests(String instruction, String firstOperation) {
        assertThat(ops(instruction).get(0).getClass().getSimpleName()).isEqualTo(firstOperation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "turn it 90 degrees to the right | Rotate",
            "put a navy band along the bottom | ColourOverlay",
            "add morning fog in the background | Glow",
            "make the sky bluer | WhiteBalance",
            "take out the green cast | WhiteBalance",
            "increase the saturation of the background by 20% | Saturation",
    })
    void aThirdRoundOfPhrasings(String instruction, String operation) {
        assertThat(only(instruction, Operation.class).getClass().getSimpleName()).isEqualTo(operation);
    }

    @Test
    void editsItCannotAimAreReportedNotSpreadOverEverything() {
        // a single hue family has no operation: saturating everything instead would do more than was asked
        assertThat(planner.plan("make the greens richer").notUnderstood()).isNotEmpty();
        assertThat(planner.plan("boost the reds a bit").plan().operations()).isEmpty();
        // "remove the colour cast" needs a direction, and is never black and white
        PlanOutcome cast = planner.plan("remove the color cast");
        assertThat(cast.missing()).singleElement().asString().contains("cooler");
        assertThat(cast.plan().operations()).isEmpty();
        assertThat(only("make the sky bluer", WhiteBalance.class).region()).isEqualTo(new Region.Side(Edge.TOP, 0.4));
        assertThat(only("put a thin navy band along the bottom", ColourOverlay.class).region())
                .isEqualTo(new Region.Side(Edge.BOTTOM, 0.1));
        assertThat(only("increase the saturation of the background by 20%", Saturation.class).amount()).isEqualTo(20);
        assertThat(only("take out the green cast", WhiteBalance.class).tint()).isPositive();
    }

    @Test
    void phrasingDetailsThatChangeTheEdit() {
        assertThat(only("knock the exposure down by a third of a stop", Exposure.class).stops()).isCloseTo(-1 / 3.0, Offset.offset(0.01));
        assertThat(only("the highlights are blown out", ToneRecovery.class).highlights()).isNegative();
        assertThat(only("add a headline that says Fresh Roast at the top", Text.class).text()).isEqualTo("Fresh Roast");
        assertThat(only("put the focus on the cup and blur the rest", Blur.class).region()).isEqualTo(new Region.Background());
        assertThat(ops("make it look like it was shot on film")).extracting(op -> op.getClass().getSimpleName())
                .containsExactly("Grain", "Contrast", "Saturation");
        assertThat(planner.plan("make the table look wooden and rustic").synthesis()).isNotEmpty();
    }

    @Test
    void compoundInstructionsKeepTheirOrder() {
        assertThat(ops("crop to square, then make it warmer and a bit darker"))
                .extracting(op -> op.getClass().getSimpleName())
                .containsExactly("CropToAspect", "WhiteBalance", "Exposure");
    }

    @Test
    void reasonsAndConstraintsAreNotSecondEdits() {
        assertThat(ops("cool the shadows, keeping the highlights warm")).hasSize(1);
        assertThat(ops("add grain so it feels like film")).hasSize(1);
        assertThat(ops("blur the background, keeping only the mug sharp")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add a croissant next to the cup", "put two cookies on the saucer", "include a person sipping the coffee",
            "replace the background with a busy café", "remove the spoon", "give the model a warmer smile"})
    void newContentIsSynthesis(String instruction) {
        PlanOutcome outcome = planner.plan(instruction);
        assertThat(outcome.synthesis()).as(instruction).isNotEmpty();
        assertThat(outcome.fullyUnderstood()).isFalse();
    }

    @Test
    void missingFactsAreAskedFor() {
        assertThat(planner.plan("add an overlay in our brand colour").missing()).singleElement().asString().contains("brand");
        assertThat(planner.plan("add a title at the top").missing()).singleElement().asString().contains("quotes");
        assertThat(planner.plan("straighten the horizon").missing()).singleElement().asString().contains("degrees");
    }

    @Test
    void reportsWhatItDidNotUnderstand() {
        PlanOutcome outcome = planner.plan("make it warmer and more awesome");
        assertThat(outcome.fullyUnderstood()).isFalse();
        assertThat(outcome.plan().operations()).hasSize(1);
        assertThat(outcome.notUnderstood()).singleElement().asString().contains("awesome");
        assertThat(planner.plan("the lighting doesn't look right").fullyUnderstood()).isFalse();
    }

    @Test
    void thePlanIsDeterministic() {
        String instruction = "add grain and dust in the light from the left, then a warm light leak";
        assertThat(planner.plan(instruction)).isEqualTo(planner.plan(instruction));
    }
}
