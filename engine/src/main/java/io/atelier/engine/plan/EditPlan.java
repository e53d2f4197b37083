package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Parameters;
import java.util.List;
import java.util.Objects;

/**
 * An instruction compiled into an ordered list of operations: recorded with every render so it is
 * explainable and repeatable. {@code planner} names who wrote it. Every operation is checked against
 * its declared parameters when a plan is built or read, so a plan out of range is refused whole.
 */
public record EditPlan(int schemaVersion, String instruction, String planner, List<Operation> operations) {
    /** Version of the plan JSON shape. */
    public static final int SCHEMA_VERSION = 2;

    public EditPlan {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(planner, "planner");
        operations = List.copyOf(operations);
        operations.forEach(Parameters::check);
    }

    public static EditPlan of(String instruction, String planner, List<Operation> operations) {
        return new EditPlan(SCHEMA_VERSION, instruction, planner, operations);
    }

    /** "What I did", one sentence per operation: written into the plan's JSON for people, ignored when read back. */
    @JsonProperty(value = "whatIDid", access = JsonProperty.Access.READ_ONLY)
    public List<String> whatIDid() {
        return operations.stream().map(Operation::describe).toList();
    }
}
