package io.atelier.session.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.atelier.events.EventCodec;
import io.atelier.session.model.StepRecord;
import java.time.Instant;
import java.util.UUID;

/** The answer to an accepted refinement request: the new step, pending until a worker renders it. */
public record StepAccepted(UUID stepId, UUID sessionId, UUID parentStepId, String instruction, String status, Instant requestedAt) {

    static StepAccepted of(StepRecord step) {
        return new StepAccepted(step.id, step.sessionId, step.parentStepId, step.instruction, "pending", step.createdAt);
    }

    String toJson() {
        try {
            return EventCodec.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static StepAccepted fromJson(String json) {
        try {
            return EventCodec.mapper().readValue(json, StepAccepted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is unreadable", e);
        }
    }
}
