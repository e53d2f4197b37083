package io.atelier.worker;

import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Identity, limits and tunables of one render worker. */
@ConfigMapping(prefix = "atelier.worker")
public interface WorkerSettings {
    /** Unique per worker instance and stable across its restarts: names its transactional producer. */
    String name();

    @WithDefault("16384")
    int maxImageDimension();

    @WithDefault("50000000")
    long maxImagePixels();

    /** Where opt-in models are installed (./atelier models install isnet); the classical subject estimate is used without one. */
    Path modelsDir();

    /** The consume-render-produce loop. */
    ConsumerLoopSettings renderLoop();

    /** At most this many requests per poll; they are handed to their sessions' chains and committed as each finishes. */
    @WithDefault("10")
    int maxPollRecords();

    /** How long one poll's renders may take before the group evicts the worker. */
    @WithDefault("10m")
    Duration maxPollInterval();

    /** A step that fails this many times in a row (not counting S3 outages) is answered with RenderFailed and dead-lettered. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * How many times the worker renders the engine's warm-up instructions in the background after it starts, so its first
     * step is as fast as later ones (io.atelier.engine.WarmUp); 0 turns the warm-up off.
     */
    @WithDefault("1")
    int warmUpRounds();

    /** How S3 outages are waited out. */
    StorageRetry storageRetry();

    /** Retrying in place while S3 does not answer: the pause doubles up to a cap; after holdFor the loop reopens instead. */
    interface StorageRetry {
        @WithDefault("250ms")
        Duration initialPause();

        @WithDefault("5s")
        Duration maxPause();

        @WithDefault("2m")
        Duration holdFor();
    }
}
