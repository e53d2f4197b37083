package io.atelier.events;

import java.util.Objects;

/** A session got a new title. */
public record SessionRenamed(String title) implements SessionEvent {
    public SessionRenamed {
        Objects.requireNonNull(title, "title");
    }
}
