package io.atelier.gallery.projection;

import io.atelier.events.DraftRequested;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRendered;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionDeleted;
import io.atelier.events.SessionStarted;
import io.atelier.events.SourceImageAdded;
import io.atelier.platform.json.StoredJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.OptionalLong;

/**
 * Applies one event to the read model, on the caller's connection and transaction, and keeps it as it
 * was for the audit trail. Events at or below the session's last applied sequence are ignored, so
 * redelivered events change nothing; one above the next expected sequence means an event is missing
 * from the log, and is refused with {@link SequenceGapException} rather than applied over the hole.
 */
final class SessionProjection {
    private SessionProjection() {
    }

    static void apply(Connection c, EventEnvelope e) throws SQLException {
        apply(c, e, io.atelier.platform.kafka.CarriedHeaders.none());
    }

    /** {@code carried}: what the event's record carried besides it; its hop timings are kept on the step. */
    static void apply(Connection c, EventEnvelope e, io.atelier.platform.kafka.CarriedHeaders carried) throws SQLException {
        OptionalLong last = lastSequence(c, e);
        if (last.isEmpty() && deleted(c, e)) {
            return; // a deleted session: redelivered events bring nothing back
        }
        long expected = last.orElse(0) + 1;
        if (last.isPresent() && e.sequence() < expected) {
            return;
        }
        if (e.sequence() != expected) {
            throw new SequenceGapException(e, expected);
        }
        if (e.event() instanceof SessionStarted started) {
            exec(c, "INSERT INTO gallery_session (id, workspace_id, title, created_at, updated_at, last_sequence) VALUES (?,?,?,?,?,?)",
                    e.sessionId(), e.workspaceId(), started.title(), ts(e), ts(e), e.sequence());
            keep(c, e);
            return;
        }
        if (last.isEmpty()) {
            throw new SequenceGapException(e, expected);
        }
        // the whole chain so far, kept on the step in the step's own statement: an outcome's record carries its request's hops too
        String timings = carried.get(io.atelier.platform.kafka.CarriedHeaders.TIMINGS).isPresent() ? carried.timings().toString() : null;
        String cover = null; // a new cover thumbnail for the session, set with its sequence
        switch (e.event()) {
            case SessionStarted ignored -> { }
            case SessionDeleted d -> {
                // a tombstone, so a redelivered SessionStarted cannot bring the session back; its steps leave the read model
                // with it, while gallery_event (the audit trail) keeps every event and S3 keeps the images the audit checks
                exec(c, "INSERT INTO gallery_deleted_session (id, last_sequence) VALUES (?,?)", e.sessionId(), e.sequence());
                exec(c, "DELETE FROM gallery_step WHERE session_id = ?", e.sessionId());
                exec(c, "DELETE FROM gallery_session WHERE id = ?", e.sessionId());
                keep(c, e); // the audit trail keeps the deletion
                return;
            }
            case SourceImageAdded s -> {
                exec(c, """
                        INSERT INTO gallery_step (id, session_id, parent_step_id, sequence, instruction, status, image_key, image_sha256,
                            image_type, image_width, image_height, image_bytes, thumb_key, thumb_sha256, requested_at, finished_at)
                        VALUES (?,?,NULL,?,NULL,'rendered',?,?,?,?,?,?,?,?,?,?)""",
                        s.stepId(), e.sessionId(), e.sequence(), s.image().key(), s.image().sha256(), s.image().contentType(),
                        s.image().width(), s.image().height(), s.image().bytes(), s.thumbnail().key(), s.thumbnail().sha256(), ts(e), ts(e));
                cover = s.thumbnail().key();
            }
            // the root of a session started from a prompt: pending until its generated draft arrives; the prompt shows as its instruction
            case DraftRequested d -> exec(c, """
                    INSERT INTO gallery_step (id, session_id, parent_step_id, sequence, instruction, status, requested_at)
                    VALUES (?,?,NULL,?,?,'pending',?)""", d.stepId(), e.sessionId(), e.sequence(), d.prompt(), ts(e));
            case InstructionRequested r -> exec(c, """
                    INSERT INTO gallery_step (id, session_id, parent_step_id, sequence, instruction, status, requested_at, timings)
                    VALUES (?,?,?,?,?,'pending',?,?)""", r.stepId(), e.sessionId(), r.parentStepId(), e.sequence(), r.instruction(), ts(e), timings);
            case ImageRendered r -> {
                exec(c, """
                        UPDATE gallery_step SET status = 'rendered', image_key = ?, image_sha256 = ?, image_type = ?, image_width = ?,
                            image_height = ?, image_bytes = ?, thumb_key = ?, thumb_sha256 = ?, plan = ?, engine_version = ?,
                            duration_ms = ?, subject_method = ?, drift = ?, finished_at = ?, progress_provider = NULL, progress_started_at = NULL,
                            timings = COALESCE(?, timings)
                            WHERE id = ? AND session_id = ?""",
                        r.image().key(), r.image().sha256(), r.image().contentType(), r.image().width(), r.image().height(), r.image().bytes(),
                        r.thumbnail().key(), r.thumbnail().sha256(), r.plan().toString(), r.engineVersion(), r.durationMillis(), r.subjectMethod(),
                        r.drift().isEmpty() ? null : r.drift().toString(), ts(e), timings,
                        r.stepId(), e.sessionId());
                cover = r.thumbnail().key();
                if (r.generated().isPresent()) {
                    var g = r.generated().get();
                    exec(c, "UPDATE gallery_step SET generated = ?, mask_key = ?, mask_sha256 = ? WHERE id = ? AND session_id = ?",
                            io.atelier.events.EventCodec.mapper().valueToTree(g).toString(), g.mask().key(), g.mask().sha256(), r.stepId(), e.sessionId());
                }
            }
            case io.atelier.events.SessionRenamed r -> exec(c, "UPDATE gallery_session SET title = ? WHERE id = ?", r.title(), e.sessionId());
            case io.atelier.events.StepRenamed r -> exec(c, "UPDATE gallery_step SET name = ? WHERE id = ? AND session_id = ?",
                    r.name().isBlank() ? null : r.name(), r.stepId(), e.sessionId());
            case io.atelier.events.StepDeleted d -> exec(c, "UPDATE gallery_step SET hidden = TRUE WHERE id = ? AND session_id = ?",
                    d.stepId(), e.sessionId());
            case RenderFailed f -> exec(c, """
                    UPDATE gallery_step SET status = 'failed', failure_reason = ?, failure_hint = ?, not_understood = ?, engine_version = ?,
                        finished_at = ?, progress_provider = NULL, progress_started_at = NULL, timings = COALESCE(?, timings)
                        WHERE id = ? AND session_id = ?""",
                    f.reason(), f.hint(), StoredJson.write(f.notUnderstood()), f.engineVersion(), ts(e), timings,
                    f.stepId(), e.sessionId());
            // progress only while the step is pending: the times are the event's own, so a replay writes the same row
            case io.atelier.events.GenerationStarted g -> exec(c, """
                    UPDATE gallery_step SET progress_provider = ?, progress_started_at = ? WHERE id = ? AND session_id = ? AND status = 'pending'""",
                    g.provider(), Timestamp.from(g.startedAt()), g.stepId(), e.sessionId());
            case io.atelier.events.RenderCancelled x -> exec(c, """
                    UPDATE gallery_step SET status = 'cancelled', finished_at = ?, progress_provider = NULL, progress_started_at = NULL
                        WHERE id = ? AND session_id = ?""", ts(e), x.stepId(), e.sessionId());
        }
        exec(c, "UPDATE gallery_session SET last_sequence = ?, updated_at = ?, cover_thumb_key = COALESCE(?, cover_thumb_key) WHERE id = ?",
                e.sequence(), ts(e), cover, e.sessionId());
        keep(c, e);
    }

    // the event as the log carried it (this build's reading of it, upcast if it was older)
    private static void keep(Connection c, EventEnvelope e) throws SQLException {
        exec(c, "INSERT INTO gallery_event (session_id, sequence, event_id, type, occurred_at, actor, event) VALUES (?,?,?,?,?,?,?)",
                e.sessionId(), e.sequence(), e.eventId(), e.event().typeName(), ts(e), e.actor(), EventCodec.toJson(e).toString());
    }

    /** The log is missing an event of a session: applying the next one would hide the hole. */
    static final class SequenceGapException extends RuntimeException {
        SequenceGapException(EventEnvelope e, long expected) {
            super("session " + e.sessionId() + ": expected sequence " + expected + ", the log has " + e.sequence() + " ("
                    + e.event().typeName() + " " + e.eventId() + ")");
        }
    }

    private static OptionalLong lastSequence(Connection c, EventEnvelope e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM gallery_session WHERE id = ?")) {
            ps.setObject(1, e.sessionId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static boolean deleted(Connection c, EventEnvelope e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gallery_deleted_session WHERE id = ?")) {
            ps.setObject(1, e.sessionId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Timestamp ts(EventEnvelope e) {
        return Timestamp.from(e.time());
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
