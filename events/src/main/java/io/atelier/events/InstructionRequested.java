package io.atelier.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atelier.events.kit.KitUse;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person asked for a new step: an instruction applied to the image of a parent step. The session's
 * original image rides along so the render can measure drift against it (empty in events written
 * before it was added), and so does the brand kit version and contents it was asked under.
 */
public record InstructionRequested(UUID stepId, UUID parentStepId, String instruction, ImageRef parentImage,
                                   Optional<ImageRef> originalImage,
                                   // the brand kit the step was asked under; left out without one, so such events encode as before
                                   @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<KitUse> kit) implements SessionEvent {
    public InstructionRequested {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(parentStepId, "parentStepId");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(parentImage, "parentImage");
        originalImage = originalImage == null ? Optional.empty() : originalImage;
        kit = kit == null ? Optional.empty() : kit;
    }

    public InstructionRequested(UUID stepId, UUID parentStepId, String instruction, ImageRef parentImage, Optional<ImageRef> originalImage) {
        this(stepId, parentStepId, instruction, parentImage, originalImage, Optional.empty());
    }

    public InstructionRequested(UUID stepId, UUID parentStepId, String instruction, ImageRef parentImage) {
        this(stepId, parentStepId, instruction, parentImage, Optional.empty(), Optional.empty());
    }
}
