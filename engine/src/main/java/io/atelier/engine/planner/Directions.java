package io.atelier.engine.planner;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which way a signed edit goes, read from the words, +1 or −1. In order: a written sign ("contrast
 * −20"); a word that names the problem and so the fix ("underexposed", "blown out"); else the intent's
 * own words for more and less (warmer/cooler, punchy/faded), reversed by "less", "reduce", "take … down",
 * "not", "too …", or by the clause describing how the photo is now ("it feels cold" asks for warmer).
 */
final class Directions {
    private record Words(Pattern up, Pattern down, Pattern fixUp, Pattern fixDown) {
    }

    private static final Map<Intent, Words> WORDS = new EnumMap<>(Intent.class);
    private static final Pattern REVERSE = Pattern.compile("\\b(less|lower(?:ed|ing)?|reduc\\w*|decreas\\w*|minus|fewer|not so|not as|too|overdone|over done|"
            + "remove some|kill|get rid of|remove|scale back|back off|ease off|calm down|negative|drop|cut|dial down|"
            + "(?:take|bring|turn|knock|tone|pull|dial|cut|drop|back|ease|scale|calm|rein|tame) (?:\\w+ ){0,2}(?:down|back|off|away)|(?:take|cut|pull|suck) (?:\\w+ ){0,2}out)\\b");
    private static final Pattern ENOUGH = Pattern.compile("\\b(not enough|isn'?t enough|(?:isn'?t|not) \\w+ enough|needs more|lacks?|lacking|missing)\\b");
    private static final Pattern NEGATED_VERB = Pattern.compile("\\b(don'?t|do not|dont|no need to) (make|go|get)\\b");
    // "it feels cold", "the colours look dull", "shadows are too heavy": how it is now, not how it should be.
    private static final Pattern STATE = Pattern.compile("^(?:(?:hmm|well|honestly|so|ok|okay|but|and|i think|i feel)\\s+)?(?:it'?s|it is|it looks?|it feels?|it seems|it has|its|looks|feels|seems|there'?s|there is|"
            + "(?:the|this|my|our|these|those|everything|whole thing|photo|picture|image|colou?rs|shadows?|highlights?|whites|blacks|skin)(?: [\\w']+){0,4}? (?:is|are|was|looks?|feels?|seems?|has|have)|"
            + "(?:the|this|my|our) [\\w']+'s)\\b");
    private static final Pattern IMPERATIVE = Pattern.compile("^(?:please |pls |can you |could you |would you |can we |let'?s )?(?:make|give|add|turn|bring|take|push|pull|lift|drop|raise|lower|reduce|increase|boost|bump|crank|warm|cool|brighten|darken|tone|knock|open|deepen|crush|recover)\\b");

    static {
        words(Intent.EXPOSURE,
                "bright(?:er|en\\w*|ness)?|lighten\\w*|lighter|lift(?: the)? exposure|open (?:it )?up|more light|expose (?:it )?more|exposure up|light",
                "dark(?:er|en\\w*|ness)?|dim(?:mer)?|moody|moodier|murky|gloomy|expose (?:it )?less|exposure down|less light|stop (?:it )?down|deeper",
                "underexposed|too dark|too dim|needs more light|need more light", "overexposed|too bright|blown out|washed out|burnt out");
        words(Intent.CONTRAST,
                "punch(?:y|ier)?|contrasty|crisp(?:er)?|snappy|snappier|bold(?:er)?|dramatic|drama|deep(?:er)?|strong(?:er)?|harder|hard|harsh|high(?:er)? contrast|pop(?:py)?|more depth|more contrast",
                "flat(?:ter|ten\\w*)?|soft(?:er|en\\w*)?|fad(?:e|ed|ing)|matte|muted|low(?:er)? contrast|gentle|gentler|washed|milky|calmer|lower the contrast",
                "too flat|too soft|lacks punch", "too harsh|too contrasty|too punchy|too much contrast");
        words(Intent.HIGHLIGHTS,
                "brighten|brighter|boost|lift|glowing whites|whiter",
                "recover\\w*|tame\\w*|pull\\w*|bring\\w* (?:back|down)|tone\\w* down|rescue\\w*|soften\\w*|darken|lower|reduce|less|control\\w*",
                "", "blown(?: out)?|clipped|too bright|overexposed|too hot|hot|burnt out|rescue|recover");
        words(Intent.SHADOWS,
                "lift\\w*|open\\w*(?: up)?|brighten\\w*|recover\\w*|rais\\w*|boost\\w*|bring out|lighter|more detail|see into|show detail|fade\\w*|more light",
                "deepen\\w*|deep|deeper|darken\\w*|darker|dark|black|blacker|crush\\w*|rich|richer|inky|moodier|denser|heavy|heavier",
                "blocked(?: up)?|crushed|too dark|too black|too heavy|can'?t see|cannot see|no detail|lost detail|bring back|bring out|recover|rescue|(?:more|some|show|the) detail",
                "too light|too flat|washed out");
        words(Intent.TEMPERATURE,
                "warm(?:er|th|ing|ed|ed up)?|amber|golden|cos(?:y|ier)|coz(?:y|ier)|sunnier|tungsten|toasty|yellow(?:er|ish)?|orange(?:y|r)?",
                "cool(?:er|ing|ed)?|cold(?:er)?|icy|icier|blu(?:e|er|ish)|chill(?:ier|y)?|wintry|frosty|neutral whites|clean(?:er)? whites|crisp(?:er)? whites|neutral",
                "", "");
        words(Intent.TINT, "magenta|pink(?:er|ish)?", "green(?:er|ish)?", "", "");
        words(Intent.SATURATION,
                "saturat(?:e|ed|ion)|vivid|colou?rful|rich(?:er)?|intense|bold|juic(?:y|ier)|boost(?:ed)?|strong(?:er)?|deep(?:er)?|punch(?:y|ier)?|pop(?:py|ping)?|vibran(?:t|ce)|lively|livelier|colou?rs? up",
                "desat\\w*|mut(?:e|ed)|washed[- ]out|dull(?:er)?|flat(?:ter)?|lifeless|subdued|calm(?:er)?|quieter|pale(?:r)?|understated|faded|grey(?:er)?|gray(?:er)?|shouting|loud",
                "", "garish|oversaturated|over saturated|too much colou?r|neon|loud|shouting|too (?:saturated|vivid|colou?rful)");
        WORDS.put(Intent.VIBRANCE, WORDS.get(Intent.SATURATION));
        WORDS.put(Intent.HUE, WORDS.get(Intent.SATURATION)); // "richer greens", "tone down the yellows"
        words(Intent.CLARITY,
                "clarity|textur(?:e|ed)|definition|defined|structure|detail(?:ed)?|grit(?:ty)?|crunch(?:y)?|micro ?contrast|local contrast",
                "smooth(?:er|ing)?|soft(?:er|en\\w*)?|dreamy|gentler", "", "too crunchy|too gritty|too harsh");
        words(Intent.ROTATE, "clockwise|cw|right", "anti ?clockwise|counter ?clockwise|ccw|left", "", "");
    }

    private Directions() {
    }

    private static void words(Intent intent, String up, String down, String fixUp, String fixDown) {
        WORDS.put(intent, new Words(p(up), p(down), fixUp.isEmpty() ? null : p(fixUp), fixDown.isEmpty() ? null : p(fixDown)));
    }

    private static Pattern p(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    /** +1 or −1 for a signed intent (+1 for one that is not signed). */
    static int sign(Intent intent, String clause) {
        if (intent == Intent.VIGNETTE) {
            // a vignette darkens the edges unless it is said to lighten them
            return clause.matches(".*\\b(lighten\\w*|white|light(?:er)?|brighter|bright) (?:the )?(?:vignette|corners|edges)\\b.*")
                    || clause.matches(".*\\b(corners|edges) (?:lighter|brighter)\\b.*") ? 1 : -1;
        }
        Words words = WORDS.get(intent);
        if (words == null) {
            return 1;
        }
        int written = Amounts.writtenSign(clause);
        if (written != 0) {
            return written;
        }
        if (words.fixUp() != null && words.fixUp().matcher(clause).find()) {
            return 1;
        }
        if (words.fixDown() != null && words.fixDown().matcher(clause).find()) {
            return -1;
        }
        Matcher up = words.up().matcher(clause);
        Matcher down = words.down().matcher(clause);
        boolean u = up.find();
        boolean d = down.find();
        int base;
        int start;
        int end;
        if (u && (!d || up.start() < down.start() || up.start() == down.start() && up.end() >= down.end())) {
            base = 1;
            start = up.start();
            end = up.end();
        } else if (d) {
            base = -1;
            start = down.start();
            end = down.end();
        } else {
            base = 1;
            start = 0;
            end = 0;
        }
        if (intent == Intent.ROTATE) {
            return base;
        }
        String rest = start == end ? clause : clause.substring(0, start) + "x" + clause.substring(end);
        // a bare "down" ("contrast down") lowers, but not an edit whose own word already says down ("cool it down")
        boolean bareDown = base > 0 && rest.matches(".*\\b(?:down|off)\\b.*") && !rest.matches(".*\\b(?:up)\\b.*");
        boolean reversed = (REVERSE.matcher(rest).find() || bareDown) && !ENOUGH.matcher(clause).find()
                || clause.substring(0, start).matches(".*\\bnot (?:too |so |very |that )?$")
                || start != end && STATE.matcher(clause).lookingAt() && !IMPERATIVE.matcher(clause).lookingAt();
        if (NEGATED_VERB.matcher(clause).find()) {
            reversed = !reversed;
        }
        return reversed ? -base : base;
    }

    /** True when the clause itself says which way ("bring them down"), rather than only pointing at an earlier edit. */
    static boolean explicit(Intent intent, String clause) {
        Words words = WORDS.get(intent);
        return Amounts.writtenSign(clause) != 0 || REVERSE.matcher(clause).find() || words != null && (words.up().matcher(clause).find()
                || words.down().matcher(clause).find() || words.fixUp() != null && words.fixUp().matcher(clause).find()
                || words.fixDown() != null && words.fixDown().matcher(clause).find()) || clause.matches(".*\\b(more|up|boost|increase|raise|lift)\\b.*");
    }

    /** True when the clause describes how the photo is now ("it looks a bit flat") rather than asking for a change. */
    static boolean describesState(String clause) {
        return STATE.matcher(clause).lookingAt() && !IMPERATIVE.matcher(clause).lookingAt();
    }
}
