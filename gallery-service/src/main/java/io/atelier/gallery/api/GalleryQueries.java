package io.atelier.gallery.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.atelier.platform.json.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the gallery's projection. */
@ApplicationScoped
public class GalleryQueries {
    private final AgroalDataSource db;

    public GalleryQueries(AgroalDataSource db) {
        this.db = db;
    }

    public List<GalleryViews.SessionSummary> recentSessions(String workspaceId, int limit) {
        String sql = """
                SELECT s.id, s.title, s.created_at, s.updated_at, s.cover_thumb_key,
                       (SELECT count(*) FROM gallery_step st WHERE st.session_id = s.id AND NOT st.hidden) AS steps,
                       (SELECT st.id FROM gallery_step st WHERE st.session_id = s.id AND st.thumb_key = s.cover_thumb_key LIMIT 1) AS cover_step
                FROM gallery_session s WHERE s.workspace_id = ? ORDER BY s.created_at DESC, s.id LIMIT ?""";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, workspaceId);
            ps.setInt(2, limit);
            List<GalleryViews.SessionSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID cover = rs.getObject(7, UUID.class);
                    out.add(new GalleryViews.SessionSummary(id, rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                            rs.getInt(6), cover == null ? null : stepUrl(id, cover) + "/thumbnail"));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<GalleryViews.SessionTree> tree(String workspaceId, UUID sessionId) {
        try (Connection c = db.getConnection()) {
            GalleryViews.SessionTree head;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT title, created_at, updated_at FROM gallery_session WHERE id = ? AND workspace_id = ?")) {
                ps.setObject(1, sessionId);
                ps.setString(2, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    head = new GalleryViews.SessionTree(sessionId, workspaceId, rs.getString(1), instant(rs.getTimestamp(2)),
                            instant(rs.getTimestamp(3)), null, List.of());
                }
            }
            Map<UUID, List<UUID>> children = new LinkedHashMap<>();
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, parent_step_id, instruction, status, failure_reason, failure_hint, not_understood, image_key, image_type,
                           image_width, image_height, image_bytes, image_sha256, thumb_key, plan, engine_version, duration_ms,
                           requested_at, finished_at, subject_method, generated, drift, timings, name, progress_provider, progress_started_at
                    FROM gallery_step WHERE session_id = ? AND NOT hidden ORDER BY sequence""")) {
                ps.setObject(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        UUID parent = rs.getObject(2, UUID.class);
                        children.computeIfAbsent(id, k -> new ArrayList<>());
                        if (parent != null) {
                            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
                        }
                        rows.add(new Object[] {id, parent, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11), (Long) rs.getObject(12),
                                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), (Long) rs.getObject(17),
                                instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)), rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23),
                                rs.getString(24), rs.getString(25), instant(rs.getTimestamp(26))});
                    }
                }
            }
            List<GalleryViews.Step> steps = new ArrayList<>();
            UUID root = null;
            for (Object[] r : rows) {
                UUID id = (UUID) r[0];
                if (r[1] == null) {
                    root = id;
                }
                GalleryViews.Failure failure = r[4] == null ? null
                        : new GalleryViews.Failure((String) r[4], (String) r[5], strings((String) r[6]));
                GalleryViews.Image image = r[7] == null ? null
                        : new GalleryViews.Image(stepUrl(sessionId, id) + "/image", (Integer) r[9], (Integer) r[10], (String) r[8],
                        (Long) r[11], (String) r[12]);
                steps.add(new GalleryViews.Step(id, (UUID) r[1], List.copyOf(children.get(id)), (String) r[2], (String) r[3], failure, image,
                        r[13] == null ? null : stepUrl(sessionId, id) + "/thumbnail", r[14] == null ? null : json((String) r[14]),
                        (String) r[15], (Long) r[16], (String) r[19], (Instant) r[17], (Instant) r[18],
                        r[20] == null ? null : generatedView((String) r[20], stepUrl(sessionId, id) + "/mask"),
                        r[21] == null ? null : json((String) r[21]), null,
                        image == null ? null : stepUrl(sessionId, id) + "/preview", r[22] == null ? null : json((String) r[22]), (String) r[23],
                        r[24] == null || !"pending".equals(r[3]) ? null : new GalleryViews.Progress((String) r[24], (Instant) r[25])));
            }
            Map<UUID, UUID> returnTo = DriftAdvice.returnTo(steps);
            steps.replaceAll(s -> returnTo.containsKey(s.stepId()) ? s.withDriftReturnTo(returnTo.get(s.stepId())) : s);
            return Optional.of(new GalleryViews.SessionTree(sessionId, workspaceId, head.title(), head.createdAt(), head.updatedAt(), root,
                    List.copyOf(steps)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored object behind a step's image or thumbnail, if the step exists in this workspace. */
    public Optional<StoredImage> imageOf(String workspaceId, UUID sessionId, UUID stepId, boolean thumbnail) {
        String sql = "SELECT st.image_key, st.image_type, st.image_sha256, st.thumb_key, st.thumb_sha256 FROM gallery_step st "
                + "JOIN gallery_session s ON s.id = st.session_id WHERE st.id = ? AND st.session_id = ? AND s.workspace_id = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, stepId);
            ps.setObject(2, sessionId);
            ps.setString(3, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(thumbnail ? 4 : 1) == null) {
                    return Optional.empty();
                }
                return Optional.of(thumbnail
                        ? new StoredImage(rs.getString(4), "image/png", rs.getString(5))
                        : new StoredImage(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where an image lives in S3 and what it is. */
    public record StoredImage(String key, String contentType, String sha256) {
    }

    private static String stepUrl(UUID sessionId, UUID stepId) {
        return "/api/sessions/" + sessionId + "/steps/" + stepId;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    // What a client needs of the recorded provenance: the mask as a URL, not its storage keys.
    private static com.fasterxml.jackson.databind.JsonNode generatedView(String stored, String maskUrl) {
        com.fasterxml.jackson.databind.node.ObjectNode g = (com.fasterxml.jackson.databind.node.ObjectNode) json(stored);
        g.remove("mask");
        g.remove("evidenceKey");
        g.put("maskUrl", maskUrl);
        return g;
    }

    /** The stored committed mask of a generated step, if the step exists in this workspace and has one. */
    public Optional<StoredImage> maskOf(String workspaceId, UUID sessionId, UUID stepId) {
        String sql = "SELECT st.mask_key, st.mask_sha256 FROM gallery_step st JOIN gallery_session s ON s.id = st.session_id "
                + "WHERE st.id = ? AND st.session_id = ? AND s.workspace_id = ? AND st.mask_key IS NOT NULL";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, stepId);
            ps.setObject(2, sessionId);
            ps.setString(3, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredImage(rs.getString(1), "image/png", rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return StoredJson.tree(text);
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return StoredJson.read(json, new TypeReference<List<String>>() { });
        } catch (java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
