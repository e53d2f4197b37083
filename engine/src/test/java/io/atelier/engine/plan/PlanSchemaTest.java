package io.atelier.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema of edit plans (docs/edit-plan.schema.json) is generated from the plan
 * types and the operations' declarations (by {@link PlanSchema}) and must
 * match them; run with -Datelier.schema.update=true to rewrite it after a change.
 */
class PlanSchemaTest {
    private static final Path PUBLISHED = Path.of("..", "docs", "edit-plan.schema.json");

    static String generate() {
        return PlanSchema.generate().toPrettyString() + "\n";
    }

    @Test
    void thePublishedSchemaMatchesThePlanTypes() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("atelier.schema.update")) {
            Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
        }
        assertThat(generated).contains("\"white-balance\"").contains("\"steam\"").contains("\"tones\"").contains("\"hue-adjust\"");
        assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8)).as("docs/edit-plan.schema.json is out of date").isEqualTo(generated);
    }
}
