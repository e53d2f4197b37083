package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Parameters;
import java.util.List;
import java.util.Objects;

/**
 * An instruction compiled into an ordered list of operations: recorded with every render so it is
 * explainable and repeatable. {@code planner} names who wrote it. Every operation is checked against
 * its declared parameters when a plan is built or read, so a plan out of range is refused whole.
 * {@code notes} are the planner's words on what it was unsure of or set aside (absent from the JSON when none).
 */
public record EditPlan(int schemaVersion, String instruction, String planner, List<Operation> operations,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {
    /** Version of the plan JSON shape. */
    public static final int SCHEMA_VERSION = 2;

    public EditPlan {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(planner, "planner");
        operations = List.copyOf(operations);
        notes = notes == null ? List.of() : List.copyOf(notes); // plans recorded before notes existed have none
        operations.forEach(Parameters::check);
    }

    public static EditPlan of(String instruction, String planner, List<Operation> operations) {
        return new EditPlan(SCHEMA_VERSION, instruction, planner, operations, List.of());
    }

    /** A plan with the planner's notes on what it was unsure of or set aside. */
    public static EditPlan of(String instruction, String planner, List<Operation> operations, List<String> notes) {
        return new EditPlan(SCHEMA_VERSION, instruction, planner, operations, notes);
    }

    /** "What I did", one sentence per operation: written into the plan's JSON for people, ignored when read back. */
    @JsonProperty(value = "whatIDid", access = JsonProperty.Access.READ_ONLY)
    public List<String> whatIDid() {
        return operations.stream().map(Operation::describe).toList();
    }
}
