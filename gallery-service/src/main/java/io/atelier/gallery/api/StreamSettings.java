package io.atelier.gallery.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Caps on open server-sent event streams: each holds a connection and a worker's attention every 15 s,
 * so one workspace (or a leaking client) must not take them all. A studio tab holds one.
 */
@ConfigMapping(prefix = "atelier.gallery.streams")
public interface StreamSettings {
    /** Open streams one workspace may hold at once. */
    @WithDefault("100")
    int maxPerWorkspace();

    /** Open streams the gallery holds at once, for all workspaces together. */
    @WithDefault("1000")
    int maxTotal();

    /** What a refused client is told to wait before trying again. */
    @WithDefault("10s")
    Duration retryAfter();
}
