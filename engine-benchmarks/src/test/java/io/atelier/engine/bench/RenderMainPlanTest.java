package io.atelier.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import org.junit.jupiter.api.Test;

/** RenderMain times the plan the built-in planner makes for its words, so the two must not drift apart. */
class RenderMainPlanTest {
    @Test
    void theResizePlanIsThePlannersPlanForItsWords() {
        PlanOutcome outcome = BuiltinPlanner.standard().plan("resize it to 2048 px");
        assertThat(outcome.plan().operations()).isEqualTo(RenderMain.plan("resize").operations());
    }
}
