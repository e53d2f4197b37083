package io.atelier.session.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer given to a request carrying an Idempotency-Key, replayed on retries. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKeyEntity extends PanacheEntityBase {
    /** Workspace id, "/", the client's key: keys are scoped to their workspace. */
    @Id
    @Column(name = "scoped_key")
    public String scopedKey;
    public String fingerprint;
    public int status;
    public String response;
    @Column(name = "created_at")
    public Instant createdAt;
}
