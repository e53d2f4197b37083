package io.atelier.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rewrites the JSON of one event type from schema version {@code fromVersion} to {@code fromVersion + 1}
 * (the whole event, envelope and {@code data}), so history written by an older build is read by this one.
 * The codec chains them up to {@link EventCodec#SCHEMA_VERSION}.
 */
public record Upcaster(String type, int fromVersion, UnaryOperator<ObjectNode> upcast) {
    public Upcaster {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(upcast, "upcast");
    }
}
