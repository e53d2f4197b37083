package io.atelier.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema of edit plans (docs/edit-plan.schema.json) is generated from the plan
 * types and must match them; run with -Datelier.schema.update=true to rewrite it after a change.
 */
class PlanSchemaTest {
    private static final Path PUBLISHED = Path.of("..", "docs", "edit-plan.schema.json");

    static String generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY));
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() != Rgb.class) {
                return null;
            }
            ObjectNode colour = context.getGeneratorConfig().createObjectNode();
            colour.put("type", "string").put("pattern", "^#[0-9a-f]{6}$").put("description", "an 8-bit sRGB colour");
            return new CustomDefinition(colour, CustomDefinition.DefinitionType.STANDARD, CustomDefinition.AttributeInclusion.NO);
        });
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(EditPlan.class);
        schema.put("title", "Atelier edit plan, schema version " + EditPlan.SCHEMA_VERSION);
        return schema.toPrettyString() + "\n";
    }

    @Test
    void thePublishedSchemaMatchesThePlanTypes() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("atelier.schema.update")) {
            Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
        }
        assertThat(generated).contains("\"white-balance\"").contains("\"steam\"").contains("\"tones\"");
        assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8)).as("docs/edit-plan.schema.json is out of date").isEqualTo(generated);
    }
}
