package io.atelier.gallery.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRendered;
import io.atelier.events.DraftRequested;
import io.atelier.events.InstructionRequested;
import io.atelier.events.RenderFailed;
import io.atelier.events.SessionDeleted;
import io.atelier.events.SessionStarted;
import io.atelier.events.SourceImageAdded;
import io.atelier.platform.json.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A session's events as the projection kept them, turned into audit entries. */
@ApplicationScoped
public class AuditTrail {
    private final AgroalDataSource db;

    public AuditTrail(AgroalDataSource db) {
        this.db = db;
    }

    /** A page of entries after {@code afterSequence}, or empty when the workspace has no such session. */
    public Optional<List<AuditEntry>> entries(String workspaceId, UUID sessionId, long afterSequence, int limit) {
        return events(workspaceId, sessionId).map(all -> {
            Chain chain = new Chain(all);
            return all.stream().filter(e -> e.envelope().sequence() > afterSequence).limit(limit).map(chain::entry).toList();
        });
    }

    /** Every stored event of the session, in order, with its JSON as stored; empty when the workspace has no such session. */
    public Optional<List<StoredEvent>> events(String workspaceId, UUID sessionId) {
        try (Connection c = db.getConnection()) {
            boolean live;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gallery_session WHERE id = ? AND workspace_id = ?")) {
                ps.setObject(1, sessionId);
                ps.setString(2, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    live = rs.next();
                }
            }
            if (!live && !deleted(c, sessionId)) {
                return Optional.empty();
            }
            List<StoredEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event FROM gallery_event WHERE session_id = ? ORDER BY sequence")) {
                ps.setObject(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode json = StoredJson.tree(rs.getString(1));
                        out.add(new StoredEvent(EventCodec.fromJson(json), json));
                    }
                }
            }
            // a deleted session's trail stays readable, to its own workspace only (its first event says which one)
            if (!live && (out.isEmpty() || !out.get(0).envelope().workspaceId().equals(workspaceId))) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean deleted(Connection c, UUID sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gallery_deleted_session WHERE id = ?")) {
            ps.setObject(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** An event and the JSON it was stored as (which may carry fields this build does not model). */
    public record StoredEvent(EventEnvelope envelope, JsonNode json) {
    }

    // what each step's events point back to: its request, and the event that made its parent's image
    private static final class Chain {
        private final Map<UUID, EventEnvelope> requestOf = new HashMap<>();
        private final Map<UUID, EventEnvelope> imageOf = new HashMap<>();

        Chain(List<StoredEvent> events) {
            for (StoredEvent stored : events) {
                EventEnvelope e = stored.envelope();
                switch (e.event()) {
                    case InstructionRequested r -> requestOf.put(r.stepId(), e);
                    case SourceImageAdded s -> imageOf.put(s.stepId(), e);
                    case DraftRequested d -> requestOf.put(d.stepId(), e);
                    case ImageRendered r -> imageOf.put(r.stepId(), e);
                    default -> { }
                }
            }
        }

        AuditEntry entry(StoredEvent stored) {
            EventEnvelope e = stored.envelope();
            return switch (e.event()) {
                case SessionStarted s -> entry(e, null, null, null, null, null, null, null, null, null, null, null);
                case SessionDeleted d -> entry(e, null, null, null, null, null, null, null, null, null, null, null);
                case io.atelier.events.SessionRenamed r -> entry(e, null, null, null, null, null, null, null, null, null, null, null);
                case io.atelier.events.StepRenamed r -> entry(e, null, r.stepId(), null, null, null, null, null, null, null, null, null);
                case io.atelier.events.StepDeleted d -> entry(e, null, d.stepId(), null, null, null, null, null, null, null, null, null);
                // progress: which provider was called and when; the outcome that follows carries what it answered
                case io.atelier.events.GenerationStarted g -> entry(e, causation(g.stepId()), g.stepId(), null, asked(g.stepId()).orElse(null),
                        null, null, null, stored.json().path("data").deepCopy(), null, null, null);
                case io.atelier.events.RenderCancelled x -> {
                    Optional<InstructionRequested> request = request(x.stepId());
                    yield entry(e, causation(x.stepId()), x.stepId(), request.map(InstructionRequested::parentStepId).orElse(null),
                            asked(x.stepId()).orElse(null), null, null, null, null, request.map(q -> q.parentImage().sha256()).orElse(null),
                            null, "cancelled by " + e.actor() + " before it finished");
                }
                case SourceImageAdded s -> entry(e, null, s.stepId(), null, null, null, null, null, null, null, s.image().sha256(), null);
                case DraftRequested d -> entry(e, null, d.stepId(), null, d.prompt(), null, null, null, null, null, null, null);
                case InstructionRequested r -> entry(e, Optional.ofNullable(imageOf.get(r.parentStepId())).map(EventEnvelope::eventId).orElse(null),
                        r.stepId(), r.parentStepId(), r.instruction(), null, null, null, null, r.parentImage().sha256(), null, null);
                case ImageRendered r -> {
                    Optional<InstructionRequested> request = request(r.stepId());
                    JsonNode provenance = stored.json().path("data").get("generated"); // a generative step's provenance
                    yield entry(e, causation(r.stepId()), r.stepId(), request.map(InstructionRequested::parentStepId).orElse(null),
                            asked(r.stepId()).orElse(null), r.plan(), r.engineVersion(), r.subjectMethod(),
                            provenance == null || provenance.isNull() ? null : provenance,
                            request.map(q -> q.parentImage().sha256()).orElse(null), r.image().sha256(), null);
                }
                case RenderFailed f -> {
                    Optional<InstructionRequested> request = request(f.stepId());
                    yield entry(e, causation(f.stepId()), f.stepId(), request.map(InstructionRequested::parentStepId).orElse(null),
                            asked(f.stepId()).orElse(null), null, f.engineVersion(), null, null,
                            request.map(q -> q.parentImage().sha256()).orElse(null), null, f.reason());
                }
            };
        }

        private Optional<InstructionRequested> request(UUID stepId) {
            return Optional.ofNullable(requestOf.get(stepId)).map(EventEnvelope::event).filter(InstructionRequested.class::isInstance)
                    .map(InstructionRequested.class::cast);
        }

        // what the person asked for the step: an instruction, or for a draft root the prompt
        private Optional<String> asked(UUID stepId) {
            return Optional.ofNullable(requestOf.get(stepId)).map(e -> switch (e.event()) {
                case InstructionRequested r -> r.instruction();
                case DraftRequested d -> d.prompt();
                default -> null;
            });
        }

        private UUID causation(UUID stepId) {
            return Optional.ofNullable(requestOf.get(stepId)).map(EventEnvelope::eventId).orElse(null);
        }

        private AuditEntry entry(EventEnvelope e, UUID causation, UUID stepId, UUID parentStepId, String instruction, JsonNode plan,
                                 String engineVersion, String subjectMethod, JsonNode provenance, String input, String output,
                                 String failure) {
            return new AuditEntry(e.sequence(), e.event().typeName(), e.eventId(), e.time(), e.actor(), causation, stepId, stepId,
                    parentStepId, instruction, plan, engineVersion, subjectMethod, provenance, input, output, failure, kitVersion(e));
        }

        // the brand kit version a step was asked under, on its request and its outcome
        private Long kitVersion(EventEnvelope e) {
            Optional<InstructionRequested> request = switch (e.event()) {
                case InstructionRequested r -> Optional.of(r);
                case ImageRendered r -> request(r.stepId());
                case RenderFailed f -> request(f.stepId());
                default -> Optional.empty();
            };
            return request.flatMap(InstructionRequested::kit).map(io.atelier.events.kit.KitUse::version).orElse(null);
        }
    }
}
