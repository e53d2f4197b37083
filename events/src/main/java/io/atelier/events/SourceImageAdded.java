package io.atelier.events;

import java.util.Objects;
import java.util.UUID;

/** The original image of a session was uploaded; it is the root step of the branch tree. */
public record SourceImageAdded(UUID stepId, String fileName, ImageRef image, ImageRef thumbnail)
        implements SessionEvent {
    public SourceImageAdded {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(thumbnail, "thumbnail");
    }
}
