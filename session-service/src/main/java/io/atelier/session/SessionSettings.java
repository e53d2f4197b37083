package io.atelier.session;

import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits, defaults and tunables of the session service. */
@ConfigMapping(prefix = "atelier.session")
public interface SessionSettings {
    @WithDefault("2000")
    int maxInstructionLength();

    @WithDefault("200")
    int maxTitleLength();

    /** The longest side an upload may have, checked from its header before decoding. */
    @WithDefault("16384")
    int maxImageDimension();

    @WithDefault("50000000")
    long maxImagePixels();

    /** The relay that publishes the outbox to the session log. */
    OutboxRelay outbox();

    /** The consumer of render outcomes. */
    ConsumerLoopSettings outcomeConsumer();

    /** How the outbox relay batches, waits and retries. */
    interface OutboxRelay {
        /** At most this many rows go into one Kafka transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long an idle relay waits for a wake-up before looking at the outbox again. */
        @WithDefault("200ms")
        Duration idleWait();

        /** The pause after a failed publish before the next try. */
        @WithDefault("1s")
        Duration retryPause();

        /** How long shutdown waits for the batch in hand. */
        @WithDefault("10s")
        Duration shutdownGrace();

        /** The service reports ready while the relay last reached Kafka and the database at most this long ago. */
        @WithDefault("30s")
        Duration readyWithin();
    }
}
