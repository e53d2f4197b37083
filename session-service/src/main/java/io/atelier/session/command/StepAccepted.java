package io.atelier.session.command;

import io.atelier.platform.json.StoredJson;
import io.atelier.session.model.StepEntity;
import java.time.Instant;
import java.util.UUID;

/** The answer to an accepted refinement request: the new step, pending until a worker renders it. */
public record StepAccepted(UUID stepId, UUID sessionId, UUID parentStepId, String instruction, String status, Instant requestedAt) {

    static StepAccepted of(StepEntity step) {
        return new StepAccepted(step.id, step.sessionId, step.parentStepId, step.instruction, "pending", step.createdAt);
    }

    String toJson() {
        return StoredJson.write(this);
    }

    static StepAccepted fromJson(String json) {
        return StoredJson.read(json, StepAccepted.class);
    }
}
