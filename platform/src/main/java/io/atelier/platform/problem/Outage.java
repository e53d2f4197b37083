package io.atelier.platform.problem;

import io.atelier.platform.storage.ImageStore;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request that failed because the database or S3 did not answer, told apart from a bug: the first is
 * answered 503 with Retry-After (a retry outlives the outage), the second 500.
 */
public enum Outage {
    DATABASE("The database did not answer"),
    STORAGE("Image storage (S3) did not answer");

    /** Whole seconds a client is asked to wait: a restarted database is back in about that. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final String what;

    Outage(String what) {
        this.what = what;
    }

    /** The problem a client gets: what did not answer, and that trying again is safe. */
    public Problem problem() {
        return Problem.of(ProblemType.UNAVAILABLE.slug(), ProblemType.UNAVAILABLE.title(), 503, what
                + ", so this request may not have been carried out. Try again in a few seconds: "
                + "a step sent again with the same Idempotency-Key is made at most once.");
    }

    /** The outage somewhere in {@code failure}'s causes, if one is why it failed. */
    public static Optional<Outage> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof ImageStore.StorageUnavailableException) {
                return Optional.of(STORAGE);
            }
            if (t instanceof SQLException sql && lostConnection(sql)) {
                return Optional.of(DATABASE);
            }
        }
        return Optional.empty();
    }

    // SQLSTATE class 08 is a connection exception; 57P01-57P03 are PostgreSQL shutting down, crashed or still starting
    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                || state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
