package io.atelier.engine.plan;

import java.util.List;
import java.util.Objects;

/**
 * An instruction compiled into an ordered list of operations: recorded with every render so it is
 * explainable and repeatable. {@code planner} names who wrote it.
 */
public record EditPlan(int schemaVersion, String instruction, String planner, List<Operation> operations) {
    /** Version of the plan JSON shape. */
    public static final int SCHEMA_VERSION = 2;

    public EditPlan {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(planner, "planner");
        operations = List.copyOf(operations);
    }

    public static EditPlan of(String instruction, String planner, List<Operation> operations) {
        return new EditPlan(SCHEMA_VERSION, instruction, planner, operations);
    }
}
