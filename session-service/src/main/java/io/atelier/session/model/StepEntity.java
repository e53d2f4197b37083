package io.atelier.session.model;

import io.atelier.events.ImageRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A step of a session's branch tree in the write model: enough to validate the next command. */
@Entity
@Table(name = "step")
public class StepEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "parent_step_id")
    public UUID parentStepId;
    public String instruction;
    @Enumerated(EnumType.STRING)
    public StepStatus status;
    @Column(name = "image_key")
    public String imageKey;
    @Column(name = "image_sha256")
    public String imageSha256;
    @Column(name = "image_width")
    public Integer imageWidth;
    @Column(name = "image_height")
    public Integer imageHeight;
    @Column(name = "image_type")
    public String imageType;
    @Column(name = "image_bytes")
    public Long imageBytes;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Deleted by StepDeleted: out of the tree, not a parent for new steps. */
    public boolean hidden;

    public static Optional<StepEntity> inSession(UUID stepId, UUID sessionId) {
        return Optional.ofNullable(StepEntity.<StepEntity>findById(stepId)).filter(s -> s.sessionId.equals(sessionId) && !s.hidden);
    }

    public static boolean hasRoot(UUID sessionId) {
        return count("sessionId = ?1 and parentStepId is null", sessionId) > 0;
    }

    /** The session's root step: its original upload. */
    public static Optional<StepEntity> root(UUID sessionId) {
        return find("sessionId = ?1 and parentStepId is null", sessionId).firstResultOptional();
    }

    public void setImage(ImageRef image) {
        imageKey = image.key();
        imageSha256 = image.sha256();
        imageWidth = image.width();
        imageHeight = image.height();
        imageType = image.contentType();
        imageBytes = image.bytes();
    }

    public Optional<ImageRef> image() {
        if (imageKey == null) {
            return Optional.empty();
        }
        return Optional.of(new ImageRef(imageKey, imageSha256, imageWidth, imageHeight, imageType, imageBytes));
    }
}
