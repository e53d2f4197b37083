package io.atelier.events.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.events.EventCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * JSON form of a {@link KitEventEnvelope}: the envelope fields, {@code type}, {@code schemaVersion} and
 * the payload under {@code data}, written with the session log's mapper so both logs read alike.
 */
public final class KitEventCodec {
    /** Version of the JSON shape written by this codec. */
    public static final int SCHEMA_VERSION = 1;

    private static final Map<String, Class<? extends KitEvent>> TYPES = Map.of(
            "KitNamed", KitEvent.KitNamed.class,
            "PaletteColourSet", KitEvent.PaletteColourSet.class,
            "PaletteColourRemoved", KitEvent.PaletteColourRemoved.class,
            "LogoSet", KitEvent.LogoSet.class,
            "FontSet", KitEvent.FontSet.class,
            "InstructionSaved", KitEvent.InstructionSaved.class,
            "InstructionRemoved", KitEvent.InstructionRemoved.class);

    private KitEventCodec() {
    }

    public static ObjectNode toJson(KitEventEnvelope envelope) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("type", envelope.event().typeName());
        node.put("schemaVersion", SCHEMA_VERSION);
        node.put("eventId", envelope.eventId().toString());
        node.put("workspaceId", envelope.workspaceId());
        node.put("version", envelope.version());
        node.put("time", envelope.time().toString());
        node.put("actor", envelope.actor());
        node.set("data", EventCodec.mapper().valueToTree(envelope.event()));
        return node;
    }

    public static String encode(KitEventEnvelope envelope) {
        return toJson(envelope).toString();
    }

    public static KitEventEnvelope decode(String json) {
        try {
            return fromJson(EventCodec.mapper().readTree(json));
        } catch (IOException e) {
            throw new EventCodec.MalformedEventException("not a JSON kit event: " + e.getMessage(), e);
        }
    }

    public static KitEventEnvelope fromJson(JsonNode node) {
        String type = node.path("type").asText();
        if (node.path("schemaVersion").asInt() > SCHEMA_VERSION || !TYPES.containsKey(type)) {
            throw new EventCodec.NewerVersionException("kit event " + type + " (schema version " + node.path("schemaVersion") + ") is newer than this build");
        }
        try {
            return new KitEventEnvelope(UUID.fromString(node.path("eventId").asText()), node.path("workspaceId").asText(),
                    node.path("version").asLong(), Instant.parse(node.path("time").asText()), node.path("actor").asText(),
                    EventCodec.mapper().treeToValue(node.get("data"), TYPES.get(type)));
        } catch (IOException | RuntimeException e) {
            throw new EventCodec.MalformedEventException("malformed kit event " + type + ": " + e.getMessage(), e);
        }
    }
}
