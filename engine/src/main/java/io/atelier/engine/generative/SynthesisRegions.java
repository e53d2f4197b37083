package io.atelier.engine.generative;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a synthesis clause points, read from its words: the background ("behind the cup", "a lifestyle
 * setting"), a side ("on the left"), the subject and what touches it ("holding the mug", "next to the
 * saucer"), or nowhere in particular (the whole frame, where what changed decides).
 */
public final class SynthesisRegions {
    private static final Pattern BACKGROUND = Pattern.compile("\\b(background|backdrop|behind|setting|context|scene|surroundings|wall|sky)\\b");
    private static final Pattern SIDE = Pattern.compile("\\b(?:on|to|at|along) the (left|right|top|bottom)(?: side| edge| half)?\\b");
    private static final Pattern AT_SUBJECT = Pattern.compile("\\b(holding|hold|around|beside|next to|near|under|on top of|in front of|touching)?\\s*"
            + "(?:the |a |its )?(subject|mug|cup|coffee|saucer|product|bottle|glass|plate|bowl|person|face|item|object)\\b");

    private SynthesisRegions() {
    }

    /** The region the clauses point at; the first clause that names one decides. */
    public static Region read(List<String> clauses) {
        for (String clause : clauses) {
            String c = clause.toLowerCase(Locale.ROOT);
            var side = SIDE.matcher(c);
            if (side.find()) {
                return new Region.Side(Edge.valueOf(side.group(1).toUpperCase(Locale.ROOT)), 0.5);
            }
            if (BACKGROUND.matcher(c).find()) {
                return new Region.Background();
            }
            if (AT_SUBJECT.matcher(c).find()) {
                return new Region.Subject();
            }
        }
        return Region.WHOLE;
    }
}
