package io.atelier.engine.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.engine.plan.PlanSchema;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON Schema a language model must answer in: {@code {"operations": [...]}}, generated from the
 * plan's operation types (as docs/edit-plan.schema.json is), made strict for structured output — every
 * property required, no others allowed.
 */
public final class ResponseSchema {
    /** The name the schema is sent under. */
    public static final String NAME = "edit_plan";
    /** At most this many notes are kept, each cut to {@link #NOTE_LENGTH} characters: they are shown to the person. */
    public static final int NOTES = 8;
    public static final int NOTE_LENGTH = 200;

    private ResponseSchema() {
    }

    public static ObjectNode generate() {
        // the published plan schema (docs/edit-plan.schema.json), reduced to the operations and made strict
        ObjectNode plan = PlanSchema.generate();
        ObjectNode schema = plan.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.set("operations", plan.path("properties").path("operations").deepCopy());
        // what the model read each part as and what it assumed or left out, as the built-in planner's notes say
        ObjectNode notes = properties.putObject("notes");
        notes.put("type", "array");
        notes.put("description", "Short notes: what each part of the instruction was read as, what was assumed, what was left out and why");
        notes.putObject("items").put("type", "string"); // lengths are capped on reading: not every endpoint's strict mode takes maxLength
        schema.put("additionalProperties", false);
        if (plan.has("$defs")) {
            schema.set("$defs", plan.get("$defs").deepCopy());
        }
        strict(schema);
        return schema;
    }

    // Structured output in strict mode wants every object closed and every property required.
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject()) {
                ArrayNode required = object.putArray("required");
                object.get("properties").fieldNames().forEachRemaining(required::add);
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                strict(it.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ResponseSchema::strict);
        }
    }
}
