package io.atelier.worker;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Steps cancelled on the log (RenderCancelled) and the threads rendering steps now. The poll thread reports a cancel;
 * a render running for that step is interrupted (a provider call is abandoned), and one not started yet is skipped.
 * Registration, cancel and end are one lock, so an interrupt only ever reaches the thread while it renders that step.
 */
final class Cancellations {
    /** Cancels remembered for steps not (or no longer) rendering here: a request queued behind its session's chain meets it. */
    static final int REMEMBERED = 10_000;
    private final Map<UUID, Thread> running = new HashMap<>();
    private final Map<UUID, Boolean> cancelled = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Poll thread: the step was cancelled; its render, if one runs, is interrupted. */
    synchronized void cancel(UUID stepId) {
        cancelled.put(stepId, Boolean.TRUE);
        Thread rendering = running.get(stepId);
        if (rendering != null) {
            rendering.interrupt();
        }
    }

    /** Render thread: the step is about to render here; false when it was cancelled already (skip it). */
    synchronized boolean begin(UUID stepId) {
        if (cancelled.containsKey(stepId)) {
            return false;
        }
        running.put(stepId, Thread.currentThread());
        return true;
    }

    /** Render thread: the step's render is over; whether it was cancelled meanwhile (its outcome is then dropped). */
    boolean end(UUID stepId) {
        boolean wasCancelled;
        synchronized (this) {
            running.remove(stepId);
            wasCancelled = cancelled.containsKey(stepId);
        }
        if (wasCancelled) {
            Thread.interrupted(); // an interrupt meant for this step must not reach what the thread does next
        }
        return wasCancelled;
    }

    /** How many steps are rendering (for tests and logs). */
    synchronized int running() {
        return running.size();
    }
}
