package io.atelier.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://atelier.dev/problems/";

    /** A problem whose type URI is {@code https://atelier.dev/problems/{slug}}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path);
    }
}
