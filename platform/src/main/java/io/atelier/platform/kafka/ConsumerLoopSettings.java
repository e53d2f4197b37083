package io.atelier.platform.kafka;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a {@link ConsumerLoop} polls, recovers and stops: a config group each service maps under its own
 * prefix (for example {@code atelier.worker.render-loop.poll-timeout}).
 */
public interface ConsumerLoopSettings {
    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** The pause before a failed loop opens a new consumer. */
    @WithDefault("1s")
    Duration restartPause();

    /** The pause doubles with each failure in a row up to this cap, so a record that keeps failing does not churn the group. */
    @WithDefault("30s")
    Duration maxRestartPause();

    /** How long shutdown waits for the batch in hand to finish. */
    @WithDefault("10s")
    Duration shutdownGrace();

    /** The loop reports ready while its last poll is at most this old. */
    @WithDefault("30s")
    Duration readyWithin();
}
