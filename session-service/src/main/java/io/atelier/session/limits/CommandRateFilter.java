package io.atelier.session.limits;

import io.atelier.platform.access.CurrentCaller;
import io.atelier.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a command over its workspace's budget with 429 and {@code Retry-After} before the command
 * runs, so a refused command writes nothing. Reads are not limited (session-service serves none).
 */
public class CommandRateFilter {
    private final CommandRateLimiter limiter;
    private final CurrentCaller caller;

    public CommandRateFilter(CommandRateLimiter limiter, CurrentCaller caller) {
        this.limiter = limiter;
        this.caller = caller;
    }

    // after the key filter (AUTHENTICATION), which has refused callers without a key: the budget is the key's workspace's
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER)
    public Optional<Response> limit(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!(method.equals("POST") || method.equals("DELETE")) || !request.getUriInfo().getPath().startsWith("/api/sessions")) {
            return Optional.empty();
        }
        return limiter.take(caller.workspace()).map(wait -> tooMany(wait, request.getUriInfo().getPath()));
    }

    private static Response tooMany(Duration wait, String path) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = Problem.of("rate-limited", "Too many commands", 429,
                "This workspace has used its budget of commands for now; try again in " + seconds + " s.").at(path);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(seconds)).entity(problem).build();
    }
}
