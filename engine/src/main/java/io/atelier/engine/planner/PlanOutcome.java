package io.atelier.engine.planner;

import io.atelier.engine.plan.EditPlan;
import java.util.List;

/**
 * What a planner made of an instruction: the plan for the parts it understood, the parts it did not,
 * the parts that ask for new content (synthesis, which the built-in engine cannot paint), facts it
 * needs from the person (a colour, the words of a text), notes on clauses it read as descriptions or
 * set aside without failing the step, and — when nothing concrete was found — the closest things it can do.
 */
public record PlanOutcome(EditPlan plan, List<String> notUnderstood, List<String> synthesis, List<String> missing,
        List<String> notes, List<String> closest) {
    public PlanOutcome {
        notUnderstood = List.copyOf(notUnderstood);
        synthesis = List.copyOf(synthesis);
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
        closest = List.copyOf(closest);
    }

    public PlanOutcome(EditPlan plan, List<String> notUnderstood, List<String> synthesis, List<String> missing) {
        this(plan, notUnderstood, synthesis, missing, List.of(), List.of());
    }

    public PlanOutcome(EditPlan plan, List<String> notUnderstood) {
        this(plan, notUnderstood, List.of(), List.of());
    }

    /** True when the instruction became operations the built-in engine can run, with nothing left to ask. */
    public boolean fullyUnderstood() {
        return notUnderstood.isEmpty() && synthesis.isEmpty() && missing.isEmpty() && !plan.operations().isEmpty();
    }
}
