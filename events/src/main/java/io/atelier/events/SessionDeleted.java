package io.atelier.events;

/** An empty session (no photo, no steps) was deleted; it is gone from every list and answers 404 from now on. */
public record SessionDeleted() implements SessionEvent {
}
