package io.atelier.session.command;

import io.atelier.coach.Advice;
import io.atelier.platform.json.StoredJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted refinement request: the new step, pending until a worker renders it, and the coach's advice. */
public record StepAccepted(UUID stepId, UUID sessionId, UUID parentStepId, String instruction, String status, Instant requestedAt,
                           @Schema(description = "The coach's advice on the instruction (it is queued all the same): kind is split, "
                                   + "evaluative, layer-order or long-branch; steps are instructions to offer as one-click steps.")
                           List<Advice> advice) {

    public StepAccepted {
        advice = advice == null ? List.of() : List.copyOf(advice); // answers stored before the coach have none
    }

    static StepAccepted of(SessionCommands.Coached coached) {
        var step = coached.step();
        return new StepAccepted(step.id, step.sessionId, step.parentStepId, step.instruction, "pending", step.createdAt, coached.advice());
    }

    String toJson() {
        return StoredJson.write(this);
    }

    static StepAccepted fromJson(String json) {
        return StoredJson.read(json, StepAccepted.class);
    }
}
