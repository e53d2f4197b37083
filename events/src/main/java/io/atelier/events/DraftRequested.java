package io.atelier.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A session was started from a prompt: its root step is to be painted by a generative engine at about
 * {@code width}×{@code height} (the engine picks the size it accepts closest in shape). It is the root
 * of the branch tree, as a SourceImageAdded is for a session started from a photo.
 */
public record DraftRequested(UUID stepId, String prompt, int width, int height) implements SessionEvent {
    public DraftRequested {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(prompt, "prompt");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a draft needs a positive size, got " + width + "x" + height);
        }
    }
}
