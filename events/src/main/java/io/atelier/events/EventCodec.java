package io.atelier.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * JSON form of an {@link EventEnvelope}: the envelope fields, {@code type}, {@code schemaVersion} and
 * the payload under {@code data}. Decoding checks the schema version so an unknown future version
 * fails loudly instead of being half-read.
 */
public final class EventCodec {
    /** Version of the JSON shape written by this codec. */
    public static final int SCHEMA_VERSION = 1;

    private static final Map<String, Class<? extends SessionEvent>> TYPES = Map.of(
            "SessionStarted", SessionStarted.class,
            "SourceImageAdded", SourceImageAdded.class,
            "InstructionRequested", InstructionRequested.class,
            "ImageRendered", ImageRendered.class,
            "RenderFailed", RenderFailed.class,
            "SessionDeleted", SessionDeleted.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
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
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new MalformedEventException("not a JSON event: " + e.getMessage(), e);
        }
    }

    public static EventEnvelope fromJson(JsonNode node) {
        String type = text(node, "type");
        Class<? extends SessionEvent> payloadType = TYPES.get(type);
        if (payloadType == null) {
            throw new MalformedEventException("unknown event type '" + type + "'", null);
        }
        int version = node.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new MalformedEventException(type + " has schema version " + version + ", this build reads " + SCHEMA_VERSION, null);
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

    /** An event on the log that this build cannot read. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
