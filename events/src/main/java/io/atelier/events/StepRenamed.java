package io.atelier.events;

import java.util.Objects;
import java.util.UUID;

/** A step got a name of its own, shown instead of its instruction; a blank name goes back to the instruction. */
public record StepRenamed(UUID stepId, String name) implements SessionEvent {
    public StepRenamed {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(name, "name");
    }
}
