package io.atelier.engine.planner;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which way a signed edit goes, read from the words: each intent's own words for "more" and "less"
 * (warmer/cooler, punchy/faded, brighter/darker), reversed by "less", "reduce", "too …", "not so …"
 * outside that word, and otherwise "more" unless a lowering verb says so. +1 or −1.
 */
final class Directions {
    private record Words(Pattern up, Pattern down) {
    }

    private static final Map<Intent, Words> WORDS = new EnumMap<>(Intent.class);
    private static final Pattern REVERSE = Pattern.compile("\\b(less|lower(?:ed|ing)?|reduc\\w*|decreas\\w*|tone(?:d)? down|dial(?:led)? (?:back|down)|pull(?:ed)? back|take (?:down|away|out|off)|turn(?:ed)? down|cut|drop|minus|fewer|not so|not as|too|over ?done|overdone|remove some|kill|get rid of|remove|scale back|back off|ease off|calm down|dim down|bring down|knock back|knock down|less of)\\b");
    private static final Pattern ENOUGH = Pattern.compile("\\b(not enough|isn'?t enough|(?:isn'?t|not) \\w+ enough|not \\w+ enough|needs more|lacks?|lacking|missing)\\b");
    private static final Pattern NEGATED_VERB = Pattern.compile("\\b(don'?t|do not|dont|no need to) (make|go|get)\\b");

    static {
        WORDS.put(Intent.EXPOSURE, new Words(
                p("bright(?:er|en\\w*|ness)?|lighten\\w*|lighter|lift(?: the)? exposure|open (?:it )?up|more light|brighter|expose (?:it )?more|exposure up|underexposed|too dark|dark(?:ish)?\\b(?= enough)"),
                p("dark(?:er|en\\w*|ness)?|dim(?:mer)?|moodier|expose (?:it )?less|exposure down|less light|stop (?:it )?down|burn(?: it)? down|deeper|overexposed|too bright|blown out|washed out")));
        WORDS.put(Intent.CONTRAST, new Words(
                p("punch(?:y|ier)?|contrasty|crisp(?:er)?|snappy|snappier|bold(?:er)?|dramatic|drama|deep(?:er)?|strong(?:er)?|harder|hard|high(?:er)? contrast|pop(?:py)?|more depth|more contrast"),
                p("flat(?:ter|ten\\w*)?|soft(?:er|en\\w*)?|fad(?:e|ed|ing)|matte|muted|low(?:er)? contrast|gentle|gentler|washed|milky|less harsh|calmer|lower the contrast")));
        WORDS.put(Intent.HIGHLIGHTS, new Words(
                p("brighten|brighter|boost|lift|glowing whites|whiter"),
                p("recover\\w*|tame\\w*|pull\\w* (?:back|down)|bring\\w* (?:back|down)|tone\\w* down|rescue\\w*|soften\\w*|blown(?: out)?|clipped|too bright|overexposed|darken|lower|reduce|less|control")));
        WORDS.put(Intent.SHADOWS, new Words(
                p("lift\\w*|open\\w*(?: up)?|brighten\\w*|recover\\w*|rais\\w*|boost\\w*|bring out|too dark|blocked(?: up)?|crushed|lighter|more detail|see into|show detail"),
                p("deepen\\w*|deeper|darken\\w*|darker|crush\\w*|richer blacks|rich(?:er)? black|inky|moodier|denser")));
        WORDS.put(Intent.TEMPERATURE, new Words(
                p("warm(?:er|th|ing|ed|ed up)?|amber|golden|cos(?:y|ier)|coz(?:y|ier)|sunnier|tungsten|toasty|yellow(?:er|ish)?|orange(?:y|r)?|less blu(?:e|ish)|too (?:cold|cool|blue)|kelvin up"),
                p("cool(?:er|ing|ed)?|cold(?:er)?|icy|icier|blu(?:e|er|ish)|chill(?:ier|y)?|wintry|frosty|less (?:yellow|orange|warm)(?:ish)?|neutral whites|clean(?:er)? whites|too (?:warm|yellow|orange)|crisp(?:er)? whites")));
        WORDS.put(Intent.TINT, new Words(
                p("magenta|pink(?:er)?|less green|too green|green(?:ish)? (?:cast|tint)"),
                p("green(?:er)?|less magenta|less pink|too (?:magenta|pink)|(?:magenta|pink)(?:ish)? (?:cast|tint)")));
        WORDS.put(Intent.SATURATION, new Words(
                p("saturat(?:e|ed|ion)|vivid|colou?rful|rich(?:er)? colou?rs?|intense|bold colou?rs?|juic(?:y|ier)|boost(?:ed)? colou?rs?|more colou?r|stronger colou?rs?|deeper colou?rs?|too (?:dull|grey|gray|muted|washed)"),
                p("desaturat\\w*|mut(?:e|ed)|washed[- ]out|dull(?:er)?|subdued|calmer colou?rs?|less colou?r(?:ful)?|quieter|tone\\w* (?:the colou?rs? )?down|too (?:saturated|colou?rful|vivid|bright)|faded colou?rs?|pale(?:r)?|understated")));
        WORDS.put(Intent.VIBRANCE, new Words(
                p("vibran(?:t|ce)|vivid|pop(?:ping|py)?|rich(?:er)?|juic(?:y|ier)|lively|livelier"),
                p("less vibran(?:t|ce)|mut(?:e|ed)|subdued|calmer|too (?:vibrant|vivid|loud)|dull(?:er)?")));
        WORDS.put(Intent.CLARITY, new Words(
                p("clarity|textur(?:e|ed)|definition|defined|structure|detail(?:ed)?|grit(?:ty)?|crunch(?:y)?|micro ?contrast|local contrast"),
                p("smooth(?:er|ing)?|soft(?:er|en\\w*)?|dreamy|less textur\\w*|less clarity|less detail|less harsh|gentler")));
        WORDS.put(Intent.VIGNETTE, new Words(
                p("lighten\\w* (?:the )?(?:corners|edges)|white vignette|light(?:er)? (?:corners|edges)|brighter (?:corners|edges)"),
                p("vignette|dark(?:er|en\\w*)? (?:the )?(?:corners|edges)|burn\\w*|darker")));
        WORDS.put(Intent.ROTATE, new Words(
                p("clockwise|cw|right"),
                p("anti ?clockwise|counter ?clockwise|ccw|left")));
    }

    private Directions() {
    }

    private static Pattern p(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    /** +1 or −1 for a signed intent (+1 for one that is not signed). */
    static int sign(Intent intent, String clause) {
        Words words = WORDS.get(intent);
        if (words == null) {
            return 1;
        }
        Matcher up = words.up().matcher(clause);
        Matcher down = words.down().matcher(clause);
        boolean u = up.find();
        boolean d = down.find();
        int base;
        String rest;
        if (u && (!d || up.start() <= down.start() && !contains(down, up))) {
            base = 1;
            rest = clause.substring(0, up.start()) + " " + clause.substring(up.end());
        } else if (d) {
            base = -1;
            rest = clause.substring(0, down.start()) + " " + clause.substring(down.end());
        } else {
            base = 1;
            rest = clause;
        }
        if (intent == Intent.ROTATE) {
            return base;
        }
        boolean reversed = REVERSE.matcher(rest).find() && !ENOUGH.matcher(clause).find();
        if (NEGATED_VERB.matcher(clause).find()) {
            reversed = !reversed;
        }
        return reversed ? -base : base;
    }

    // The "down" word spans the "up" word ("less warm" inside "less warm"): the longer reading wins.
    private static boolean contains(Matcher outer, Matcher inner) {
        return outer.start() <= inner.start() && outer.end() >= inner.end() && outer.end() - outer.start() > inner.end() - inner.start();
    }
}
