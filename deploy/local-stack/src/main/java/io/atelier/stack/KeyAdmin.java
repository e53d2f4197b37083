package io.atelier.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Creates, lists and revokes API keys in session-service's database, which owns workspaces and keys.
 * The admin path talks to the database rather than to an HTTP endpoint so no network-reachable
 * interface can mint keys: whoever administers keys already holds the database credentials. The key
 * format and its SHA-256 are the same as platform's {@code ApiKeys} (this module cannot depend on
 * platform, whose tests start this stack); the system tests prove the two agree end to end.
 */
public final class KeyAdmin {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final String jdbcUrl;
    private final String user;
    private final String password;

    public KeyAdmin(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** A key just created: the only time its secret is seen. */
    public record Issued(String key, String prefix, String workspaceId) {
        @Override
        public String toString() {
            return "Issued[atk_" + prefix + "_…, " + workspaceId + "]";
        }
    }

    /** A key as listed: never its secret. */
    public record Listed(String prefix, String workspaceId, Instant createdAt, Optional<Instant> revokedAt) {
    }

    /** Creates a key of the workspace, creating the workspace if it is new. */
    public Issued create(String workspaceId) {
        if (!workspaceId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a workspace id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit");
        }
        StringBuilder prefix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            prefix.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "atk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ws = c.prepareStatement("INSERT INTO workspace (id, created_at) VALUES (?, now()) ON CONFLICT DO NOTHING");
                 PreparedStatement k = c.prepareStatement(
                         "INSERT INTO api_key (prefix, key_hash, workspace_id, created_at) VALUES (?, ?, ?, now())")) {
                ws.setString(1, workspaceId);
                ws.executeUpdate();
                k.setString(1, prefix.toString());
                k.setString(2, sha256(key));
                k.setString(3, workspaceId);
                k.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a key: " + e.getMessage(), e);
        }
        return new Issued(key, prefix.toString(), workspaceId);
    }

    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement("SELECT prefix, workspace_id, created_at, revoked_at FROM api_key ORDER BY workspace_id, created_at");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                Timestamp revoked = r.getTimestamp(4);
                out.add(new Listed(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        Optional.ofNullable(revoked).map(Timestamp::toInstant)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list keys: " + e.getMessage(), e);
        }
        return out;
    }

    /** Revokes the key with this prefix; false if there is no live key with it. */
    public boolean revoke(String prefix) {
        try (Connection c = connect();
             PreparedStatement u = c.prepareStatement("UPDATE api_key SET revoked_at = now() WHERE prefix = ? AND revoked_at IS NULL")) {
            u.setString(1, prefix);
            return u.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke a key: " + e.getMessage(), e);
        }
    }

    /** Whether this key is known and not revoked (a kept key may predate a wiped database). */
    public boolean isLive(String key) {
        if (key == null || !key.matches("atk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}")) {
            return false;
        }
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM api_key WHERE prefix = ? AND key_hash = ? AND revoked_at IS NULL")) {
            q.setString(1, key.substring(4, 12));
            q.setString(2, sha256(key));
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up a key: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    // SHA-256 suffices for 256-bit random secrets: nothing to guess, so nothing for a slow hash to slow down
    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
