package io.atelier.session.outbox;

import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.SessionEvent;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.platform.trace.Hops;
import io.opentelemetry.context.Context;
import io.atelier.session.model.SessionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The transactional outbox of the session log: stamps an event with the session's next sequence number
 * and writes it in the caller's transaction, so the event exists exactly when the state change does;
 * {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {
    /** The hop of a command accepted (its event's time). */
    public static final String HOP_ACCEPTED = "accepted";
    /** The hop of a worker's outcome recorded on its session. */
    public static final String HOP_RECORDED = "recorded";

    /** The caller must hold the session's row lock ({@link SessionEntity#lockInWorkspace}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(SessionEntity session, String actor, SessionEvent event) {
        EventEnvelope envelope = EventEnvelope.of(session.workspaceId, session.id, session.lastSequence + 1, actor, event);
        return write(session, envelope, CarriedHeaders.none().withHop(HOP_ACCEPTED, envelope.time()));
    }

    /**
     * Appends another component's event (a worker's outcome) with its own id, time and actor: only the
     * sequence is the session's. The caller must hold the session's row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope appendAsIs(SessionEntity session, EventEnvelope original, CarriedHeaders carried) {
        return write(session, new EventEnvelope(original.eventId(), session.workspaceId, session.id, session.lastSequence + 1, original.time(),
                original.actor(), original.event()), carried.withHop(HOP_RECORDED, Instant.now()));
    }

    // the row carries the current trace context (the command's request, or the outcome being recorded) to the relay
    private EventEnvelope write(SessionEntity session, EventEnvelope envelope, CarriedHeaders carried) {
        session.lastSequence = envelope.sequence();
        OutboxEntity row = new OutboxEntity();
        row.eventId = envelope.eventId();
        row.sessionId = envelope.sessionId();
        row.payload = EventCodec.encode(envelope);
        row.createdAt = Instant.now();
        row.carried = Hops.handOn(Context.current(), carried).toJson();
        row.persist();
        return envelope;
    }
}
