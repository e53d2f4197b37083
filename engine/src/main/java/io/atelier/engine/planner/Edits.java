package io.atelier.engine.planner;

import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Parameters;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.plan.Region;
import java.util.List;

/**
 * Turns one understood intent into operations: reads the facts (via {@link OperationBuilders}), settles a
 * described problem against an explicit ask, drops repeats, and merges a ratio said apart into a reframe.
 */
final class Edits {
    /** Said once per plan that edits the sky: how it is found and what stands in when it is not. */
    static final String SKY_NOTE = "the sky is found in the photo by its colour, smoothness and touching the top edge";
    private Edits() {
    }

    /** Builds the edit an intent asks for from a clause and adds it to the reading, unless it repeats or a description and an ask disagree. */
    static void apply(Intent asked, String clause, Reading r) {
        Intent intent = ColourFamilies.narrow(asked, clause);
        r.lastIntent = intent;
        if (intent == Intent.COLOUR_CAST && (r.applied.contains(Intent.TEMPERATURE) || r.applied.contains(Intent.TINT))
                && !clause.matches(".*\\b(green|magenta|pink)\\w*.*")) {
            r.notes.add("took \"" + clause + "\" as part of the white balance change");
            return;
        }
        Said said = new Said(clause, r.instruction, r.seed, r.subjectMentioned, r.operations);
        String region = RegionReader.read(clause).toString();
        String key = canonical(intent) + (intent.signed() ? ":" + Directions.sign(intent, clause) : "") + ":" + region;
        String slot = canonical(intent) + ":" + region;
        boolean problem = intent.signed() && ProblemStates.describes(clause);
        if (problem && r.asked.contains(slot)) {
            r.notes.add("took \"" + clause + "\" as the problem that the explicit ask for " + intent.summary() + " fixes");
            return;
        }
        Reading.Described described = r.fromProblem.get(slot);
        if (intent.signed() && !problem && described != null && described.sign() != Directions.sign(intent, clause)) {
            // an explicit ask ("make it warmer") decides the direction over a description of the problem ("it's cold")
            r.fromProblem.remove(slot);
            described.operations().forEach(op -> r.operations.removeIf(o -> o == op));
            r.done.removeIf(k -> k.startsWith(canonical(intent) + ":") && k.endsWith(":" + region));
            r.notes.add("took \"" + described.clause() + "\" as the problem and followed the explicit ask \"" + clause + "\"");
        }
        boolean repeatable = intent == Intent.TEXT || intent == Intent.COLOUR_OVERLAY || intent == Intent.EMPHASIS;
        if (!repeatable && r.done.contains(key)
                || intent == Intent.FILM_LOOK && r.applied.contains(Intent.GRAIN) || intent == Intent.GRAIN && r.applied.contains(Intent.FILM_LOOK)) {
            r.notes.add("\"" + clause + "\" asks again for an edit already made once");
            return;
        }
        Built built;
        try {
            built = OperationBuilders.build(intent, said);
            built.operations().forEach(Parameters::check);
        } catch (IllegalArgumentException e) {
            // a value read from the words that the operation does not accept ("rotate 400 degrees")
            r.unclear.add("\"" + clause + "\": " + e.getMessage());
            return;
        }
        if (!built.operations().isEmpty()) {
            r.done.add(key);
            r.applied.add(intent);
            r.applied.add(canonical(intent));
            if (intent == Intent.COLOUR_CAST) {
                r.applied.add(Intent.TEMPERATURE);
            }
        }
        for (Operation op : built.operations()) {
            addMerged(op, r);
        }
        if (built.operations().stream().anyMatch(op -> op instanceof Operation.Local l && l.region() instanceof Region.Sky)
                && r.notes.stream().noneMatch(n -> n.startsWith(SKY_NOTE))) {
            r.notes.add(SKY_NOTE + "; where too little sky is found, the upper 40% of the frame stands in");
        }
        if (intent.signed() && !built.operations().isEmpty()) {
            if (problem) {
                r.fromProblem.put(slot, new Reading.Described(clause, Directions.sign(intent, clause), List.copyOf(built.operations())));
            } else {
                r.asked.add(slot);
            }
        }
        for (String m : built.missing()) {
            r.missing.add(m);
            r.missingFor.put(m, intent);
        }
        for (String why : built.cannot()) {
            r.unclear.add("\"" + clause + "\": " + why);
        }
    }

    // "…room on the left for a headline, 16:9": a ratio said apart still belongs to the reframe.
    private static void addMerged(Operation op, Reading r) {
        List<Operation> ops = r.operations;
        Operation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
        if (op instanceof CropToAspect crop && last instanceof Reframe f) {
            ops.set(ops.size() - 1, new Reframe(crop.width(), crop.height(), f.roomOn(), f.room()));
        } else if (op instanceof Reframe f && last instanceof CropToAspect crop) {
            ops.set(ops.size() - 1, new Reframe(crop.width(), crop.height(), f.roomOn(), f.room()));
        } else {
            ops.add(op);
        }
    }

    // Siblings count as the same edit when the same instruction asks twice ("add grain, 35mm film style").
    private static Intent canonical(Intent intent) {
        return switch (intent) {
            case VIBRANCE -> Intent.SATURATION;
            case FILM_LOOK -> Intent.GRAIN;
            case LENS_FLARE -> Intent.LIGHT_LEAK;
            default -> intent;
        };
    }
}
