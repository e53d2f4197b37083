package io.atelier.platform;

/**
 * Workspace ids. A request's workspace is never taken from the client: it is the workspace of the
 * API key the request carries (see {@link io.atelier.platform.access.Caller}).
 */
public final class Workspaces {
    /** What a workspace id looks like. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private Workspaces() {
    }

    public static boolean valid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
