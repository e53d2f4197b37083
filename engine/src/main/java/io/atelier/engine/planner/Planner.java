package io.atelier.engine.planner;

/** Compiles a plain-English instruction into an edit plan. */
public interface Planner {
    PlanOutcome plan(String instruction);

    /** One line per capability, shown to a person when an instruction was not understood. */
    String capabilities();
}
