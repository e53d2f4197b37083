package io.atelier.engine.planner;

import io.atelier.engine.ops.Operation;
import java.util.List;

/** What a builder made of one clause: operations, a fact it still needs from the person, or why it cannot. */
record Built(List<Operation> operations, List<String> missing, List<String> cannot) {
    Built {
        operations = List.copyOf(operations);
        missing = List.copyOf(missing);
        cannot = List.copyOf(cannot);
    }

    static Built of(Operation... operations) {
        return new Built(List.of(operations), List.of(), List.of());
    }

    static Built needs(String fact) {
        return new Built(List.of(), List.of(fact), List.of());
    }

    static Built cannot(String why) {
        return new Built(List.of(), List.of(), List.of(why));
    }
}
