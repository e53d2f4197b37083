package io.atelier.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A request body over the service's one limit ({@code quarkus.http.limits.max-body-size}, the same in
 * session-service and the gallery that forwards to it) gets a 413 {@code body-too-large} problem before
 * a byte of it is read, so nothing is stored and a client parses the same error shape as every other
 * refusal. It runs ahead of the framework's own check, which would answer with an empty 413; that one
 * remains the backstop for a chunked body that does not declare its length.
 */
@ApplicationScoped
public class BodyLimit {
    /** The configuration key that holds the limit; Quarkus enforces it too, so there is one number. */
    public static final String LIMIT_KEY = "quarkus.http.limits.max-body-size";
    private static final long FRAMEWORK_DEFAULT = 10L * 1024 * 1024;

    private final ObjectMapper json;

    public BodyLimit(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getOptionalValue(LIMIT_KEY, MemorySize.class)
                .map(MemorySize::asLongValue).orElse(FRAMEWORK_DEFAULT);
        // ahead of every route, the framework's body handler included
        router.route().order(Integer.MIN_VALUE).handler(ctx -> check(ctx, limit));
    }

    private void check(RoutingContext ctx, long limit) {
        long declared = declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= limit) {
            ctx.next();
            return;
        }
        Problem problem = Problem.of("body-too-large", "Request body too large", 413,
                "The request body is " + declared + " bytes; at most " + megabytes(limit) + " (" + limit + " bytes) are accepted. "
                        + "Send a smaller image: export it as JPEG, or at a smaller size.").at(ctx.request().path());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is never read: closing the connection stops a client that did not wait for 100-continue
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the framework refuses a malformed length itself
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
