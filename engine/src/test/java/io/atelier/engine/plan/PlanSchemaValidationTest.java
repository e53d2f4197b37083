package io.atelier.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published schema says what the engine accepts: every golden plan validates, and out-of-range values do not. */
class PlanSchemaValidationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyGoldenPlanIsValidAndAnOutOfRangeOneIsNot() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "edit-plan.schema.json")));
        JsonNode plans;
        try (InputStream in = getClass().getResourceAsStream("/golden/plans.json")) {
            plans = JSON.readTree(in);
        }
        assertThat(plans.size()).isGreaterThanOrEqualTo(39);
        plans.fields().forEachRemaining(plan -> assertThat(schema.validate(plan.getValue())).as(plan.getKey()).isEmpty());

        ObjectNode tooBright = plans.get("exposure").deepCopy();
        ((ObjectNode) tooBright.at("/operations/0")).put("stops", 9);
        Set<ValidationMessage> errors = schema.validate(tooBright);
        assertThat(errors).isNotEmpty();
        ObjectNode unknownFamily = plans.get("hue-adjust").deepCopy();
        ((ObjectNode) unknownFamily.at("/operations/0")).put("colours", "teals");
        assertThat(schema.validate(unknownFamily)).isNotEmpty();
    }
}
