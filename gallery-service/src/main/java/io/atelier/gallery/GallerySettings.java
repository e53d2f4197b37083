package io.atelier.gallery;

import io.atelier.platform.kafka.ConsumerLoopSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Defaults and tunables of the gallery service. */
@ConfigMapping(prefix = "atelier.gallery")
public interface GallerySettings {
    /** Where the studio's commands are forwarded, so the studio is one URL. */
    URI sessionServiceUrl();

    /** The studio's sign-in cookie. */
    Studio studio();

    /** The studio's sign-in cookie: how long it lasts and the secret that seals it. */
    interface Studio {
        /** How long a sign-in lasts; the key is still checked against revocation on every request. */
        @WithDefault("8h")
        Duration signInLifetime();

        /**
         * Base64 of 32 bytes that seal the cookie (AES-GCM). Unset: a random secret per process, so a
         * restart signs everyone out; set it (the same on every replica) to keep sign-ins across restarts.
         */
        java.util.Optional<String> cookieSecret();
    }

    /** The projection of the session log into the read model. */
    ConsumerLoopSettings projector();

    /** How long the projector waits for the session log's partitions to be known before it retries. */
    @WithDefault("30s")
    Duration topicLookupTimeout();

    /** How often the projector looks for partitions added to the session log. */
    @WithDefault("30s")
    Duration partitionCheckInterval();
}
