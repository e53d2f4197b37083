package io.atelier.engine.planner;

import io.atelier.engine.ops.AutoLevel;
import io.atelier.engine.ops.AutoWhiteBalance;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Border;
import io.atelier.engine.ops.HueAdjust;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Text;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.plan.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in planner's contract: tolerant of descriptions, honest when unsure, deterministic, and clear about what it cannot paint. */
class BuiltinPlannerTest {
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @Test
    void aSquareCropWithTheSubjectInTheMiddleIsACropAroundTheSubject() {
        PlanOutcome outcome = planner.plan("crop it square, subject in the middle");
        assertThat(outcome.fullyUnderstood()).isTrue();
        assertThat(outcome.plan().operations()).containsExactly(new CropToAspect(1, 1, CropToAspect.Anchor.SUBJECT));
    }

    @Test
    void aDescriptionOfTheResultIsANoteNotAFailure() {
        PlanOutcome outcome = planner.plan("add soft light from the left, like a window beside the table");
        assertThat(outcome.fullyUnderstood()).isTrue();
        assertThat(outcome.plan().operations()).singleElement().isInstanceOf(DirectionalLight.class);
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("like a window beside the table"));
    }

    @Test
    void aVagueWishAloneFailsAndNamesTheClosestEdits() {
        PlanOutcome outcome = planner.plan("make it better");
        assertThat(outcome.fullyUnderstood()).isFalse();
        assertThat(outcome.notUnderstood()).isNotEmpty();
        assertThat(outcome.closest()).isNotEmpty();
    }

    @Test
    void aVagueWishBesideAConcreteEditIsSetAsideWithANote() {
        PlanOutcome outcome = planner.plan("make it warmer and more awesome");
        assertThat(outcome.fullyUnderstood()).isTrue();
        assertThat(PlanTokens.of(outcome)).containsExactly("temperature+");
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("awesome"));
    }

    @Test
    void gentleLightFromASideIsLightNotSynthesis() {
        PlanOutcome outcome = planner.plan("a gentle light from the right");
        assertThat(outcome.synthesis()).isEmpty();
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(DirectionalLight.class,
                l -> assertThat(l.softness()).isGreaterThanOrEqualTo(0.5));
    }

    @Test
    void newObjectsAreSynthesisEvenBesideAnEdit() {
        PlanOutcome outcome = planner.plan("warmer please, and add a plant next to the cup");
        assertThat(outcome.synthesis()).singleElement().asString().contains("plant");
        assertThat(outcome.fullyUnderstood()).isFalse();
    }

    @Test
    void aColourCastIsMeasuredInThePhotoNamedOrNotWhileAPlainLessYellowMovesTheTemperature() {
        assertThat(planner.plan("remove the colour cast").plan().operations()).singleElement().isInstanceOf(AutoWhiteBalance.class);
        assertThat(planner.plan("fix the white balance").plan().operations()).singleElement().isInstanceOf(AutoWhiteBalance.class);
        assertThat(planner.plan("remove the yellow cast").plan().operations()).singleElement().isInstanceOf(AutoWhiteBalance.class);
        assertThat(PlanTokens.of(planner.plan("less yellow"))).containsExactly("temperature-");
    }

    @Test
    void oneColourFamilyIsEditedOnItsOwn() {
        assertThat(planner.plan("richer greens").plan().operations()).singleElement().isInstanceOfSatisfying(HueAdjust.class, h -> {
            assertThat(h.colours()).isEqualTo(HueAdjust.Family.GREENS);
            assertThat(h.saturation()).isPositive();
        });
        assertThat(planner.plan("tone down the yellows").plan().operations()).singleElement().isInstanceOfSatisfying(HueAdjust.class,
                h -> assertThat(h.saturation()).isNegative());
        assertThat(planner.plan("shift the reds toward orange").plan().operations()).singleElement().isInstanceOfSatisfying(HueAdjust.class,
                h -> assertThat(h.shift()).isPositive());
    }

    @Test
    void autoLevelAndABorder() {
        assertThat(planner.plan("auto-level").plan().operations()).singleElement().isInstanceOf(AutoLevel.class);
        assertThat(planner.plan("add a thin black border").plan().operations()).singleElement().isInstanceOfSatisfying(Border.class,
                b -> assertThat(b.colour().hex()).isEqualTo("#111111"));
    }

    @Test
    void textKeepsTheWordsAsTyped() {
        PlanOutcome outcome = planner.plan("add the title \"Fresh Roast, Daily\" at the top");
        assertThat(outcome.plan().operations()).singleElement().isInstanceOfSatisfying(Text.class, t -> {
            assertThat(t.text()).isEqualTo("Fresh Roast, Daily");
            assertThat(t.placement()).isEqualTo(Text.Placement.TOP);
        });
    }

    @Test
    void regionsAndAmountsAreRead() {
        assertThat(planner.plan("blur the background a lot").plan().operations()).singleElement()
                .isInstanceOfSatisfying(Blur.class, b -> {
                    assertThat(b.region()).isEqualTo(new Region.Background());
                    assertThat(b.radius()).isGreaterThan(Strengths.BLUR_RADIUS);
                });
        assertThat(planner.plan("open it up by half a stop").plan().operations())
                .containsExactly(new Exposure(0.5, Region.WHOLE));
        assertThat(planner.plan("crop to 4:5").plan().operations()).singleElement()
                .isInstanceOfSatisfying(CropToAspect.class, c -> assertThat(c.width() * 5).isEqualTo(c.height() * 4));
    }

    @Test
    void theSameInstructionAlwaysGivesTheSamePlan() {
        List<String> instructions = List.of("warmer, softer contrast and a touch of grain", "crop square, subject centred, lift the shadows",
                "a gentle light from the right with long shadows", "tone the colours down a bit");
        for (String instruction : instructions) {
            String first = PlanJson.toTree(planner.plan(instruction).plan()).toString();
            for (int i = 0; i < 3; i++) {
                assertThat(PlanJson.toTree(planner.plan(instruction).plan()).toString()).isEqualTo(first);
            }
            // a second planner, with its own model session, agrees bit for bit
            assertThat(PlanJson.toTree(Second.PLANNER.plan(instruction).plan()).toString()).isEqualTo(first);
        }
    }

    @Test
    void embeddingsAreBitIdenticalAcrossCalls() {
        SentenceEmbedder embedder = Second.EMBEDDER;
        float[] a = embedder.embed("make the shadows a little deeper");
        for (int i = 0; i < 5; i++) {
            assertThat(embedder.embed("make the shadows a little deeper")).containsExactly(a);
        }
    }

    @Test
    void thePlanSaysWhichPlannerMadeIt() {
        assertThat(planner.plan("warmer").plan().planner()).startsWith(BuiltinPlanner.VERSION).contains("MiniLM");
    }

    /** A second, independent planner for the determinism checks. */
    private static final class Second {
        static final SentenceEmbedder EMBEDDER = new MiniLmEmbedder(MiniLmEmbedder.Variant.QUANTISED);
        static final BuiltinPlanner PLANNER = new BuiltinPlanner(EMBEDDER, Catalogue.standard());
    }
}
