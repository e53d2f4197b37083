package io.atelier.gallery.projection;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

/** Tells live views which sessions the projection has just changed (after the change is committed). */
@ApplicationScoped
public class SessionChanges {
    private final BroadcastProcessor<UUID> changed = BroadcastProcessor.create();

    void publish(Collection<UUID> sessionIds) {
        sessionIds.forEach(changed::onNext);
    }

    /** Session ids as their rows change; a subscriber sees changes from the moment it subscribes. */
    public Multi<UUID> stream() {
        return changed;
    }
}
