package io.atelier.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker has started a step's call to a generative provider ({@code provider}: "openai", "bfl", "comfyui"; never a
 * key or URL). Progress, not an outcome: the step stays pending until ImageRendered, RenderFailed or RenderCancelled.
 * A step rendered again (after a worker's failure) may have more than one; the last says when the current call began.
 */
public record GenerationStarted(UUID stepId, String provider, Instant startedAt) implements SessionEvent {
    public GenerationStarted {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
