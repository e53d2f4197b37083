package io.atelier.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes edit plans as JSON. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private PlanJson() {
    }

    public static JsonNode toTree(EditPlan plan) {
        return MAPPER.valueToTree(plan);
    }

    public static EditPlan fromTree(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, EditPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an edit plan: " + e.getOriginalMessage(), e);
        }
    }
}
