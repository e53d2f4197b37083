package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits an instruction into clauses, one request each: at punctuation and joining words, keeping
 * fixed phrases whole ("black and white", "4:5", "#2f5d3a", "0.5"), joining a lone adjective to the
 * phrase it modifies ("softer, faded contrast") and carrying a verb over to a bare noun after "and"
 * ("brighten the shadows and highlights").
 */
final class Clauses {
    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(?:[,;!?]|\\.(?!\\d)|\\s-\\s|\\band then\\b|\\bthen\\b|\\band\\b|\\balso\\b|\\bplus\\b|\\bbut\\b|\\bwhile\\b|\\bwhilst\\b|\\bwith\\b(?= )|(?=\\bso (?:it|that|the)\\b)|(?=\\bto (?:give|make|create)\\b)|(?=\\bmaking (?:it|the)\\b))\\s*");
    private static final Set<String> VERBS = Set.of("make", "brighten", "darken", "lift", "deepen", "boost", "increase", "reduce",
            "lower", "raise", "add", "bump", "warm", "cool", "soften", "sharpen", "blur", "desaturate", "saturate", "recover",
            "lighten", "crush", "open", "push", "pull", "tone", "give", "more", "less", "up", "turn", "crank", "drop", "cut");
    private static final Set<String> ADJECTIVE_ONLY = Set.of("softer", "soft", "subtle", "gentle", "warmer", "cooler", "brighter",
            "darker", "punchier", "moodier", "richer", "deeper", "muted", "faded", "crisper", "cleaner", "lighter", "bolder",
            "stronger", "slightly", "very", "nice", "natural");

    private Clauses() {
    }

    /** The instruction lower-cased with one spelling of dashes, quotes and spaces. */
    static String normalise(String instruction) {
        return instruction.toLowerCase(Locale.ROOT)
                .replace('–', '-').replace('—', ' ').replace('’', '\'').replace('‘', '\'')
                .replaceAll("([a-z])-([a-z])", "$1 $2")
                .replaceAll("\\s+", " ")
                .trim();
    }

    static List<String> split(String instruction) {
        String text = protect(normalise(instruction));
        List<String> raw = new ArrayList<>();
        for (String part : SPLIT.split(text)) {
            String clause = unprotect(part).trim();
            if (!clause.replaceAll("[^a-z0-9#\"]", "").isEmpty()) {
                raw.add(clause);
            }
        }
        List<String> joined = new ArrayList<>();
        String carried = null;
        for (int i = 0; i < raw.size(); i++) {
            String clause = raw.get(i);
            String[] words = clause.split(" ");
            if (words.length == 1 && ADJECTIVE_ONLY.contains(words[0]) && i + 1 < raw.size()
                    && raw.get(i + 1).split(" ").length <= 4) {
                raw.set(i + 1, clause + " " + raw.get(i + 1)); // "softer, faded contrast": one request
                continue;
            }
            String first = words[0];
            if (VERBS.contains(first)) {
                carried = first.equals("make") || first.equals("give") ? null : first;
            } else if (carried != null && words.length <= 2 && !clause.matches(".*\\b(more|less|\\w+er)\\b.*")) {
                clause = carried + " " + clause; // "brighten the shadows and highlights"
            }
            joined.add(clause);
        }
        return joined;
    }

    // Fixed phrases that contain a separator are held together with placeholder characters.
    private static String protect(String text) {
        java.util.regex.Matcher quoted = Pattern.compile("\"[^\"]{1,120}\"|“[^”]{1,120}”").matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group().replace(",", "\u0005").replace(".", "\u0004").replace(" and ", " \u0003 ")
                    .replace("!", "\u0007").replace("?", "\u0008").replace(" with ", " \u0006 ").replace(" then ", " \u000e ");
            quoted.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(inside));
        }
        quoted.appendTail(out);
        return out.toString()
                .replaceAll("black\\s*(?:and|&|n)\\s*white", "black\u0002white")
                .replaceAll("\\bb\\s*&\\s*w\\b", "black\u0002white")
                .replaceAll("teal\\s+(?:and|&)\\s+orange|orange\\s+(?:and|&)\\s+teal", "teal\u0002orange")
                .replaceAll("\\bbetween (\\w+(?: \\w+){0,4}?) and\\b", "between $1 \u0003")
                .replaceAll("\\b(from|in|toward|towards) ([#\\w]+(?: \\w+)?) and ([#\\w]+)", "$1 $2 \u0003 $3")
                .replaceAll("\\b(highlights|shadows) (gold|golden|orange|blue|teal|warm|cool|\\w+) and (?:the )?(shadows|highlights)", "$1 $2 \u0003 $3")
                .replaceAll("(\\d)\\.(\\d)", "$1\u0004$2")
                .replaceAll("(\\d)\\s*,\\s*(\\d)", "$1\u0005$2");
    }

    private static String unprotect(String text) {
        return text.replace("\u0002", " and ").replace("\u0007", "!").replace("\u0008", "?").replace("\u0006", "with").replace("\u000e", "then").replace("\u0003", "and").replace('\u0004', '.').replace('\u0005', ',');
    }
}
