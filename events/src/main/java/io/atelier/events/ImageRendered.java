package io.atelier.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A render worker carried out a step: the image it stored, the plan it ran, how long it took, how it
 * found the subject ({@value #NO_SUBJECT} when no operation needed it), for a step painted by a
 * generative engine where the new content came from ({@code generated}; absent in events before it
 * existed), and how far the result has drifted from the parent and the original ({@code drift}: the
 * engine's measures as JSON, {@code {}} in events written before they were measured).
 */
public record ImageRendered(
        UUID stepId,
        ImageRef image,
        ImageRef thumbnail,
        JsonNode plan,
        String engineVersion,
        long durationMillis,
        String subjectMethod,
        // left out when empty, so built-in renders encode exactly as before the field existed
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Generated> generated,
        JsonNode drift) implements SessionEvent {
    public static final String NO_SUBJECT = "none";

    /** A step rendered by the built-in engine alone, drift not measured. */
    public ImageRendered(UUID stepId, ImageRef image, ImageRef thumbnail, JsonNode plan, String engineVersion, long durationMillis,
                         String subjectMethod) {
        this(stepId, image, thumbnail, plan, engineVersion, durationMillis, subjectMethod, Optional.empty(), null);
    }

    /** A step with its provenance, drift not measured. */
    public ImageRendered(UUID stepId, ImageRef image, ImageRef thumbnail, JsonNode plan, String engineVersion, long durationMillis,
                         String subjectMethod, Optional<Generated> generated) {
        this(stepId, image, thumbnail, plan, engineVersion, durationMillis, subjectMethod, generated, null);
    }

    public ImageRendered {
        // events written before the field existed read as "none": their engine had no subject detection
        subjectMethod = subjectMethod == null ? NO_SUBJECT : subjectMethod;
        generated = generated == null ? Optional.empty() : generated;
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(engineVersion, "engineVersion");
        plan = plan.deepCopy();
        drift = drift == null || drift.isNull() ? JsonNodeFactory.instance.objectNode() : drift.deepCopy();
    }

    @Override
    public JsonNode plan() {
        return plan.deepCopy();
    }

    @Override
    public JsonNode drift() {
        return drift.deepCopy();
    }
}
