package io.atelier.events;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A step could not be rendered. {@code reason} is written for the person who asked: what was not
 * understood or went wrong; {@code hint} says what would work instead.
 */
public record RenderFailed(UUID stepId, String reason, String hint, List<String> notUnderstood, String engineVersion)
        implements SessionEvent {
    public RenderFailed {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hint, "hint");
        notUnderstood = List.copyOf(notUnderstood == null ? List.of() : notUnderstood);
        Objects.requireNonNull(engineVersion, "engineVersion");
    }
}
