package io.atelier.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON form of an {@link EventEnvelope}: the envelope fields, {@code type}, {@code schemaVersion} and
 * the payload under {@code data}. An older version is brought up to this one by the {@link #UPCASTERS};
 * a newer one fails with {@link NewerVersionException}, so a consumer can stop (and leave the record to
 * an upgraded build) instead of half-reading or skipping it.
 */
public final class EventCodec {
    /** Version of the JSON shape written by this codec. */
    public static final int SCHEMA_VERSION = 1;

    // the wire names are the permitted types' simple names (SessionEvent.typeName), so the sealed list is the only list
    @SuppressWarnings("unchecked")
    private static final Map<String, Class<? extends SessionEvent>> TYPES = java.util.Arrays.stream(SessionEvent.class.getPermittedSubclasses())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Class::getSimpleName, c -> (Class<? extends SessionEvent>) c));

    /**
     * Every upcaster of the contract, oldest first. Empty while version 1 is the only one ever written:
     * a change that cannot be read by old code (a renamed or removed field, a changed meaning) raises
     * {@link #SCHEMA_VERSION} and adds the upcaster from the previous version here.
     */
    public static final List<Upcaster> UPCASTERS = List.of();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module()) // optional fields added to events later read as empty from older events
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    /** The codec's mapper, for callers that need to build JSON trees compatible with it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(toJson(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.event().typeName(), e);
        }
    }

    public static ObjectNode toJson(EventEnvelope envelope) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", envelope.event().typeName());
        node.put("schemaVersion", SCHEMA_VERSION);
        node.put("eventId", envelope.eventId().toString());
        node.put("workspaceId", envelope.workspaceId());
        node.put("sessionId", envelope.sessionId().toString());
        node.put("sequence", envelope.sequence());
        node.put("time", envelope.time().toString());
        node.put("actor", envelope.actor());
        node.set("data", MAPPER.valueToTree(envelope.event()));
        return node;
    }

    public static EventEnvelope decode(byte[] json) {
        return decode(json, UPCASTERS);
    }

    /** Decodes with the given upcasters (tests of the upcasting path bring their own). */
    static EventEnvelope decode(byte[] json, List<Upcaster> upcasters) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("not a JSON event: " + e.getMessage(), e);
        }
        return fromJson(tree, upcasters);
    }

    public static EventEnvelope fromJson(JsonNode node) {
        return fromJson(node, UPCASTERS);
    }

    static EventEnvelope fromJson(JsonNode original, List<Upcaster> upcasters) {
        if (!(original instanceof ObjectNode)) {
            throw new MalformedEventException("an event is a JSON object", null);
        }
        ObjectNode node = ((ObjectNode) original).deepCopy();
        String type = text(node, "type");
        JsonNode versionField = node.get("schemaVersion");
        if (versionField == null || !versionField.isInt()) {
            throw new MalformedEventException(type + " has no schema version", null);
        }
        int version = versionField.asInt();
        if (version > SCHEMA_VERSION) {
            throw new NewerVersionException(type + " has schema version " + version + ", this build reads up to " + SCHEMA_VERSION);
        }
        while (version < SCHEMA_VERSION) {
            int from = version;
            Upcaster step = upcasters.stream().filter(u -> u.type().equals(type) && u.fromVersion() == from).findFirst()
                    .orElseThrow(() -> new MalformedEventException(type + " has schema version " + from
                            + " and this build has no upcaster from it to " + (from + 1), null));
            node = step.upcast().apply(node);
            version++;
            node.put("schemaVersion", version);
        }
        Class<? extends SessionEvent> payloadType = TYPES.get(type);
        if (payloadType == null) {
            // a type this build does not know: written by a newer build, or by nobody we know
            throw new NewerVersionException("unknown event type '" + type + "' (schema version " + version + ")");
        }
        try {
            SessionEvent event = MAPPER.treeToValue(node.get("data"), payloadType);
            return new EventEnvelope(
                    UUID.fromString(text(node, "eventId")),
                    text(node, "workspaceId"),
                    UUID.fromString(text(node, "sessionId")),
                    node.path("sequence").asLong(),
                    Instant.parse(text(node, "time")),
                    text(node, "actor"),
                    event);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("malformed " + type + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedEventException("event field '" + field + "' is missing", null);
        }
        return value.asText();
    }

    /**
     * An event written by a newer contract (a higher schema version or a type added since): not wrong,
     * only unreadable by this build, so it must be neither skipped nor dead-lettered by it.
     */
    public static final class NewerVersionException extends MalformedEventException {
        public NewerVersionException(String message) {
            super(message, null);
        }
    }

    /** An event on the log that this build cannot read. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
