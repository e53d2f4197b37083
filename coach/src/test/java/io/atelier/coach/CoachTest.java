package io.atelier.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coach on paraphrases written for this test (not taken from the guide's examples, except the issue's split example). */
class CoachTest {
    private final Coach coach = new Coach();
    private static final List<String> LIT_AND_CROPPED = List.of("warm the light a little", "crop to a 4:5 portrait");

    private static String kinds(Coaching c) {
        return (c instanceof Coaching.Refuse ? "refuse:" : "go:") + c.advice().stream().map(Advice::kind).collect(Collectors.joining("+"));
    }

    @Test
    void theIssueExampleIsSplitIntoThreeOneClickSteps() {
        Coaching c = coach.advise("make it warmer, blur the background and crop it square", List.of());
        assertThat(c).isInstanceOf(Coaching.Go.class);
        Advice split = c.advice().getFirst();
        assertThat(split.kind()).isEqualTo(Advice.SPLIT);
        assertThat(split.steps()).containsExactly("make it warmer", "blur the background", "crop it square");
        assertThat(split.suggestion()).isEqualTo("make it warmer");
    }

    @Test
    void aVerbCarriesOverToTheNextThingAdded() {
        Advice split = coach.advise("Add a soft beam of sunlight from the left, and a small potted fern behind the mug", LIT_AND_CROPPED)
                .advice().getFirst();
        assertThat(split.steps()).containsExactly("add a soft beam of sunlight from the left", "add a small potted fern behind the mug");
    }

    @Test
    void bareComparativesBecomeStepsOfTheirOwn() {
        Advice split = coach.advise("make it brighter, punchier and a bit cooler", LIT_AND_CROPPED).advice().getFirst();
        assertThat(split.steps()).containsExactly("make it brighter", "make it punchier", "make it a bit cooler");
    }

    // 34 fresh paraphrases: what the coach does with each, with a branch that has light and composition settled
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // one concrete change: no advice
            "deepen the shadows on the right side of the mug | go:",
            "crop to 16:9 with room for text on the left | go:",
            "tint the whole frame slightly teal | go:",
            "raise the exposure by about half a stop | go:",
            "blur everything behind the plate, keep the plate crisp | go:",
            "increase contrast between the loaf and the linen behind it | go:",
            "turn it black and white | go:",
            "Could you lift the shadows a touch | go:",
            // several changes
            "brighten the face, remove the fork and straighten the horizon | go:split",
            "desaturate the greens; add a vignette | go:split",
            "rotate it slightly clockwise then crop to a square | go:split",
            "warm the highlights and also cool the shadows | go:split",
            "add grain plus a gentle lens flare | go:split",
            "make it darker and more contrasty | go:split",
            // judging only: refused with concrete suggestions
            "make it better | refuse:evaluative",
            "I don't like it | refuse:evaluative",
            "the lighting doesn't look right | refuse:evaluative",
            "hmm, this isn't quite right yet | refuse:evaluative",
            "Can you make it pop? | refuse:evaluative",
            "it looks kind of amateur | refuse:evaluative",
            "improve the photo please | refuse:evaluative",
            "the background is way too distracting | refuse:evaluative",
            "something feels off about the colours | refuse:evaluative",
            "make it look more professional | refuse:evaluative",
            "fix it | refuse:evaluative",
            "this is ugly | refuse:evaluative",
            // judging with a change in it: queued, and told what will happen
            "make it nicer and warmer | go:evaluative",
            // polish on a settled branch: fine
            "add a few drops of condensation on the glass | go:",
            "sharpen the label on the bottle | go:",
            "add fine film grain | go:",
    })
    void classifiesFreshParaphrases(String instruction, String expected) {
        assertThat(kinds(coach.advise(instruction, LIT_AND_CROPPED))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on a fresh branch -> {1}")
    @CsvSource(delimiter = '|', value = {
            "add a wisp of steam above the espresso | go:layer-order",
            "put some dust particles in the light beam | go:layer-order",
            "add a soft vignette around the edges | go:layer-order",
            "warm the light towards golden hour | go:",
            "crop to a 1:1 square | go:",
    })
    void polishBeforeLightAndCompositionIsFlagged(String instruction, String expected) {
        assertThat(kinds(coach.advise(instruction, List.of()))).isEqualTo(expected);
    }

    @Test
    void polishAfterOnlyLightNamesCompositionAsUnsettled() {
        Advice a = coach.advise("add a little sparkle to the sugar crystals", List.of("add soft morning light from the window")).advice().getFirst();
        assertThat(a.kind()).isEqualTo(Advice.LAYER_ORDER);
        assertThat(a.message()).contains("composition").doesNotContain("light and atmosphere and");
        assertThat(a.steps()).isEqualTo(Layer.COMPOSITION.examples());
    }

    @Test
    void changingLightAfterPolishSuggestsBranchingEarlier() {
        Advice a = coach.advise("brighten the whole scene", List.of("crop to a square", "warm it up", "add fine film grain")).advice().getFirst();
        assertThat(a.kind()).isEqualTo(Advice.LAYER_ORDER);
        assertThat(a.message()).contains("add fine film grain");
    }

    @Test
    void evaluativeSuggestionsFollowTheTopicOrTheBranchsNextLayer() {
        assertThat(coach.advise("the lighting doesn't look right", List.of()).advice().getFirst().steps()).isEqualTo(Layer.LIGHT.examples());
        assertThat(coach.advise("the background is too distracting", List.of()).advice().getFirst().steps())
                .isEqualTo(Layer.COMPOSITION.examples());
        // nothing to go on: suggest the first layer this branch has not touched (light and composition are done here)
        assertThat(coach.advise("I don't like it", LIT_AND_CROPPED).advice().getFirst().steps()).isEqualTo(Layer.BRAND.examples());
        assertThat(coach.advise("I don't like it", List.of()).advice().getFirst().steps()).isEqualTo(Layer.LIGHT.examples());
    }

    @Test
    void aLongBranchIsToldToGoBack() {
        List<String> eight = List.of("warm it", "crop square", "brighten", "darken the corners", "add grain", "cool the shadows",
                "lift the blacks", "deepen the greens");
        assertThat(kinds(coach.advise("brighten the mug", eight.subList(0, 7)))).doesNotContain("long-branch");
        Coaching c = coach.advise("brighten the mug", eight);
        assertThat(kinds(c)).contains("long-branch");
        assertThat(c.advice().getLast().message()).contains("9 steps").contains("original");
    }

    @Test
    void unknownWordsWithoutJudgementAreLeftToThePlanner() {
        assertThat(kinds(coach.advise("vintage polaroid look", List.of()))).isEqualTo("go:");
    }
}
