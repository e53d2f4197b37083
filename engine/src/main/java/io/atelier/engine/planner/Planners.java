package io.atelier.engine.planner;

import io.atelier.engine.planner.llm.LlmPlanner;
import io.atelier.engine.planner.llm.LlmSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the planner from settings: {@code ATELIER_PLANNER} = {@code builtin} (default) or {@code llm},
 * the latter with {@code ATELIER_LLM_BASE_URL}, {@code ATELIER_LLM_MODEL} and optionally
 * {@code ATELIER_LLM_API_KEY}; the built-in planner is always there to fall back on.
 */
public final class Planners {
    private Planners() {
    }

    public static Planner fromEnvironment(Map<String, String> env) {
        String which = env.getOrDefault("ATELIER_PLANNER", "builtin").trim().toLowerCase(Locale.ROOT);
        return switch (which) {
            case "builtin", "" -> new Deferred();
            case "llm" -> new LlmPlanner(llmSettings(env), new Deferred());
            default -> throw new IllegalArgumentException("ATELIER_PLANNER must be builtin or llm, got " + which);
        };
    }

    /**
     * The built-in planner, loaded on the first instruction rather than at start: loading the model
     * takes seconds on a busy machine, and a service should become ready as fast as before.
     */
    static final class Deferred implements Planner {
        @Override
        public PlanOutcome plan(String instruction) {
            return BuiltinPlanner.standard().plan(instruction);
        }

        @Override
        public String capabilities() {
            return BuiltinPlanner.CAPABILITIES;
        }
    }

    static LlmSettings llmSettings(Map<String, String> env) {
        String base = env.getOrDefault("ATELIER_LLM_BASE_URL", "").trim();
        if (base.isEmpty()) {
            throw new IllegalArgumentException("ATELIER_LLM_BASE_URL is required when ATELIER_PLANNER=llm");
        }
        Optional<String> key = Optional.ofNullable(env.get("ATELIER_LLM_API_KEY")).map(String::trim).filter(k -> !k.isEmpty());
        return new LlmSettings(URI.create(base), env.getOrDefault("ATELIER_LLM_MODEL", "").trim(), key, Duration.ofSeconds(30));
    }
}
