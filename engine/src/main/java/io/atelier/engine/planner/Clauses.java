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
            "\\s*(?:[,;!?]|\\.(?!\\d)|\\s-\\s|\\band then\\b|\\bthen\\b|\\band\\b|\\balso\\b|\\bplus\\b|\\s\\+\\s|\\bbut\\b|\\bwhile\\b|\\bwhilst\\b|\\bwith\\b(?= )|(?=\\bso (?:it|that|the|we|i|you|there|its)\\b)|(?=\\bto (?:give|make|create)\\b)|(?=\\bmaking (?:it|the)\\b))\\s*");
    private static final Set<String> VERBS = Set.of("make", "brighten", "darken", "lift", "deepen", "boost", "increase", "reduce",
            "lower", "raise", "add", "bump", "warm", "cool", "soften", "sharpen", "blur", "desaturate", "saturate", "recover",
            "lighten", "crush", "open", "push", "pull", "tone", "give", "more", "less", "up", "turn", "crank", "drop", "cut");
    private static final Set<String> ADJECTIVE_ONLY = Set.of("softer", "soft", "subtle", "gentle", "warmer", "cooler", "brighter",
            "darker", "punchier", "moodier", "richer", "deeper", "muted", "faded", "crisper", "cleaner", "lighter", "bolder",
            "stronger", "slightly", "very", "nice", "natural", "bright", "dark", "warm", "cool", "cold", "deep", "rich", "fresh",
            "clean", "crisp", "light", "airy", "moody", "dreamy", "gritty", "textured", "bold", "punchy", "vivid", "cosy", "cozy",
            "sharper", "sharp", "grainy", "grainier", "creamy", "calm", "quiet", "elegant", "minimal", "cinematic", "dramatic",
            "colder", "flatter", "vibrant", "saturated", "desaturated", "hazy", "misty", "glowy", "contrasty");

    private static final Pattern COMPARATIVE = Pattern.compile("brighter|darker|warmer|cooler|colder|punchier|sharper|crisper|grainier|lighter|moodier|flatter|richer|deeper");

    private Clauses() {
    }

    /** The instruction lower-cased with one spelling of dashes, quotes and spaces. */
    static String normalise(String instruction) {
        return Spelling.correct(instruction.toLowerCase(Locale.ROOT)
                .replace('–', '-').replace('—', ' ').replace('’', '\'').replace('‘', '\'')
                .replaceAll("([a-z])-([a-z])", "$1 $2")
                .replaceAll("\\s+", " ")
                .trim());
    }

    static List<String> split(String instruction) {
        String text = protect(normalise(instruction));
        List<String> raw = new ArrayList<>();
        for (String part : SPLIT.split(text)) {
            String clause = unprotect(part).trim().replaceFirst("^(?:and|or|but|then|also|\\+)\\s+", "");
            if (!clause.replaceAll("[^a-z0-9#\"]", "").isEmpty()) {
                raw.add(clause);
            }
        }
        List<String> grouped = groupAdjectives(joinColours(raw));
        List<String> joined = new ArrayList<>();
        String carried = null;
        for (String clause : grouped) {
            String[] words = clause.split(" ");
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

    // "grade toward forest green, cream and terracotta": a clause of only colours belongs to the one before.
    private static List<String> joinColours(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String clause : raw) {
            if (!out.isEmpty() && onlyColours(clause) && !clause.matches(".*\\bblack and white\\b.*")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " and " + clause);
            } else {
                out.add(clause);
            }
        }
        return out;
    }

    static boolean onlyColours(String clause) {
        if (ColourNames.find(clause).isEmpty()) {
            return false;
        }
        String rest = clause;
        for (String word : clause.split("\\s+")) {
            if (!ColourNames.find(word).isEmpty() || word.matches("(and|or|a|an|the|some|soft|light|dark|deep|pale|muted|only|#.*)")) {
                rest = rest.replaceFirst(Pattern.quote(word), "");
            }
        }
        return rest.isBlank();
    }

    // "softer, faded contrast", "soft, creamy background blur": lone adjectives describe the next phrase;
    // at the end ("put light from the left, soft") they describe the one before; alone they stand together.
    private static List<String> groupAdjectives(List<String> raw) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String clause : raw) {
            String bare = clause.replaceFirst("^(?:a|an|the|so|and) ", "");
            if (!bare.contains(" ") && ADJECTIVE_ONLY.contains(bare)) {
                run.add(bare);
                continue;
            }
            String first = clause.split(" ")[0];
            boolean describes = clause.matches("^(?:so|like|as|for|to|keep|keeping|while|but)\\b.*");
            // "it's dark and cold, make it warmer": a lone adjective before an ask describes the problem, not the ask
            boolean asks = VERBS.contains(first) || clause.matches("^(?:please|pls|can you|could you|would you)\\b.*");
            boolean standsAlone = run.size() == 1 && COMPARATIVE.matcher(run.get(0)).matches(); // "brighter, and make the colours richer"
            if (run.size() == 1 && !describes && !asks && (clause.split(" ").length <= 3 || !ADJECTIVE_ONLY.contains(first) && !standsAlone)) {
                clause = run.get(0) + " " + clause; // "softer, faded contrast": one request
                run.clear();
            } else if (!run.isEmpty()) {
                out.add(String.join(" ", run));
                run.clear();
            }
            out.add(clause);
        }
        if (!run.isEmpty()) {
            String tail = String.join(" ", run);
            if (out.isEmpty() || run.size() > 1 && run.stream().filter(a -> COMPARATIVE.matcher(a).matches()).count() > 1) {
                out.add(tail);
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + tail); // "light from the left, soft"
            }
        }
        return out;
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
                .replaceAll("\\b(replace|swap|fill|surround|cover|composite)\\b([^,.;]*?) with ", "$1$2 \u0006 ")
                .replaceAll("black\\s*(?:and|&|n)\\s*white", "black\u0002white")
                .replaceAll("\\bb\\s*&\\s*w\\b", "black\u0002white")
                .replaceAll("teal\\s+(?:and|&)\\s+orange|orange\\s+(?:and|&)\\s+teal", "teal\u0002orange")
                .replaceAll("\\bbetween (\\w+(?: \\w+){0,4}?) and\\b", "between $1 \u0003")
                .replaceAll("\\b(from|in|toward|towards) ([#\\w]+(?: \\w+)?) and ([#\\w]+)", "$1 $2 \u0003 $3")
                .replaceAll("\\b(highlights|shadows) (gold|golden|orange|blue|teal|warm|cool|\\w+) and (?:the )?(shadows|highlights)", "$1 $2 \u0003 $3")
                .replaceAll("(\\d)\\s*;\\s*(\\d)", "$1:$2")
                .replaceAll("(\\d)\\.(\\d)", "$1\u0004$2")
                .replaceAll("(\\d)\\s*,\\s*(\\d)", "$1\u0005$2");
    }

    private static String unprotect(String text) {
        return text.replace("\u0002", " and ").replace("\u0007", "!").replace("\u0008", "?").replace("\u0006", "with").replace("\u000e", "then").replace("\u0003", "and").replace('\u0004', '.').replace('\u0005', ',');
    }
}
