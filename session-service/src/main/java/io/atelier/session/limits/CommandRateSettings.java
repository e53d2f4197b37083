package io.atelier.session.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The per-workspace budget of commands (every POST and DELETE under /api/sessions): a burst of
 * {@link #capacity()} and then {@link #refillTokens()} per {@link #refillPeriod()}. The defaults are far
 * above what a person in the studio or {@code ./atelier demo} sends (300 at once, then 5 a second), and
 * low enough that one script cannot fill the render queue for everyone else.
 */
@ConfigMapping(prefix = "atelier.session.rate-limit")
public interface CommandRateSettings {
    /** Off only for load tests that measure the services themselves. */
    @WithDefault("true")
    boolean enabled();

    /** The most commands a workspace may send at once after a quiet spell. */
    @WithDefault("300")
    long capacity();

    /** How many commands come back into the budget each period. */
    @WithDefault("300")
    long refillTokens();

    @WithDefault("60s")
    Duration refillPeriod();
}
