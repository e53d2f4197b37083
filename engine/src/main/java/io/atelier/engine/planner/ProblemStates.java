package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading of clauses that describe the problem ("it's dark and cold"): they name the state to move away
 * from, so an adjective joined to such a clause by "and" describes the same state ("… and cold" is
 * "it's cold"), and an explicit ask for the same edit anywhere in the instruction decides its direction.
 */
final class ProblemStates {
    // A lone adjective, perhaps hedged: "gloomy", "a bit cold", "way too flat" — not a comparative or a "more/less" ask.
    private static final Pattern BARE_ADJECTIVE = Pattern.compile(
            "^(?:(?:a bit|a little|abit|kinda|kind of|sort of|very|really|too|so|quite|rather|pretty|super|way too|far too|bit|also|all|kinda too) )*[a-z']+$");
    private static final Pattern ASK = Pattern.compile("\\b(more|less|\\w+er|make|give|add|turn|bring|take)\\b");

    private ProblemStates() {
    }

    /** The clauses with each bare adjective that follows a problem description read as part of it. */
    static List<String> carry(List<String> clauses) {
        List<String> out = new ArrayList<>(clauses.size());
        boolean previousDescribes = false;
        for (String clause : clauses) {
            String read = clause;
            if (previousDescribes && BARE_ADJECTIVE.matcher(clause).matches() && !ASK.matcher(clause).find()
                    && Cues.anyEditCue(clause)) {
                read = "it's " + clause; // "it's dark and gloomy": gloomy is how it is, not how it should be
            }
            previousDescribes = Directions.describesState(read);
            out.add(read);
        }
        return out;
    }

    /**
     * True when the clause describes the problem rather than asking for the change: "it's cold", or a lone
     * adjective such as "flat" (which an explicit ask for the same edit then overrides).
     */
    static boolean describes(String clause) {
        return Directions.describesState(clause) || BARE_ADJECTIVE.matcher(clause).matches() && !ASK.matcher(clause).find();
    }
}
