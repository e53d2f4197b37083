package io.atelier.session.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per workspace (Bucket4j, greedy refill), held in this process. With several
 * session-service replicas each has its own budget, so the effective limit is per replica; a shared
 * budget would need Bucket4j's JDBC or Redis backend, which this install does not need yet.
 */
@ApplicationScoped
public class CommandRateLimiter {
    private final CommandRateSettings settings;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CommandRateLimiter(CommandRateSettings settings) {
        this.settings = settings;
    }

    /** Takes one command from the workspace's budget; empty if allowed, else how long until one is back. */
    public Optional<Duration> take(String workspaceId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(workspaceId, ws -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.capacity()).refillGreedy(settings.refillTokens(), settings.refillPeriod()))
                .build();
    }
}
