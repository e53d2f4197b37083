package io.atelier.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an instruction the way the guide asks people to write one: which parts are separate changes,
 * and whether a part names a visible change or only judges the result.
 */
final class Wording {
    private static final Pattern JOINS = Pattern.compile("\\s*(?:[,;]|\\.\\s|\\band then\\b|\\bthen\\b|\\band\\b|\\balso\\b|\\bplus\\b|\\s&\\s|\\s\\+\\s)\\s*");
    private static final Pattern LEAD = Pattern.compile("^(?:(?:please|and|also|then|next|now|just|can you|could you|would you|i want to|i'd like to|let's|lets)\\s+)+");
    // verbs that open a change of their own; "keep", "leave" and "without" only constrain the change before them
    private static final Set<String> CHANGE_VERBS = Set.of("add", "remove", "crop", "blur", "sharpen", "brighten", "darken", "warm", "cool",
            "increase", "decrease", "reduce", "boost", "lighten", "deepen", "soften", "straighten", "rotate", "flip", "mirror", "desaturate",
            "saturate", "convert", "turn", "make", "place", "put", "replace", "change", "shift", "tint", "apply", "lift", "lower", "raise",
            "erase", "delete", "insert", "include", "give", "fade", "clean", "adjust", "tone", "grade", "extend", "expand", "widen", "zoom",
            "move", "centre", "center", "fill", "recolour", "recolor", "colour", "color", "swap", "denoise", "smooth", "retouch", "mute",
            "use", "set", "correct", "bump", "crank", "drop", "cut", "enhance", "improve", "fix", "reframe", "emphasise", "emphasize");
    private static final Set<String> ARTICLES = Set.of("a", "an", "some");
    private static final Pattern COMPARATIVE = Pattern.compile("^(?:a (?:bit|little|touch) |slightly |much |way |far )?"
            + "(?:warmer|cooler|colder|brighter|darker|punchier|sharper|crisper|grainier|lighter|moodier|flatter|richer|deeper|softer|bolder|"
            + "more|less)\\b.*");
    private static final Pattern EVALUATIVE = Pattern.compile("\\b(?:better|best|nicer|prettier|worse|good|great|bad|ugly|boring|pop|pops|wow|"
            + "professional|appealing|attractive|improve\\w*|fix|perfect|amazing|awesome|stunning|beautiful|pretty|nice|weird|strange|meh|"
            + "interesting|enhance|terrible|awful|sucks?|special|stand out|distracting|cheap|amateur\\w*|off|wrong|"
            + "(?:do not|don't|dont|doesn't|does not|not) (?:like|love|work|look|feel)\\w*|hate|"
            + "(?:look|looks|feel|feels|seem|seems|is|isn't|not) (?:quite )?right|right yet|something)\\b");

    private Wording() {
    }

    /** Lower case, one kind of apostrophe and space. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'').replace('–', '-').replace('—', ' ')
                .replaceAll("\\s+", " ").strip();
    }

    // verbs that name an edit by themselves, unlike "make", "fix" or "improve"
    private static final Set<String> EDIT_VERBS = Set.of("add", "remove", "erase", "delete", "insert", "include", "crop", "blur", "sharpen",
            "brighten", "darken", "warm", "cool", "rotate", "flip", "straighten", "desaturate", "saturate", "replace", "tint", "lighten",
            "deepen", "soften", "mirror", "zoom", "extend", "recolour", "recolor", "denoise", "place", "put", "swap", "move", "widen");

    /** True when the text opens with a verb that is an edit by itself ("add a plant"). */
    static boolean opensWithChange(String text) {
        String t = LEAD.matcher(normalise(text)).replaceFirst("");
        return EDIT_VERBS.contains(t.split(" ")[0]);
    }

    /** True when the text names something visible to change: an edit verb, or some layer's word. */
    static boolean concrete(String text) {
        String t = normalise(text);
        if (opensWithChange(t)) {
            return true;
        }
        for (Layer layer : Layer.values()) {
            if (layer.firstCue(t) != Integer.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** True when the text judges the result ("make it better", "I don't like it"). */
    static boolean judges(String text) {
        return EVALUATIVE.matcher(normalise(text)).find();
    }

    /**
     * The separate changes in an instruction, each worded to stand alone: a part that opens with a
     * verb of change (or a comparative like "brighter") starts a new change; any other part belongs to
     * the change before it ("... between the subject and the background").
     */
    static List<String> changes(String instruction) {
        String text = normalise(instruction).replaceAll("[.!]+$", "")
                .replace("black and white", "black\u0001white").replace("salt and pepper", "salt\u0001pepper");
        List<String> parts = new ArrayList<>();
        String lastVerb = "";
        for (String raw : JOINS.split(text)) {
            String part = LEAD.matcher(raw.strip()).replaceFirst("").replace('\u0001', ' ').replace("black white", "black and white")
                    .replace("salt pepper", "salt and pepper");
            if (part.isEmpty()) {
                continue;
            }
            String first = part.split(" ")[0];
            boolean comparative = COMPARATIVE.matcher(part).matches();
            boolean carried = !comparative && ARTICLES.contains(first) && Set.of("add", "include", "insert", "place", "put").contains(lastVerb);
            if (carried) {
                part = lastVerb + " " + part; // "add a plant and a cup": the second is added too
                first = lastVerb;
            }
            boolean opens = CHANGE_VERBS.contains(first) || comparative;
            if (parts.isEmpty() || !opens || !concrete(part) && !judges(part)) {
                if (parts.isEmpty()) {
                    parts.add(part);
                    lastVerb = CHANGE_VERBS.contains(first) ? first : "";
                } else {
                    String before = parts.removeLast();
                    parts.add(before + " and " + part);
                }
                continue;
            }
            if (CHANGE_VERBS.contains(first)) {
                lastVerb = first;
            } else {
                part = "make it " + part; // "warmer" after a comma reads as its own step: "make it warmer"
            }
            parts.add(part);
        }
        return parts;
    }
}
