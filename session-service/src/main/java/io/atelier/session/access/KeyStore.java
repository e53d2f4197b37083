package io.atelier.session.access;

import io.agroal.api.AgroalDataSource;
import io.atelier.platform.access.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Looks presented keys up by prefix and hash; revoked keys are not found. */
@ApplicationScoped
public class KeyStore {
    private final AgroalDataSource db;

    public KeyStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The workspace of a live key with this prefix and hash. */
    public Optional<String> workspaceOf(ApiKeys.Presented key) {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT workspace_id FROM api_key WHERE prefix = ? AND key_hash = ? AND revoked_at IS NULL")) {
            q.setString(1, key.prefix());
            q.setString(2, key.hash());
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up an API key", e);
        }
    }
}
