package io.atelier.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.plan.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one check of declared parameters, as a plan is built or read: the reasons people and planners see. */
class ParametersTest {

    private static EditPlan plan(Operation operation) {
        return EditPlan.of("x", "t", List.of(operation));
    }

    @Test
    void outOfRangeNumbersAreRefusedWithTheirBounds() {
        assertThatThrownBy(() -> plan(new Exposure(9, Region.WHOLE))).hasMessage("stops must be within -4.0 and 4.0, got 9.0");
        assertThatThrownBy(() -> plan(new CropToAspect(0, 9, CropToAspect.Anchor.CENTRE))).hasMessage("width must be within 1 and 100, got 0");
        assertThatThrownBy(() -> plan(new Rotate(Double.NaN, false))).hasMessageStartingWith("degrees must be within");
        assertThat(plan(new Exposure(-4, Region.WHOLE)).operations()).hasSize(1); // bounds are inclusive
    }

    @Test
    void missingValuesAreRequiredAndAMissingRegionIsTheWholeFrame() {
        assertThatThrownBy(() -> plan(new TimeOfDay(null, 0.5))).hasMessage("mood is required");
        assertThatThrownBy(() -> plan(new Border(0.02, null))).hasMessage("colour is required");
        assertThat(new Saturation(10, null).region()).isEqualTo(Region.WHOLE);
        var tree = PlanJson.toTree(plan(new Saturation(10, Region.WHOLE)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/operations/0")).remove("region");
        assertThat(((Saturation) PlanJson.fromTree(tree).operations().get(0)).region()).isEqualTo(Region.WHOLE);
    }

    @Test
    void constraintsBeyondBoundsStayWithTheirOperation() {
        assertThatThrownBy(() -> new Reframe(16, 9, Edge.TOP_LEFT, 0.4)).hasMessageContaining("room goes on a side");
        assertThatThrownBy(() -> new PaletteGrade("none", List.of(), 0.5, Region.WHOLE)).hasMessageContaining("1 to 12 colours");
        assertThatThrownBy(() -> new Text(" ", Text.Placement.AUTO, "auto", 0.05)).hasMessageContaining("1–120 characters");
        assertThatThrownBy(() -> new Text("Hi", Text.Placement.AUTO, "teal", 0.05)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRegisteredOperationIsARecordWithItsOwnName() {
        assertThat(OperationNames.all().stream().map(OperationNames::name).distinct()).hasSize(OperationNames.all().size());
        assertThat(OperationNames.all()).allSatisfy(type -> assertThat(type.isRecord()).isTrue());
    }
}
