package io.atelier.events.kit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One change on a workspace's kit log: id, workspace, the kit version it made, time and actor. */
public record KitEventEnvelope(UUID eventId, String workspaceId, long version, Instant time, String actor, KitEvent event) {
    public KitEventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("a kit event makes version 1 or later");
        }
    }

    public static KitEventEnvelope of(String workspaceId, long version, String actor, KitEvent event) {
        return new KitEventEnvelope(UUID.randomUUID(), workspaceId, version, Instant.now(), actor, event);
    }
}
