package io.atelier.engine.planner;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts right the typing slips people make in the words that matter here: a word within one edit
 * (two for long words; a swap of neighbours counts as one) of an editing word becomes that word.
 * Ordinary English words are left alone.
 */
final class Spelling {
    // Editing words, in order of preference when a slip is as close to two of them.
    private static final List<String> VOCABULARY = List.of("brighter", "brighten", "bright", "darker", "darken", "contrast",
            "colours", "colour", "colors", "color", "cooler", "warmer", "warmth", "vignette", "saturation", "saturated", "desaturate",
            "vibrant", "vibrance", "grain", "grainy", "steam", "mirror", "title", "square", "shadows", "highlights", "leak", "sharpen",
            "sharper", "blur", "blurry", "background", "exposure", "details", "detail", "texture", "clarity", "degrees", "rotate",
            "straighten", "monochrome", "black", "white", "more", "less", "better", "awesome", "crop", "haze", "glow", "flare",
            "lighten", "lighter", "golden", "sunlight", "brightness", "temperature", "please", "portrait", "landscape", "instagram",
            "overlay", "gradient", "palette", "border", "pastel", "earthy", "vintage", "horizontal", "vertical", "horizon", "subtle", "slightly",
            "flip", "yellow", "orange", "purple", "green");
    // Real words that sit one letter from an editing word: never "corrected".
    private static final Set<String> ENGLISH = Set.copyOf(List.of("stem", "form", "bright", "light", "might", "right", "night", "sight", "tight",
            "fight", "black", "block", "back", "crap", "drop", "crow", "glove", "flair", "leek", "less", "mess", "lose", "loss", "more",
            "mode", "more", "lore", "bore", "core", "store", "score", "whit", "whine", "wine", "while", "white", "colder", "bolder",
            "holder", "folder", "older", "coder", "lower", "tower", "power", "mower", "shower", "flower", "slower", "ground", "around",
            "round", "sound", "found", "hound", "leap", "lean", "leas", "lead", "load", "steal", "stead", "steep", "sharp", "share",
            "shape", "sheen", "title", "tile", "tilt", "till", "cool", "warm", "worm", "blue", "glue", "grin", "rain", "gain", "main",
            "plain", "brain", "drain", "train", "grainy", "mirrors", "detail", "retail", "dust", "must", "gust", "haze", "hate", "have",
            "gaze", "glow", "grow", "slow", "flow", "blow", "crop", "drop", "prop", "shop", "top", "stop", "crops", "props", "sunlit",
            "title", "whites", "texture", "lighter", "fighter", "tighter", "mighty", "brighter", "earth", "heart", "portray", "ever",
            "every", "bet", "beer", "beet", "batter", "bitter", "butter", "letter", "setter", "plea", "pleas", "please", "pleased",
            "later", "water", "darkest", "lease", "desperate", "separate", "slight", "slighty", "saturate", "contrasts", "colored",
            "coloured", "details", "degree", "blank", "write", "wrote", "stream", "streak", "steady", "contrasty", "colourful", "colorful", "lighting", "lighted", "rotated", "blurred", "cropped", "clearer", "shadowy", "glowing", "glowy", "graded", "grade", "colorless", "colourless", "moody", "moodier", "shadow", "highlight", "cooled", "warmed", "lights", "flares", "leaks", "grains", "blurs",
            "bluer", "redder", "greener", "bluish", "reddish", "yellows", "greens", "blues", "reds", "oranges", "fellow", "mellow"));
    // In order: "its to dark" becomes "it's to dark", then "it's too dark".
    private static final List<Map.Entry<String, String>> PHRASES = List.of(
            Map.entry("\\bits (too|to|a bit|very|kinda|kind of|really|so|quite|looking)\\b", "it's $1"),
            Map.entry("\\bbrite\\b", "bright"), Map.entry("\\blite\\b", "light"), Map.entry("\\bpic\\b", "photo"),
            Map.entry("\\blightning\\b", "lighting"), Map.entry("\\bform the\\b", "from the"), Map.entry("\\bteh\\b", "the"),
            Map.entry("\\bstem (rising|coming|from|above|over)\\b", "steam $1"), Map.entry("^ad ", "add "),
            Map.entry("\\bleek\\b", "leak"), Map.entry("\\bmroe\\b", "more"), Map.entry("\\bblak\\b", "black"), Map.entry("\\bcolr\\b", "color"), Map.entry("\\bmor\\b", "more"), Map.entry("\\bcoler\\b", "cooler"), Map.entry("\\bto (much|many|dark|bright|light|warm|cold|cool|blue|yellow|green|saturated|flat|soft|strong|harsh|heavy|contrasty)\\b", "too $1"));
    private static final Pattern WORD = Pattern.compile("[a-z]{5,}");

    private Spelling() {
    }

    static String correct(String text) {
        String out = text;
        for (Map.Entry<String, String> e : PHRASES) {
            out = out.replaceAll(e.getKey(), e.getValue());
        }
        Matcher m = WORD.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(fix(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String fix(String word) {
        if (ENGLISH.contains(word) || VOCABULARY.contains(word)) {
            return word;
        }
        for (String suffix : List.of("s", "es", "ed", "ing", "er", "ly", "ness", "ish")) {
            String stem = word.endsWith(suffix) ? word.substring(0, word.length() - suffix.length()) : "";
            if (VOCABULARY.contains(stem) || ENGLISH.contains(stem)) {
                return word; // "blacks", "greyish": a known word with an ending
            }
        }
        int allowed = word.length() >= 9 ? 2 : 1;
        for (String v : VOCABULARY) {
            if (Math.abs(v.length() - word.length()) <= allowed && v.charAt(0) == word.charAt(0) && distance(word, v) <= allowed) {
                return v;
            }
        }
        return word;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
