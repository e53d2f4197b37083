package io.atelier.events;

import java.util.Objects;
import java.util.UUID;

/** A leaf step was deleted: it leaves the tree and cannot be refined; the log and the audit trail keep it. */
public record StepDeleted(UUID stepId) implements SessionEvent {
    public StepDeleted {
        Objects.requireNonNull(stepId, "stepId");
    }
}
