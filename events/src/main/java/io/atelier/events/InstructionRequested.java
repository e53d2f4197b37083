package io.atelier.events;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person asked for a new step: an instruction applied to the image of a parent step. The session's
 * original image rides along so the render can measure drift against it (empty in events written
 * before it was added).
 */
public record InstructionRequested(UUID stepId, UUID parentStepId, String instruction, ImageRef parentImage,
                                   Optional<ImageRef> originalImage) implements SessionEvent {
    public InstructionRequested {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(parentStepId, "parentStepId");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(parentImage, "parentImage");
        originalImage = originalImage == null ? Optional.empty() : originalImage;
    }

    public InstructionRequested(UUID stepId, UUID parentStepId, String instruction, ImageRef parentImage) {
        this(stepId, parentStepId, instruction, parentImage, Optional.empty());
    }
}
