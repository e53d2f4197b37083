package io.atelier.engine.planner;

import io.atelier.engine.ops.CropToAspect;

import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.ops.CropToAspect.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in planner, offline and deterministic: it splits an instruction into clauses, decides
 * what each asks for by meaning (sentence embeddings against a catalogue of phrasings) and keywords
 * ({@link IntentClassifier}), reads the facts — amounts, directions, ratios, colours, regions — by
 * rules, and builds the operations ({@link OperationBuilders}). A clause that only describes the result
 * refines the edit before it or is set aside with a note; the step fails only when no concrete change
 * was found, and then names the closest edits it can make.
 */
public final class BuiltinPlanner implements Planner {
    /** Bump when the same instruction may plan differently. */
    public static final String VERSION = "meaning/3";
    private static final Pattern FILLER = Pattern.compile("\\b(please|pls|plz|could you|can you|would you|i want|i'd like|id like|i would like|let's|lets|"
            + "make|it|the|image|photo|picture|pic|shot|a|an|bit|overall|just|now|thanks|thank you|thx|ty|ok|okay|hi|hey|hello|maybe|kindly|for me)\\b");

    private final IntentClassifier classifier;
    private final String name;

    public BuiltinPlanner(SentenceEmbedder embedder, Catalogue catalogue) {
        this.classifier = new IntentClassifier(embedder, catalogue);
        this.name = VERSION + " (" + embedder.model() + ")";
    }

    /** The standard planner: the quantised MiniLM model and the bundled catalogue. */
    public static BuiltinPlanner standard() {
        return Holder.STANDARD;
    }

    // Loaded once per JVM, on first use: the model takes a few hundred milliseconds and ~100 MB.
    private static final class Holder {
        static final BuiltinPlanner STANDARD = new BuiltinPlanner(new MiniLmEmbedder(MiniLmEmbedder.Variant.QUANTISED), Catalogue.standard());
    }

    public String name() {
        return name;
    }

    @Override
    public PlanOutcome plan(String instruction) {
        long seed = instruction.strip().hashCode() & 0xFFFFFFFFL;
        Reading r = new Reading(instruction, seed);
        for (String clause : ColourFamilies.carrySky(ProblemStates.carry(Clauses.split(instruction)))) {
            if (FILLER.matcher(clause).replaceAll("").replaceAll("[^a-z0-9#\"]", "").isBlank() && !clause.contains("\"")) {
                continue;
            }
            if (RegionReader.SUBJECT.matcher(clause).find() || clause.matches(".*\\b(cent(?:er|re)d?|middle)\\b.*")) {
                r.subjectMentioned = true;
            }
            read(clause, r);
        }
        // Descriptions and vague clauses that came with a concrete edit are notes; alone, they are read for an edit.
        boolean concrete = !r.operations.isEmpty();
        for (String pending : r.pendingResults) {
            if (concrete) {
                r.notes.add("took \"" + pending + "\" as a description of the result");
            } else {
                asEditOrUnclear(pending, r);
            }
        }
        for (String vague : r.uncued) {
            if (concrete || !r.synthesis.isEmpty() || !r.unclear.isEmpty() || !r.missing.isEmpty()) {
                r.notes.add("set aside \"" + vague + "\": it names no edit, and the rest of the instruction does");
            } else {
                classifyAndApply(vague, r);
            }
        }
        if (r.subjectMentioned) {
            r.operations.replaceAll(op -> op instanceof CropToAspect c && c.anchor() == Anchor.CENTRE
                    ? new CropToAspect(c.width(), c.height(), Anchor.SUBJECT) : op);
        }
        // A fact asked for by one clause and given by another ("the horizon is wonky, rotate 2 degrees") is not missing.
        r.missing.removeIf(m -> r.missingFor.containsKey(m) && r.applied.contains(r.missingFor.get(m)));
        List<String> notUnderstood = new ArrayList<>();
        if (r.operations.isEmpty() && r.missing.isEmpty() && r.synthesis.isEmpty()) {
            notUnderstood.addAll(r.unclear);
            if (notUnderstood.isEmpty()) {
                notUnderstood.add(instruction.strip());
            }
        } else {
            for (String u : r.unclear) {
                r.notes.add("set aside, as the rest was clear: " + u);
            }
        }
        return new PlanOutcome(EditPlan.of(instruction, name, r.operations, r.notes), notUnderstood, r.synthesis, r.missing, r.notes,
                notUnderstood.isEmpty() ? List.of() : List.copyOf(r.closest));
    }

    @Override
    public String capabilities() {
        return CAPABILITIES;
    }

    /** One paragraph of what the built-in planner can do, for the hint of a failed step. */
    public static final String CAPABILITIES = "I can change light (brighter/darker by a touch, a percentage or stops, warmer/cooler, golden hour, morning, overcast, "
                + "light from a side, contrast, highlights and shadows, auto levels, vignette, glow, haze), framing (crop to 1:1, 4:5, 16:9, "
                + "9:16 / Instagram story, room on a side for text, rotate, straighten by an angle, flip, a border), colour (saturation, vibrance, "
                + "one colour family such as the greens or the blues, removing a colour cast, black and white, earthy/pastel/teal-and-orange grades, a colour overlay or gradient on a region, text in quotes), "
                + "focus (background blur, sharpen, clarity) and finish (film grain, dust in the light, light leak, lens flare, steam) — "
                + "on the whole image, the subject, the background, a side or third, or only the highlights/shadows.";

    private void read(String clause, Reading r) {
        clause = MaterialGrain.asTexture(clause);
        Matcher by = ClauseRoles.BY_METHOD.matcher(clause);
        if (by.matches() && Cues.anyEditCue(by.group(2)) && Ratios.read(clause).isEmpty()) {
            // "increase the contrast between subject and background by deepening the shadow on the right": the method is the edit
            r.notes.add("took \"" + by.group(1) + "\" as the aim of \"" + by.group(2) + "\"");
            read(by.group(2), r);
            return;
        }
        if (Refinements.refine(clause, r)) {
            return;
        }
        boolean wasSynthesis = r.lastWasSynthesis;
        r.lastWasSynthesis = false;
        if (NewContent.bringsSomethingIn(clause)) {
            r.synthesis.add(clause);
            r.lastWasSynthesis = true;
            return;
        }
        boolean cued = Cues.anyEditCue(clause);
        if (wasSynthesis && !cued) {
            r.synthesis.add(clause); // "add a person holding the mug, smiling": it describes what is to be painted
            r.lastWasSynthesis = true;
            return;
        }
        if (!cued && (ClauseRoles.RATIONALE.matcher(clause).lookingAt() || ClauseRoles.CONSTRAINT.matcher(clause).find())) {
            if (wasSynthesis) {
                r.synthesis.add(clause); // "add a person holding the mug, smiling": it describes what is to be painted
                r.lastWasSynthesis = true;
            } else if (ClauseRoles.CONSTRAINT.matcher(clause).find()) {
                r.notes.add("kept in mind \"" + clause + "\"");
            } else {
                r.pendingResults.add(clause);
            }
            return;
        }
        if (ClauseRoles.RATIONALE.matcher(clause).lookingAt() && !r.operations.isEmpty()) {
            r.pendingResults.add(clause); // "…, like late afternoon sun": why, not a second edit
            return;
        }
        if (ClauseRoles.CONSTRAINT.matcher(clause).find() && !r.operations.isEmpty() && !clause.matches(".*\\b(room|space)\\b.*")) {
            r.notes.add("kept in mind \"" + clause + "\"");
            return;
        }
        if (r.lastIntent != null && r.lastIntent.isEdit() && (ClauseRoles.POINTER.matcher(clause).find() || !cued && clause.matches(".*\\bit\\b.*"))
                && DecisiveWords.decisive(clause).isEmpty()) {
            if (Directions.explicit(r.lastIntent, clause) && r.lastIntent.signed()) {
                Edits.apply(r.lastIntent, clause, r); // "the highlights are too hot, bring them down"
            } else {
                r.notes.add("took \"" + clause + "\" as being about the edit before it");
            }
            return;
        }
        if (!cued) {
            r.uncued.add(clause);
            return;
        }
        classifyAndApply(clause, r);
    }

    private void classifyAndApply(String clause, Reading r) {
        IntentClassifier.Decision decision = classifier.classify(clause);
        switch (decision) {
            case IntentClassifier.Edits edits -> {
                for (Intent intent : edits.intents()) {
                    Edits.apply(intent, clause, r);
                }
            }
            case IntentClassifier.NotAnEdit n when n.kind() == Intent.SYNTHESIS -> {
                r.synthesis.add(clause);
                r.lastWasSynthesis = true;
            }
            case IntentClassifier.NotAnEdit n when n.kind() == Intent.RESULT -> r.pendingResults.add(clause);
            case IntentClassifier.NotAnEdit n when n.kind() == Intent.CONSTRAINT -> r.notes.add("kept in mind \"" + clause + "\"");
            case IntentClassifier.NotAnEdit n -> unclear(n.kind() == Intent.QUESTION
                    ? "\"" + clause + "\" is a question, not an edit" : "\"" + clause + "\" does not say what to change", decision, r);
            case IntentClassifier.Unsure u -> unclear("\"" + clause + "\": not sure whether you mean " + u.first().summary()
                    + " or " + u.second().summary(), decision, r);
            case IntentClassifier.Unknown u -> unclear("\"" + clause + "\"", decision, r);
        }
    }

    private void asEditOrUnclear(String clause, Reading r) {
        List<IntentClassifier.Score> ranking = classifier.rank(clause);
        IntentClassifier.Score best = classifier.bestEdit(ranking);
        if (best.combined() >= IntentClassifier.FLOOR) {
            Edits.apply(best.intent(), clause, r);
        } else {
            r.unclear.add("\"" + clause + "\" describes a result but not an edit I can make for it");
            closest(ranking, r);
        }
    }

    private void unclear(String why, IntentClassifier.Decision decision, Reading r) {
        r.unclear.add(why);
        closest(decision.ranking(), r);
    }

    private static void closest(List<IntentClassifier.Score> ranking, Reading r) {
        ranking.stream().filter(s -> s.intent().isEdit() && !s.intent().operations().isEmpty()).limit(3)
                .forEach(s -> r.closest.add(s.intent().summary()));
    }
}
