package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.ops.Border;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Resize;
import org.junit.jupiter.api.Test;

/** Resizing in the words people use, and the neighbouring edits whose words overlap it keeping theirs. */
class ResizeWordsTest {
    private static final BuiltinPlanner PLANNER = BuiltinPlanner.standard();

    @Test
    void aPixelSizeBecomesTheLongerSide() {
        assertThat(PLANNER.plan("resize it to 2048 px").plan().operations()).containsExactly(new Resize(2048));
        assertThat(PLANNER.plan("make it 1080 pixels wide").plan().operations()).containsExactly(new Resize(1080));
        assertThat(PLANNER.plan("scale it down to 2048 on the long side").plan().operations()).containsExactly(new Resize(2048));
        assertThat(PLANNER.plan("downsize to 640px please").plan().operations()).containsExactly(new Resize(640));
    }

    @Test
    void aPercentageIsAskedAboutNotGuessed() {
        PlanOutcome outcome = PLANNER.plan("downsize to 50%");
        assertThat(outcome.plan().operations()).noneMatch(Resize.class::isInstance);
        assertThat(outcome.missing()).isNotEmpty();
    }

    @Test
    void cropAndBorderKeepTheirWords() {
        assertThat(PLANNER.plan("resize it for an instagram story").plan().operations()).hasAtLeastOneElementOfType(CropToAspect.class)
                .noneMatch(Resize.class::isInstance);
        assertThat(PLANNER.plan("add a 20 px white border").plan().operations()).hasAtLeastOneElementOfType(Border.class)
                .noneMatch(Resize.class::isInstance);
    }
}
