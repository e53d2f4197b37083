package io.atelier.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.UUID;

/**
 * A render worker carried out a step: the image it stored, the plan it ran, how long it took, and how
 * it found the subject ({@value #NO_SUBJECT} when no operation needed it).
 */
public record ImageRendered(
        UUID stepId,
        ImageRef image,
        ImageRef thumbnail,
        JsonNode plan,
        String engineVersion,
        long durationMillis,
        String subjectMethod) implements SessionEvent {
    public static final String NO_SUBJECT = "none";

    public ImageRendered {
        // events written before the field existed read as "none": their engine had no subject detection
        subjectMethod = subjectMethod == null ? NO_SUBJECT : subjectMethod;
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
