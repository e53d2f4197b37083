package io.atelier.events;

import java.util.Objects;

/** A session was opened with a title. */
public record SessionStarted(String title) implements SessionEvent {
    public SessionStarted {
        Objects.requireNonNull(title, "title");
    }
}
