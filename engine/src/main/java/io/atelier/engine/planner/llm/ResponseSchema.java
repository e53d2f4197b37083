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

    private ResponseSchema() {
    }

    public static ObjectNode generate() {
        // the published plan schema (docs/edit-plan.schema.json), reduced to the operations and made strict
        ObjectNode plan = PlanSchema.generate();
        ObjectNode schema = plan.objectNode();
        schema.put("type", "object");
        schema.putObject("properties").set("operations", plan.path("properties").path("operations").deepCopy());
        schema.putArray("required").add("operations");
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
