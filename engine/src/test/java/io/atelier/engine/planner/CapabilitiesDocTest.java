package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/capabilities.json (served by gallery-service at GET /api/capabilities) is generated from the
 * intents and the catalogue and must match them; run with -Datelier.capabilities.update=true to rewrite it.
 */
class CapabilitiesDocTest {
    private static final Path PUBLISHED = Path.of("..", "docs", "capabilities.json");

    @Test
    void thePublishedCapabilitiesMatchThePlanner() throws IOException {
        String generated = Capabilities.json(Catalogue.standard());
        if (Boolean.getBoolean("atelier.capabilities.update")) {
            Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
        }
        JsonNode tree = new ObjectMapper().readTree(generated);
        assertThat(tree.path("edits").size()).isGreaterThan(25);
        tree.path("edits").forEach(e -> {
            assertThat(e.path("operations").size()).as(e.path("name").asText()).isPositive();
            assertThat(e.path("examples").size()).as(e.path("name").asText()).isPositive();
        });
        assertThat(generated).contains("\"crop-to-aspect\"").contains("\"background\"").contains("\"synthesis\"");
        assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8)).as("docs/capabilities.json is out of date").isEqualTo(generated);
    }
}
