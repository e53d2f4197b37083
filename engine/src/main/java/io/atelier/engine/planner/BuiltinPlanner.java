package io.atelier.engine.planner;

import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Operation;
import io.atelier.engine.plan.Operation.CropToAspect.Anchor;
import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        Reading r = new Reading();
        List<String> clauses = Clauses.split(instruction);
        for (String clause : clauses) {
            if (FILLER.matcher(clause).replaceAll("").replaceAll("[^a-z0-9#\"]", "").isBlank() && !clause.contains("\"")) {
                continue;
            }
            if (RegionReader.SUBJECT.matcher(clause).find() || clause.matches(".*\\b(cent(?:er|re)d?|middle)\\b.*")) {
                r.subjectMentioned = true;
            }
            read(clause, instruction, seed, r);
        }
        // Descriptions that came before any edit ("for a cosy feel, warm it up") are notes once an edit exists.
        for (String pending : r.pendingResults) {
            if (r.operations.isEmpty()) {
                asEditOrUnclear(pending, instruction, seed, r);
            } else {
                r.notes.add("took \"" + pending + "\" as a description of the result");
            }
        }
        if (r.subjectMentioned) {
            r.operations.replaceAll(op -> op instanceof Operation.CropToAspect c && c.anchor() == Anchor.CENTRE
                    ? new Operation.CropToAspect(c.width(), c.height(), Anchor.SUBJECT) : op);
        }
        List<String> notUnderstood = new ArrayList<>();
        if (r.operations.isEmpty() && r.missing.isEmpty() && r.synthesis.isEmpty()) {
            notUnderstood.addAll(r.unclear);
            if (notUnderstood.isEmpty()) {
                notUnderstood.add(instruction.strip());
            }
        } else {
            for (String u : r.unclear) {
                r.notes.add("set aside \"" + u + "\"");
            }
        }
        return new PlanOutcome(EditPlan.of(instruction, name, r.operations), notUnderstood, r.synthesis, r.missing, r.notes,
                notUnderstood.isEmpty() ? List.of() : List.copyOf(r.closest));
    }

    @Override
    public String capabilities() {
        return "I can change light (brighter/darker by a touch, a percentage or stops, warmer/cooler, golden hour, morning, overcast, "
                + "light from a side, contrast, highlights and shadows, vignette, glow, haze), framing (crop to 1:1, 4:5, 16:9, "
                + "9:16 / Instagram story, room on a side for text, rotate, straighten by an angle, flip), colour (saturation, vibrance, "
                + "black and white, earthy/pastel/teal-and-orange grades, a colour overlay or gradient on a region, text in quotes), "
                + "focus (background blur, sharpen, clarity) and finish (film grain, dust in the light, light leak, lens flare, steam) — "
                + "on the whole image, the subject, the background, a side or third, or only the highlights/shadows.";
    }

    /** What the clauses of one instruction have produced so far. */
    private static final class Reading {
        final List<Operation> operations = new ArrayList<>();
        final List<String> synthesis = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> unclear = new ArrayList<>();
        final List<String> pendingResults = new ArrayList<>();
        final Set<String> closest = new LinkedHashSet<>();
        boolean subjectMentioned;
        boolean lastWasSynthesis;
    }

    private void read(String clause, String instruction, long seed, Reading r) {
        if (onlyColours(clause) && refine(clause, r)) {
            return; // "grade toward sage, cream and terracotta": a clause of only colours continues the palette
        }
        IntentClassifier.Decision decision = classifier.classify(clause);
        boolean wasSynthesis = r.lastWasSynthesis;
        r.lastWasSynthesis = false;
        switch (decision) {
            case IntentClassifier.Edits edits -> {
                for (Intent intent : edits.intents()) {
                    apply(intent, clause, instruction, seed, r);
                }
            }
            case IntentClassifier.NotAnEdit n when n.kind() == Intent.SYNTHESIS -> {
                r.synthesis.add(clause);
                r.lastWasSynthesis = true;
            }
            case IntentClassifier.NotAnEdit n when n.kind() == Intent.RESULT || n.kind() == Intent.CONSTRAINT -> {
                if (wasSynthesis) {
                    r.synthesis.add(clause); // "add a person holding the mug, smiling": it describes what is to be painted
                    r.lastWasSynthesis = true;
                } else if (!refine(clause, r)) {
                    if (r.operations.isEmpty() && n.kind() == Intent.RESULT) {
                        r.pendingResults.add(clause);
                    } else {
                        r.notes.add((n.kind() == Intent.CONSTRAINT ? "kept in mind \"" : "took \"") + clause
                                + (n.kind() == Intent.CONSTRAINT ? "\"" : "\" as a description of the result"));
                    }
                }
            }
            case IntentClassifier.NotAnEdit n -> unclear(clause, n.kind() == Intent.QUESTION
                    ? "\"" + clause + "\" is a question, not an edit" : "\"" + clause + "\" does not say what to change", decision, r);
            case IntentClassifier.Unsure u -> unclear(clause, "\"" + clause + "\": not sure whether you mean " + u.first().summary()
                    + " or " + u.second().summary(), decision, r);
            case IntentClassifier.Unknown u -> unclear(clause, "\"" + clause + "\"", decision, r);
        }
    }

    private void asEditOrUnclear(String clause, String instruction, long seed, Reading r) {
        List<IntentClassifier.Score> ranking = classifier.rank(clause);
        IntentClassifier.Score best = classifier.bestEdit(ranking);
        if (best.combined() >= IntentClassifier.FLOOR) {
            apply(best.intent(), clause, instruction, seed, r);
        } else {
            r.unclear.add("\"" + clause + "\" describes a result but not an edit I can make for it");
            closest(ranking, r);
        }
    }

    private void unclear(String clause, String why, IntentClassifier.Decision decision, Reading r) {
        r.unclear.add(why);
        closest(decision.ranking(), r);
    }

    private static void closest(List<IntentClassifier.Score> ranking, Reading r) {
        ranking.stream().filter(s -> s.intent().isEdit() && !s.intent().operations().isEmpty()).limit(3)
                .forEach(s -> r.closest.add(s.intent().summary()));
    }

    private void apply(Intent intent, String clause, String instruction, long seed, Reading r) {
        Built built = OperationBuilders.build(intent, new Said(clause, instruction, seed, r.subjectMentioned, r.operations));
        for (Operation op : built.operations()) {
            addMerged(op, r);
        }
        r.missing.addAll(built.missing());
        for (String why : built.cannot()) {
            r.unclear.add("\"" + clause + "\": " + why);
            r.closest.add(Intent.SATURATION.summary());
        }
    }

    // "…room on the left for a headline, 16:9": a ratio said apart still belongs to the reframe.
    private static void addMerged(Operation op, Reading r) {
        List<Operation> ops = r.operations;
        Operation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
        if (op instanceof Operation.CropToAspect crop && last instanceof Operation.Reframe f) {
            ops.set(ops.size() - 1, new Operation.Reframe(crop.width(), crop.height(), f.roomOn(), f.room()));
        } else if (op instanceof Operation.Reframe f && last instanceof Operation.CropToAspect crop) {
            ops.set(ops.size() - 1, new Operation.Reframe(crop.width(), crop.height(), f.roomOn(), f.room()));
        } else {
            ops.add(op);
        }
    }

    private static boolean onlyColours(String clause) {
        if (ColourNames.find(clause).isEmpty()) {
            return false;
        }
        String rest = clause;
        for (String word : clause.split("\\s+")) {
            if (!ColourNames.find(word).isEmpty() || word.matches("(and|or|a|an|the|some|soft|light|dark|#.*)")) {
                rest = rest.replaceFirst(Pattern.quote(word), "");
            }
        }
        return rest.isBlank();
    }

    // A description that adjusts the edit before it: shadows for a light, colours for a palette, the subject for a crop.
    private static boolean refine(String clause, Reading r) {
        if (r.operations.isEmpty()) {
            return false;
        }
        int last = r.operations.size() - 1;
        Operation previous = r.operations.get(last);
        Said said = new Said(clause, clause, 0, r.subjectMentioned, r.operations);
        if (previous instanceof Operation.DirectionalLight light && LightOps.shadowOf(said) > 0) {
            r.operations.set(last, new Operation.DirectionalLight(light.from(), light.strength(), light.colour(), light.softness(),
                    LightOps.shadowOf(said)));
            return true;
        }
        List<Rgb> colours = ColourNames.find(clause);
        if (previous instanceof Operation.Gradient g && !colours.isEmpty() && onlyColours(clause)) {
            r.operations.set(last, new Operation.Gradient(g.from(), colours.get(0), g.start(), g.opacity(), g.region()));
            return true;
        }
        if (previous instanceof Operation.PaletteGrade p && !colours.isEmpty() && p.palette().size() + colours.size() <= 12) {
            List<Rgb> palette = new ArrayList<>(p.palette());
            palette.addAll(colours);
            r.operations.set(last, new Operation.PaletteGrade(p.name(), palette, p.strength(), p.region()));
            return true;
        }
        if (previous instanceof Operation.CropToAspect && (RegionReader.SUBJECT.matcher(clause).find() || clause.matches(".*\\b(middle|cent(?:er|re)d?)\\b.*"))) {
            r.notes.add("kept the subject in the crop (\"" + clause + "\")");
            return true; // the crop is anchored on the subject at the end
        }
        return false;
    }
}
