package io.atelier.engine.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.engine.ops.Overlay;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.PlanOutcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Every instruction of every use-case preset (docs/presets.json, served by the gallery) is one the engine carries out. */
class PresetsTest {
    @Test
    void everyPresetInstructionIsUnderstoodWithABrandKit() throws Exception {
        JsonNode presets = new ObjectMapper().readTree(Path.of("..", "docs", "presets.json").toFile()).get("presets");
        Map<String, Rgb> palette = new LinkedHashMap<>();
        palette.put("brand green", Rgb.parse("#2e7d32"));
        palette.put("oat cream", Rgb.parse("#f3ead7"));
        KitPlanner planner = new KitPlanner(BuiltinPlanner.standard(), new KitContext(3, palette,
                Optional.of(new KitContext.Logo(new byte[] {1}, Overlay.Placement.BOTTOM_RIGHT, 0.15)), Map.of()));
        SoftAssertions soft = new SoftAssertions();
        int count = 0;
        for (JsonNode preset : presets) {
            soft.assertThat(preset.path("instructions").size()).as(preset.path("id").asText()).isBetween(2, 8);
            for (JsonNode instruction : preset.path("instructions")) {
                PlanOutcome outcome = planner.plan(instruction.asText());
                soft.assertThat(outcome.fullyUnderstood()).as("%s: %s -> %s", preset.path("id").asText(), instruction.asText(), outcome).isTrue();
                soft.assertThat(outcome.plan().operations()).as("one change at a time: %s", instruction.asText()).hasSizeLessThanOrEqualTo(2);
                count++;
            }
        }
        soft.assertAll();
        assertThat(presets.size()).isEqualTo(4);
        assertThat(count).isGreaterThanOrEqualTo(12);
    }
}
