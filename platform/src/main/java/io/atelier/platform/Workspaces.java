package io.atelier.platform;

import io.atelier.platform.problem.ProblemException;
import java.util.regex.Pattern;

/** Workspace ids: taken from the {@code X-Atelier-Workspace} header, or the configured default. */
public final class Workspaces {
    public static final String HEADER = "X-Atelier-Workspace";
    /** What a workspace id looks like (also the header's pattern in the OpenAPI documents). */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Workspaces() {
    }

    public static String resolve(String header, String defaultWorkspace) {
        if (header == null || header.isBlank()) {
            return defaultWorkspace;
        }
        String id = header.trim();
        if (!VALID.matcher(id).matches()) {
            throw ProblemException.badRequest("invalid-workspace", "Invalid workspace id",
                    "A workspace id is 1–63 lower-case letters, digits or dashes.");
        }
        return id;
    }
}
