package io.atelier.events;

/** Kafka topic names of the event contract. Both are keyed by session id. */
public final class Topics {
    /** The source of truth: every session's events, in order per session. */
    public static final String SESSION_EVENTS = "atelier.session-events";
    /** Render workers' answers to InstructionRequested, re-sequenced onto the session log by the session service. */
    public static final String RENDER_OUTCOMES = "atelier.render-outcomes";

    /**
     * Records a consumer could not process and set aside (the original key, value and headers plus
     * {@code dl_*} headers saying where it came from and why), each with an ERROR log line: the alert.
     */
    public static final String DEAD_LETTERS = "atelier.dead-letters";

    private Topics() {
    }
}
