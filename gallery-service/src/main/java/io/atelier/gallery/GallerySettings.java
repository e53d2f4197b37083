package io.atelier.gallery;

import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Defaults and tunables of the gallery service. */
@ConfigMapping(prefix = "atelier.gallery")
public interface GallerySettings {
    /** The workspace of a request that names none. */
    @WithDefault("default")
    String defaultWorkspace();

    /** Where the studio's commands are forwarded, so the studio is one URL. */
    URI sessionServiceUrl();

    /** The projection of the session log into the read model. */
    ConsumerLoopSettings projector();

    /** How long the projector waits for the session log's partitions to be known before it retries. */
    @WithDefault("30s")
    Duration topicLookupTimeout();

    /** How often the projector looks for partitions added to the session log. */
    @WithDefault("30s")
    Duration partitionCheckInterval();
}
