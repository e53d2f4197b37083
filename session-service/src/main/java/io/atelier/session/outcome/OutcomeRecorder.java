package io.atelier.session.outcome;

import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRendered;
import io.atelier.events.RenderFailed;
import io.atelier.session.model.SessionRecord;
import io.atelier.session.model.StepRecord;
import io.atelier.session.model.StepStatus;
import io.atelier.session.outbox.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Records a render worker's outcome on the session: the step's status changes and the outcome is
 * appended to the session log with the session's next sequence number. An outcome for a step that is
 * no longer pending (a redelivery) changes nothing.
 */
@ApplicationScoped
public class OutcomeRecorder {
    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    private final EventLog log;

    public OutcomeRecorder(EventLog log) {
        this.log = log;
    }

    /** Returns true if the outcome changed the step. */
    @Transactional
    public boolean record(EventEnvelope outcome) {
        SessionRecord session = SessionRecord.lockInWorkspace(outcome.sessionId(), outcome.workspaceId()).orElse(null);
        if (session == null) {
            LOG.warnf("outcome %s names unknown session %s; ignored", outcome.eventId(), outcome.sessionId());
            return false;
        }
        return switch (outcome.event()) {
            case ImageRendered rendered -> finish(session, outcome, rendered.stepId(), StepStatus.RENDERED, step -> step.setImage(rendered.image()));
            case RenderFailed failed -> finish(session, outcome, failed.stepId(), StepStatus.FAILED, step -> { });
            default -> {
                LOG.warnf("unexpected %s on the outcome topic; ignored", outcome.event().typeName());
                yield false;
            }
        };
    }

    private boolean finish(SessionRecord session, EventEnvelope outcome, java.util.UUID stepId, StepStatus status,
                           java.util.function.Consumer<StepRecord> update) {
        StepRecord step = StepRecord.inSession(stepId, session.id).orElse(null);
        if (step == null || step.status != StepStatus.PENDING) {
            return false;
        }
        step.status = status;
        update.accept(step);
        log.append(session, outcome.actor(), outcome.event());
        return true;
    }
}
