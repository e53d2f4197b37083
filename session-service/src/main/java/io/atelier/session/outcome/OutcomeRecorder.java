package io.atelier.session.outcome;

import io.atelier.events.EventEnvelope;
import io.atelier.events.GenerationStarted;
import io.atelier.events.ImageRendered;
import io.atelier.events.RenderFailed;
import io.atelier.platform.kafka.CarriedHeaders;
import io.atelier.session.model.SessionEntity;
import io.atelier.session.model.StepEntity;
import io.atelier.session.model.StepStatus;
import io.atelier.session.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Records a render worker's outcome on the session: the step's status changes and the outcome is
 * appended to the session log with the session's next sequence number. An outcome for a step that is
 * no longer pending (a redelivery, or a step cancelled first) changes nothing. A worker's progress
 * (GenerationStarted) is appended too while the step is pending, without changing it.
 */
@ApplicationScoped
public class OutcomeRecorder {
    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    private final Outbox outbox;

    public OutcomeRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Returns true if the outcome changed the step. */
    public boolean record(EventEnvelope outcome) {
        return record(outcome, CarriedHeaders.none());
    }

    /** Returns true if the outcome changed the step; {@code carried} (trace context, hop timings) goes on with it. */
    @Transactional
    public boolean record(EventEnvelope outcome, CarriedHeaders carried) {
        SessionEntity session = SessionEntity.lockInWorkspace(outcome.sessionId(), outcome.workspaceId()).orElse(null);
        if (session == null) {
            LOG.warnf("outcome %s names unknown session %s; ignored", outcome.eventId(), outcome.sessionId());
            return false;
        }
        return switch (outcome.event()) {
            case ImageRendered rendered -> finish(session, outcome, carried, rendered.stepId(), StepStatus.RENDERED, step -> step.setImage(rendered.image()));
            case RenderFailed failed -> finish(session, outcome, carried, failed.stepId(), StepStatus.FAILED, step -> { });
            case GenerationStarted started -> progress(session, outcome, carried, started.stepId());
            default -> {
                LOG.warnf("unexpected %s on the outcome topic; ignored", outcome.event().typeName());
                yield false;
            }
        };
    }

    // progress is appended while the step is pending (its status stays); after the step's end it is stale and dropped
    private boolean progress(SessionEntity session, EventEnvelope outcome, CarriedHeaders carried, java.util.UUID stepId) {
        StepEntity step = StepEntity.inSession(stepId, session.id).orElse(null);
        if (step == null || step.status != StepStatus.PENDING) {
            return false;
        }
        outbox.appendAsIs(session, outcome, carried);
        return true;
    }

    private boolean finish(SessionEntity session, EventEnvelope outcome, CarriedHeaders carried, java.util.UUID stepId, StepStatus status,
                           java.util.function.Consumer<StepEntity> update) {
        StepEntity step = StepEntity.inSession(stepId, session.id).orElse(null);
        if (step == null || step.status != StepStatus.PENDING) {
            return false;
        }
        step.status = status;
        update.accept(step);
        outbox.appendAsIs(session, outcome, carried);
        return true;
    }
}
