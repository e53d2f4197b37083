package io.atelier.coach;

import java.util.List;

/**
 * One piece of advice on an instruction: its kind ({@code split}, {@code evaluative}, {@code layer-order},
 * {@code long-branch}), what to tell the person, the one instruction it suggests instead (empty when the
 * advice is to go back rather than to type something) and instructions the studio may offer as one-click steps.
 */
public record Advice(String kind, String message, String suggestion, List<String> steps) {
    public static final String SPLIT = "split";
    public static final String EVALUATIVE = "evaluative";
    public static final String LAYER_ORDER = "layer-order";
    public static final String LONG_BRANCH = "long-branch";

    public Advice {
        steps = List.copyOf(steps);
    }
}
