package io.atelier.session.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A session in the write model; its row lock serialises the session's commands and sequence numbers. */
@Entity
@Table(name = "session")
public class SessionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public String workspaceId;
    public String title;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_sequence")
    public long lastSequence;

    /** The session, locked for update, if it exists in this workspace. */
    public static Optional<SessionEntity> lockInWorkspace(UUID id, String workspaceId) {
        SessionEntity s = getEntityManager().find(SessionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(s).filter(found -> found.workspaceId.equals(workspaceId));
    }
}
