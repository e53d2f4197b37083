package io.atelier.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error a REST resource can raise into problem+json, so clients parse one error shape. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps a body it cannot parse in a bare 400: say what was wrong with it
        if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched) {
            return mismatched(mismatched, uri);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return json(malformed, uri);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request body is larger than this server accepts.";
            case 415 -> "The request body has a media type this address does not accept.";
            default -> e.getMessage();
        };
        return respond(Problem.of(slug(title), title, status, detail), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, "The request body is not valid JSON: " + e.getOriginalMessage()), uri);
    }

    // Quarkus maps this one itself with an empty body; ours wins for the same type and says which field.
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse("body");
        return respond(Problem.of("invalid-field", "Invalid field", 400, "The value of '" + field + "' has the wrong form: "
                + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, @Context UriInfo uri) {
        java.util.Optional<Outage> outage = Outage.of(e);
        if (outage.isPresent()) {
            // expected while a dependency restarts: one line, not a stack trace per request
            LOG.warnf("%s %s answered 503, %s: %s", uri.getPath(), outage.get(), e.getClass().getSimpleName(), e.getMessage());
            return Response.fromResponse(respond(outage.get().problem(), uri)).header("Retry-After", Outage.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unhandled error", e);
        return respond(Problem.of("internal-error", "Internal error", 500, "Something went wrong on our side; nothing was changed. Try again."), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri.getPath()))
                .build();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
