package io.atelier.events;

import java.util.Objects;
import java.util.UUID;

/** A person asked for a new step: an instruction applied to the image of a parent step. */
public record InstructionRequested(UUID stepId, UUID parentStepId, String instruction, ImageRef parentImage)
        implements SessionEvent {
    public InstructionRequested {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(parentStepId, "parentStepId");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(parentImage, "parentImage");
    }
}
