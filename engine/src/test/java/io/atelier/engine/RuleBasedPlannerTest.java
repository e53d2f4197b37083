package io.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.plan.Operation;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.planner.RuleBasedPlanner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedPlannerTest {
    private final RuleBasedPlanner planner = new RuleBasedPlanner();

    private List<Operation> ops(String instruction) {
        PlanOutcome outcome = planner.plan(instruction);
        assertThat(outcome.notUnderstood()).as("not understood in '%s'", instruction).isEmpty();
        return outcome.plan().operations();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Crop to a 1:1 square format, ensuring the main subject stays centered | 1 | 1",
            "make it square | 1 | 1",
            "square crop please | 1 | 1",
            "crop 16 by 9 | 16 | 9",
            "Create a landscape 16:9 composition | 16 | 9",
            "reframe as 4x5 | 4 | 5",
            "turn it into an Instagram story | 9 | 16",
            "format for instagram reels | 9 | 16",
            "3:2 | 3 | 2",
            "cut it to 3 to 2 | 3 | 2",
            "Crop to a 1:1 square format, keeping the cup centred | 1 | 1",
    })
    void readsAspectRatiosSaidManyWays(String instruction, int w, int h) {
        assertThat(ops(instruction)).singleElement().isInstanceOfSatisfying(Operation.CropToAspect.class, crop -> {
            assertThat(crop.width()).isEqualTo(w);
            assertThat(crop.height()).isEqualTo(h);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it warmer", "warm the light a little", "give it a golden glow", "more cozy and warm",
            "Warm the light temperature to give the scene golden hour quality, similar to late afternoon sun", "less cool"})
    void warmerMeansPositiveTemperature(String instruction) {
        assertThat(ops(instruction)).allSatisfy(op -> assertThat(op).isInstanceOfSatisfying(Operation.WhiteBalance.class,
                wb -> assertThat(wb.temperature()).isPositive()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it cooler", "cool it down a lot", "a colder, bluer look", "less warm", "too warm"})
    void coolerMeansNegativeTemperature(String instruction) {
        assertThat(ops(instruction)).allSatisfy(op -> assertThat(op).isInstanceOfSatisfying(Operation.WhiteBalance.class,
                wb -> assertThat(wb.temperature()).isNegative()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "brighten it | 1",
            "make it a bit lighter | 1",
            "increase the exposure by a stop | 1",
            "20% brighter | 1",
            "darken the image | -1",
            "make it darker | -1",
            "lower the exposure | -1",
            "reduce the brightness | -1",
            "it's too dark | 1",
            "underexpose by half a stop | -1",
    })
    void exposureDirection(String instruction, int sign) {
        assertThat(ops(instruction)).singleElement().isInstanceOfSatisfying(Operation.Exposure.class,
                e -> assertThat(Math.signum(e.stops())).isEqualTo((double) sign));
    }

    @org.junit.jupiter.api.Test
    void intensityWordsScaleTheEdit() {
        double slight = ((Operation.WhiteBalance) ops("slightly warmer").get(0)).temperature();
        double plain = ((Operation.WhiteBalance) ops("warmer").get(0)).temperature();
        double strong = ((Operation.WhiteBalance) ops("much warmer").get(0)).temperature();
        assertThat(slight).isLessThan(plain);
        assertThat(plain).isLessThan(strong);
        assertThat(((Operation.Exposure) ops("brighter by a stop").get(0)).stops()).isEqualTo(1.0);
        assertThat(((Operation.Exposure) ops("20% brighter").get(0)).stops()).isCloseTo(Math.log(1.2) / Math.log(2), org.assertj.core.data.Offset.offset(0.01));
    }

    @ParameterizedTest
    @ValueSource(strings = {"black and white", "convert to B&W", "make it monochrome", "greyscale please", "remove all colour"})
    void blackAndWhite(String instruction) {
        assertThat(ops(instruction)).singleElement().isInstanceOf(Operation.Monochrome.class);
    }

    @org.junit.jupiter.api.Test
    void compoundInstructionsKeepTheirOrder() {
        assertThat(ops("crop to square, then make it warmer and a bit darker"))
                .extracting(op -> op.getClass().getSimpleName())
                .containsExactly("CropToAspect", "WhiteBalance", "Exposure");
    }

    @org.junit.jupiter.api.Test
    void reportsWhatItDidNotUnderstand() {
        PlanOutcome outcome = planner.plan("make it warmer and add a small green plant in a terracotta pot");
        assertThat(outcome.fullyUnderstood()).isFalse();
        assertThat(outcome.plan().operations()).hasSize(1);
        assertThat(outcome.notUnderstood()).singleElement().asString().contains("plant");

        PlanOutcome nonsense = planner.plan("make it pop");
        assertThat(nonsense.plan().operations()).isEmpty();
        assertThat(nonsense.notUnderstood()).isNotEmpty();
    }
}
