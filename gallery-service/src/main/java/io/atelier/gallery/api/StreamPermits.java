package io.atelier.gallery.api;

import io.atelier.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open event streams per workspace and in total; a stream takes a permit before it starts and
 * gives it back when it ends for any reason (the client hung up, the server stopped it).
 */
@ApplicationScoped
public class StreamPermits {
    private final StreamSettings settings;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentMap<String, AtomicInteger> perWorkspace = new ConcurrentHashMap<>();

    public StreamPermits(StreamSettings settings) {
        this.settings = settings;
    }

    /** A permit for one more stream of the workspace, or the problem saying why not. */
    public Permit acquire(String workspaceId) {
        AtomicInteger mine = perWorkspace.computeIfAbsent(workspaceId, ws -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.maxPerWorkspace()) {
            mine.decrementAndGet();
            throw refused(Problem.of("too-many-streams", "Too many open streams", 429, "This workspace has "
                    + settings.maxPerWorkspace() + " live views open, the most it may hold; close one (a studio tab) or try again later."));
        }
        if (total.incrementAndGet() > settings.maxTotal()) {
            total.decrementAndGet();
            mine.decrementAndGet();
            throw refused(Problem.of("streams-full", "Live views are full", 503,
                    "The gallery holds " + settings.maxTotal() + " live views, its most; try again in a moment."));
        }
        return new Permit(workspaceId);
    }

    /** Open streams now, for tests and metrics. */
    public int open() {
        return total.get();
    }

    private StreamRefused refused(Problem problem) {
        return new StreamRefused(problem, Math.max(1, settings.retryAfter().toSeconds()));
    }

    /** One open stream; released once, however many times it ends. */
    public final class Permit {
        private final String workspaceId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String workspaceId) {
            this.workspaceId = workspaceId;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                perWorkspace.get(workspaceId).decrementAndGet();
                total.decrementAndGet();
            }
        }
    }

    /** A stream refused for a cap; answered with its problem and Retry-After. */
    public static final class StreamRefused extends RuntimeException {
        private final transient Problem problem;
        private final long retryAfterSeconds;

        StreamRefused(Problem problem, long retryAfterSeconds) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public Problem problem() {
            return problem;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
