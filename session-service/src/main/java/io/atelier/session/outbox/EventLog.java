package io.atelier.session.outbox;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.SessionEvent;
import io.atelier.session.model.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Appends a session's events: stamps the next per-session sequence number and writes the event to the
 * outbox in the caller's transaction, so the event exists exactly when the state change does.
 */
@ApplicationScoped
public class EventLog {

    /** The caller must hold the session's row lock ({@link SessionRecord#lockInWorkspace}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(SessionRecord session, String actor, SessionEvent event) {
        session.lastSequence += 1;
        EventEnvelope envelope = EventEnvelope.of(session.workspaceId, session.id, session.lastSequence, actor, event);
        OutboxRecord row = new OutboxRecord();
        row.eventId = envelope.eventId();
        row.sessionId = envelope.sessionId();
        row.payload = EventCodec.encode(envelope);
        row.createdAt = Instant.now();
        row.persist();
        return envelope;
    }
}
