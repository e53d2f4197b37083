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

    /** At most this many requests per poll: each is rendered and committed before the next. */
    @WithDefault("10")
    int maxPollRecords();

    /** How long one poll's renders may take before the group evicts the worker. */
    @WithDefault("10m")
    Duration maxPollInterval();
}
