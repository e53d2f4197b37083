package io.atelier.engine.planner;

import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.SplitTone;

import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Parameters;
import io.atelier.engine.ops.CropToAspect.Anchor;
import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** Operations read from a clause that describes the problem, with the direction they took. */
    private record Described(String clause, int sign, List<Operation> operations) {
    }

    /** What the clauses of one instruction have produced so far. */
    private static final class Reading {
        final String instruction;
        final long seed;
        final List<Operation> operations = new ArrayList<>();
        final List<String> synthesis = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        final java.util.Map<String, Intent> missingFor = new java.util.HashMap<>();
        final List<String> notes = new ArrayList<>();
        final List<String> unclear = new ArrayList<>();
        final List<String> pendingResults = new ArrayList<>();
        final List<String> uncued = new ArrayList<>();
        final Set<String> closest = new LinkedHashSet<>();
        final Set<Intent> applied = java.util.EnumSet.noneOf(Intent.class);
        final Set<String> done = new java.util.HashSet<>();
        /** Operations read from a clause that describes the problem, by edit and region, with that clause. */
        final java.util.Map<String, Described> fromProblem = new java.util.HashMap<>();
        /** Edits (by edit and region) an explicit ask has set. */
        final Set<String> asked = new java.util.HashSet<>();
        Intent lastIntent;
        boolean subjectMentioned;
        boolean lastWasSynthesis;

        Reading(String instruction, long seed) {
            this.instruction = instruction;
            this.seed = seed;
        }
    }

    private static final Pattern RATIONALE = Pattern.compile("^(?:like|as if|as though|as in|similar to|reminiscent of|evoking|so (?:it|that|the|we|i|you|there|its)|"
            + "for (?:a|an|the|our|that)|to (?:give|make|create|get)|making (?:it|the)|giving|creating|which|that)\\b");
    private static final Pattern CONSTRAINT = Pattern.compile("^(?:but |while |whilst |and )?(?:keep(?:s|ing)?|leave|leaving|without|don'?t (?:change|touch)|do not|"
            + "preserv\\w*|ensur\\w*|making sure|make sure|nothing else)\\b|\\b(?:stays?|remains?) (?:sharp|in focus|the same|as (?:it is|is))\\b");
    private static final Pattern BY_METHOD = Pattern.compile("^(.+?)\\s+by\\s+(\\w+ing\\b.*)$");
    private static final Pattern POINTER = Pattern.compile("\\b(them|those|there|that)\\b");

    private void read(String clause, Reading r) {
        clause = MaterialGrain.asTexture(clause);
        Matcher by = BY_METHOD.matcher(clause);
        if (by.matches() && Keywords.anyEditCue(by.group(2)) && Ratios.read(clause).isEmpty()) {
            // "increase the contrast between subject and background by deepening the shadow on the right": the method is the edit
            r.notes.add("took \"" + by.group(1) + "\" as the aim of \"" + by.group(2) + "\"");
            read(by.group(2), r);
            return;
        }
        if (refine(clause, r)) {
            return;
        }
        boolean wasSynthesis = r.lastWasSynthesis;
        r.lastWasSynthesis = false;
        if (Keywords.bringsSomethingIn(clause)) {
            r.synthesis.add(clause);
            r.lastWasSynthesis = true;
            return;
        }
        boolean cued = Keywords.anyEditCue(clause);
        if (wasSynthesis && !cued) {
            r.synthesis.add(clause); // "add a person holding the mug, smiling": it describes what is to be painted
            r.lastWasSynthesis = true;
            return;
        }
        if (!cued && (RATIONALE.matcher(clause).lookingAt() || CONSTRAINT.matcher(clause).find())) {
            if (wasSynthesis) {
                r.synthesis.add(clause); // "add a person holding the mug, smiling": it describes what is to be painted
                r.lastWasSynthesis = true;
            } else if (CONSTRAINT.matcher(clause).find()) {
                r.notes.add("kept in mind \"" + clause + "\"");
            } else {
                r.pendingResults.add(clause);
            }
            return;
        }
        if (RATIONALE.matcher(clause).lookingAt() && !r.operations.isEmpty()) {
            r.pendingResults.add(clause); // "…, like late afternoon sun": why, not a second edit
            return;
        }
        if (CONSTRAINT.matcher(clause).find() && !r.operations.isEmpty() && !clause.matches(".*\\b(room|space)\\b.*")) {
            r.notes.add("kept in mind \"" + clause + "\"");
            return;
        }
        if (r.lastIntent != null && r.lastIntent.isEdit() && (POINTER.matcher(clause).find() || !cued && clause.matches(".*\\bit\\b.*"))
                && Keywords.decisive(clause).isEmpty()) {
            if (Directions.explicit(r.lastIntent, clause) && r.lastIntent.signed()) {
                apply(r.lastIntent, clause, r); // "the highlights are too hot, bring them down"
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
                    apply(intent, clause, r);
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
            apply(best.intent(), clause, r);
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

    // Siblings count as the same edit when the same instruction asks twice ("add grain, 35mm film style").
    private static Intent canonical(Intent intent) {
        return switch (intent) {
            case VIBRANCE -> Intent.SATURATION;
            case FILM_LOOK -> Intent.GRAIN;
            case LENS_FLARE -> Intent.LIGHT_LEAK;
            default -> intent;
        };
    }

    private void apply(Intent asked, String clause, Reading r) {
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
        Described described = r.fromProblem.get(slot);
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
        if (intent.signed() && !built.operations().isEmpty()) {
            if (problem) {
                r.fromProblem.put(slot, new Described(clause, Directions.sign(intent, clause), List.copyOf(built.operations())));
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

    // A description that adjusts the edit before it: shadows for a light, colours for a palette, the subject for a crop.
    private static boolean refine(String clause, Reading r) {
        if (r.operations.isEmpty()) {
            return false;
        }
        int last = r.operations.size() - 1;
        Operation previous = r.operations.get(last);
        Said said = new Said(clause, clause, 0, r.subjectMentioned, r.operations);
        if (previous instanceof SplitTone tone && clause.matches(".*\\b(highlights?|shadows?)\\b.*")
                && !clause.matches(".*\\b(lift|deepen|recover|brighten|darken|crush|open)\\w*.*")) {
            List<Rgb> tones = ColourNames.find(clause.replaceAll("\\bwarm\\b", "amber").replaceAll("\\bcool\\b", "blue"));
            if (!tones.isEmpty()) {
                boolean shadows = clause.matches(".*\\bshadows?\\b.*") && !clause.matches(".*\\bhighlights?\\b.*");
                r.operations.set(last, shadows ? new SplitTone(tone.highlights(), tones.get(0), tone.strength())
                        : new SplitTone(tones.get(0), tones.size() > 1 ? tones.get(1) : tone.shadows(), tone.strength()));
            }
            return true; // "split toning: gold highlights, teal shadows"
        }
        if (previous instanceof DirectionalLight light && LightOps.shadowOf(said) > 0
                && !clause.matches(".*\\b(lift|deepen|recover|brighten|darken|crush|open)\\w*.*")) {
            r.operations.set(last, new DirectionalLight(light.from(), light.strength(), light.colour(), light.softness(),
                    LightOps.shadowOf(said)));
            return true;
        }
        List<Rgb> colours = ColourNames.find(clause);
        if (previous instanceof Gradient g && !colours.isEmpty() && Clauses.onlyColours(clause)) {
            r.operations.set(last, new Gradient(g.from(), colours.get(0), g.start(), g.opacity(), g.region()));
            return true;
        }
        if (previous instanceof PaletteGrade p && !colours.isEmpty() && p.palette().size() + colours.size() <= 12) {
            List<Rgb> palette = new ArrayList<>(p.palette());
            palette.addAll(colours);
            r.operations.set(last, new PaletteGrade(p.name(), palette, p.strength(), p.region()));
            return true;
        }
        if (previous instanceof CropToAspect && !Keywords.anyEditCue(clause) && (RegionReader.SUBJECT.matcher(clause).find() || clause.matches(".*\\b(middle|cent(?:er|re)d?)\\b.*"))) {
            r.notes.add("kept the subject in the crop (\"" + clause + "\")");
            return true; // the crop is anchored on the subject at the end
        }
        return false;
    }
}
