package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.engine.planner.llm.LlmPlanner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner is chosen from ATELIER_PLANNER and the ATELIER_LLM_* settings; bad settings fail at start, clearly. */
class PlannersTest {
    @Test
    void theBuiltInPlannerIsTheDefault() {
        for (Planner planner : java.util.List.of(Planners.fromEnvironment(Map.of()), Planners.fromEnvironment(Map.of("ATELIER_PLANNER", "builtin")))) {
            assertThat(planner).isInstanceOf(Planners.Deferred.class);
            assertThat(planner.capabilities()).contains("crop");
            assertThat(planner.plan("warmer").plan().planner()).startsWith(BuiltinPlanner.VERSION);
        }
    }

    @Test
    void theLanguageModelPlannerNeedsAnEndpointAndAModel() {
        assertThat(Planners.fromEnvironment(Map.of("ATELIER_PLANNER", "llm", "ATELIER_LLM_BASE_URL", "http://127.0.0.1:9/v1",
                "ATELIER_LLM_MODEL", "m"))).isInstanceOf(LlmPlanner.class);
        assertThatThrownBy(() -> Planners.fromEnvironment(Map.of("ATELIER_PLANNER", "llm", "ATELIER_LLM_MODEL", "m")))
                .hasMessageContaining("ATELIER_LLM_BASE_URL");
        assertThatThrownBy(() -> Planners.fromEnvironment(Map.of("ATELIER_PLANNER", "llm", "ATELIER_LLM_BASE_URL", "http://x/v1")))
                .hasMessageContaining("ATELIER_LLM_MODEL");
        assertThatThrownBy(() -> Planners.fromEnvironment(Map.of("ATELIER_PLANNER", "gpt"))).hasMessageContaining("builtin or llm");
    }

    @Test
    void theKeyDoesNotAppearInTheSettingsPrintout() {
        var settings = Planners.llmSettings(Map.of("ATELIER_LLM_BASE_URL", "http://x/v1", "ATELIER_LLM_MODEL", "m",
                "ATELIER_LLM_API_KEY", "sk-secret-1"));
        assertThat(settings.toString()).doesNotContain("sk-secret-1");
        assertThat(settings.chatCompletions().toString()).isEqualTo("http://x/v1/chat/completions");
    }
}
