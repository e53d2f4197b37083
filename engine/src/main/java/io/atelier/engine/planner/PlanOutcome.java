package io.atelier.engine.planner;

import io.atelier.engine.plan.EditPlan;
import java.util.List;

/**
 * What a planner made of an instruction: the plan for the parts it understood, the parts it did not,
 * the parts that ask for new content (synthesis, which the built-in engine cannot paint), and facts
 * it needs from the person (a colour, the words of a text).
 */
public record PlanOutcome(EditPlan plan, List<String> notUnderstood, List<String> synthesis, List<String> missing) {
    public PlanOutcome {
        notUnderstood = List.copyOf(notUnderstood);
        synthesis = List.copyOf(synthesis);
        missing = List.copyOf(missing);
    }

    public PlanOutcome(EditPlan plan, List<String> notUnderstood) {
        this(plan, notUnderstood, List.of(), List.of());
    }

    /** True when every part of the instruction became an operation the built-in engine can run. */
    public boolean fullyUnderstood() {
        return notUnderstood.isEmpty() && synthesis.isEmpty() && missing.isEmpty() && !plan.operations().isEmpty();
    }
}
