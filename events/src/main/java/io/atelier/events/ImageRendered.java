package io.atelier.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.UUID;

/** A render worker carried out a step: the image it stored, the plan it ran and how long it took. */
public record ImageRendered(
        UUID stepId,
        ImageRef image,
        ImageRef thumbnail,
        JsonNode plan,
        String engineVersion,
        long durationMillis) implements SessionEvent {
    public ImageRendered {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(engineVersion, "engineVersion");
        plan = plan.deepCopy();
    }

    @Override
    public JsonNode plan() {
        return plan.deepCopy();
    }
}
