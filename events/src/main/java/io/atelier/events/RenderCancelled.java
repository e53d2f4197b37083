package io.atelier.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A pending step was cancelled by the person who asked for it (the envelope's actor): its terminal event, written
 * by session-service under the session's lock, so a worker's later answer for the step is ignored. The step has
 * no image; workers that see it stop the step's render.
 */
public record RenderCancelled(UUID stepId) implements SessionEvent {
    public RenderCancelled {
        Objects.requireNonNull(stepId, "stepId");
    }
}
