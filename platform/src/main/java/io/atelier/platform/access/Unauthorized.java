package io.atelier.platform.access;

import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;

/** The one 401 both services answer: problem+json with a Bearer challenge, the same for every reason. */
public final class Unauthorized {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The challenge sent with every 401. */
    public static final String CHALLENGE = "Bearer realm=\"atelier\"";

    private Unauthorized() {
    }

    // one detail for missing, malformed, unknown and revoked keys, so a caller cannot probe which keys exist
    public static Response response(String path) {
        ProblemType t = ProblemType.UNAUTHORIZED;
        Problem p = Problem.of(t.slug(), t.title(), t.status(),
                "Send 'Authorization: Bearer <API key>' with a key that has not been revoked (the studio signs in instead).").at(path);
        // written as text here: a filter's answer to a server-sent-events operation would otherwise be framed as an event
        String body;
        try {
            body = JSON.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serialisable", e);
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", CHALLENGE).entity(body).build();
    }
}
