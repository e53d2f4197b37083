package io.atelier.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = Problem.SCHEMA, description = "An RFC 9457 problem details document (application/problem+json): the body of every error answer.")
public record Problem(
        @Schema(required = true, format = "uri", description = "What kind of problem: https://atelier.dev/problems/{slug}; "
                + "the slug is stable, match on it.", examples = "https://atelier.dev/problems/empty-instruction") URI type,
        @Schema(required = true, description = "A short summary of the kind of problem.", examples = "Empty instruction") String title,
        @Schema(required = true, minimum = "400", maximum = "599", description = "The HTTP status code of this answer.",
                examples = "400") int status,
        @Schema(required = true, description = "What went wrong with this request and what would work, in words a person can act on.")
        String detail,
        @Schema(description = "The request path that got this answer.", examples = "/api/sessions") String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The name of the problem schema in the services' OpenAPI documents. */
    public static final String SCHEMA = "Problem";
    static final String TYPE_BASE = "https://atelier.dev/problems/";

    /** A problem whose type URI is {@code https://atelier.dev/problems/{slug}}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path);
    }
}
