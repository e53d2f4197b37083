package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.PlanJson;
import org.junit.jupiter.api.Test;

/** The planner's notes (what it set aside, what it took as the problem) travel in the plan JSON and read back. */
class PlanNotesTest {
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @Test
    void aProblemDescriptionOverriddenByAnAskIsNotedInThePlanJson() {
        EditPlan plan = planner.plan("flat, give it more contrast").plan();
        JsonNode tree = PlanJson.toTree(plan);
        assertThat(tree.path("notes").isArray()).as(tree.toString()).isTrue();
        assertThat(tree.path("notes").toString()).contains("flat");
        assertThat(PlanJson.fromTree(tree)).isEqualTo(plan);
    }

    @Test
    void aPlanWithoutNotesHasNoNotesFieldSoRecordedPlansKeepTheirBytes() {
        EditPlan plan = planner.plan("crop to square").plan();
        JsonNode tree = PlanJson.toTree(plan);
        assertThat(plan.notes()).isEmpty();
        assertThat(tree.has("notes")).as(tree.toString()).isFalse();
        assertThat(PlanJson.fromTree(tree)).isEqualTo(plan);
    }
}
