package io.atelier.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event on the log with the facts every event carries: id, workspace, session, per-session
 * sequence number, time and actor.
 *
 * <p>On {@link Topics#SESSION_EVENTS} the sequence is the session's own, assigned by its single writer
 * (the session service). On {@link Topics#RENDER_OUTCOMES} it is the sequence of the request the
 * outcome answers.
 */
public record EventEnvelope(
        UUID eventId,
        String workspaceId,
        UUID sessionId,
        long sequence,
        Instant time,
        String actor,
        SessionEvent event) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(event, "event");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
    }

    /** A new envelope with a fresh id, stamped now. */
    public static EventEnvelope of(String workspaceId, UUID sessionId, long sequence, String actor, SessionEvent event) {
        return new EventEnvelope(UUID.randomUUID(), workspaceId, sessionId, sequence, Instant.now(), actor, event);
    }
}
