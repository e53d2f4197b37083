package io.atelier.engine.planner;

import io.atelier.engine.plan.EditPlan;
import java.util.List;

/** What a planner made of an instruction: the plan for the parts it understood, and the parts it did not. */
public record PlanOutcome(EditPlan plan, List<String> notUnderstood) {
    public PlanOutcome {
        notUnderstood = List.copyOf(notUnderstood);
    }

    /** True when every part of the instruction became an operation. */
    public boolean fullyUnderstood() {
        return notUnderstood.isEmpty() && !plan.operations().isEmpty();
    }
}
