package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a clause asks for by meaning and by keywords together: its embedding is compared with
 * every catalogue phrasing (cosine similarity, best per intent), keyword cues add to that score, and a
 * decisive word settles it. When the two best edits are too close to call, or nothing is close enough,
 * it says so instead of guessing.
 */
final class IntentClassifier {
    /** Added to an intent's similarity when one of its cue words is in the clause. */
    static final double CUE_BONUS = 0.12;
    /** Below this (similarity plus cues) a clause is not understood. */
    static final double FLOOR = 0.42;
    /** Two edits closer than this, with the same keyword support, are too close to call. */
    static final double MARGIN = 0.025;

    // Pairs a person would accept either of: a near-tie between them is not worth asking about.
    private static final List<Set<Intent>> SIBLINGS = List.of(Set.of(Intent.SATURATION, Intent.VIBRANCE),
            Set.of(Intent.LIGHT_LEAK, Intent.LENS_FLARE), Set.of(Intent.GRAIN, Intent.FILM_LOOK), Set.of(Intent.GLOW, Intent.HAZE),
            Set.of(Intent.PALETTE, Intent.SATURATION), Set.of(Intent.PALETTE, Intent.VIBRANCE));

    /** One intent's evidence for a clause. */
    record Score(Intent intent, double similarity, boolean cued) {
        double combined() {
            return similarity + (cued ? CUE_BONUS : 0);
        }
    }

    /** What the classifier concluded. */
    sealed interface Decision {
        List<Score> ranking();
    }

    /** One or more edits, in the order they should be made. */
    record Edits(List<Intent> intents, List<Score> ranking) implements Decision {
    }

    /** Not an edit: synthesis, evaluative, a description of the result, a constraint, a question. */
    record NotAnEdit(Intent kind, List<Score> ranking) implements Decision {
    }

    /** Two edits too close to call. */
    record Unsure(Intent first, Intent second, List<Score> ranking) implements Decision {
    }

    /** Nothing close enough. */
    record Unknown(List<Score> ranking) implements Decision {
    }

    private final SentenceEmbedder embedder;
    private final List<Catalogue.Entry> entries;
    private final List<float[]> vectors;

    IntentClassifier(SentenceEmbedder embedder, Catalogue catalogue) {
        this.embedder = embedder;
        this.entries = catalogue.entries();
        this.vectors = new ArrayList<>(entries.size());
        for (Catalogue.Entry e : entries) {
            vectors.add(embedder.embed(e.phrasing()));
        }
    }

    /** Every intent's evidence, best first. */
    List<Score> rank(String clause) {
        float[] v = embedder.embed(clause);
        Map<Intent, Double> best = new EnumMap<>(Intent.class);
        for (int i = 0; i < entries.size(); i++) {
            double s = dot(v, vectors.get(i));
            best.merge(entries.get(i).intent(), s, Math::max);
        }
        List<Score> scores = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            if (intent.isEdit() && !Admissibility.admissible(intent, clause)) {
                continue;
            }
            scores.add(new Score(intent, best.getOrDefault(intent, 0.0), Cues.cued(intent, clause)));
        }
        scores.sort(Comparator.comparingDouble(Score::combined).reversed().thenComparing(s -> s.intent().ordinal()));
        return scores;
    }

    Decision classify(String clause) {
        List<Score> ranking = rank(clause);
        if (NewContent.bringsSomethingIn(clause)) {
            return new NotAnEdit(Intent.SYNTHESIS, ranking);
        }
        if (clause.matches("^(?:what|how|why|which|when|where|is (?:it|this|that)|does|do you|should|are (?:you|these|they))\\b.*")) {
            return new NotAnEdit(Intent.QUESTION, ranking);
        }
        List<Intent> decisive = new ArrayList<>(DecisiveWords.decisive(clause));
        for (Intent i : Comparatives.in(clause)) {
            if (!decisive.contains(i)) {
                decisive.add(i);
            }
        }
        if (!decisive.isEmpty()) {
            return new Edits(ordered(decisive, ranking), ranking);
        }
        Score top = ranking.get(0);
        if (!top.intent().isEdit()) {
            return top.combined() >= FLOOR || top.cued() ? new NotAnEdit(top.intent(), ranking) : new Unknown(ranking);
        }
        if (top.combined() < FLOOR && !top.cued()) {
            return new Unknown(ranking);
        }
        Score second = ranking.stream().skip(1).filter(s -> s.intent().isEdit()).findFirst().orElseThrow();
        boolean close = top.combined() - second.combined() < MARGIN && top.cued() == second.cued();
        if (close && !siblings(top.intent(), second.intent())) {
            return new Unsure(top.intent(), second.intent(), ranking);
        }
        return new Edits(List.of(top.intent()), ranking);
    }

    /** The best edit for a clause when its other readings are ruled out (a lone "so it feels like morning"). */
    Score bestEdit(List<Score> ranking) {
        return ranking.stream().filter(s -> s.intent().isEdit()).findFirst().orElseThrow();
    }

    private static List<Intent> ordered(List<Intent> intents, List<Score> ranking) {
        List<Intent> out = new ArrayList<>(ranking.stream().map(Score::intent).filter(intents::contains).toList());
        intents.stream().filter(i -> !out.contains(i)).forEach(out::add);
        return out;
    }

    private static boolean siblings(Intent a, Intent b) {
        return SIBLINGS.stream().anyMatch(s -> s.contains(a) && s.contains(b));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
