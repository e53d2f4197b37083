package io.atelier.engine.planner;

import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colours people name in instructions: hex codes and a vocabulary of common and brand-ish names. */
final class ColourNames {
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{6}|[0-9a-f]{3})\\b");
    private static final Pattern NAME;

    static {
        // Longer names first, so "forest green" wins over "green".
        String[][] table = {
                {"forest green", "#2f5d3a"}, {"olive green", "#6b7a3a"}, {"sage green", "#9caf88"}, {"mint green", "#a8e6cf"},
                {"emerald green", "#2e8b57"}, {"dark green", "#1f4d2b"}, {"light green", "#9ed39a"}, {"navy blue", "#1f2f5a"},
                {"sky blue", "#87ceeb"}, {"royal blue", "#3056d3"}, {"light blue", "#a9cbea"}, {"dark blue", "#1d3557"},
                {"burnt orange", "#cc5500"}, {"off white", "#f4f1ea"}, {"off-white", "#f4f1ea"}, {"light grey", "#cfcfcf"},
                {"light gray", "#cfcfcf"}, {"dark grey", "#3c3c3c"}, {"dark gray", "#3c3c3c"}, {"hot pink", "#ff4f9a"},
                {"terracotta", "#c8643b"}, {"sienna", "#a0522d"}, {"rust", "#b7472a"}, {"ochre", "#cc8e35"}, {"mustard", "#d9a21b"},
                {"sand", "#d8c3a0"}, {"beige", "#e3d5b8"}, {"cream", "#f3ead7"}, {"ivory", "#fbf6e9"}, {"brown", "#7b5234"},
                {"chocolate", "#5a3825"}, {"coffee", "#6f4e37"}, {"caramel", "#c68e4e"}, {"gold", "#d4a73c"}, {"golden", "#e0a84a"},
                {"amber", "#ffb347"}, {"orange", "#f28c28"}, {"peach", "#ffcba4"}, {"coral", "#ff7f61"}, {"red", "#d23a2e"},
                {"crimson", "#b0172f"}, {"burgundy", "#7a1f32"}, {"maroon", "#7a2531"}, {"pink", "#f4a6c0"}, {"magenta", "#d63aa6"},
                {"purple", "#7b4ca0"}, {"violet", "#8f5fd1"}, {"lavender", "#b9a7e0"}, {"lilac", "#c8a2c8"}, {"blue", "#2f6fbf"},
                {"navy", "#1f2f5a"}, {"teal", "#1f8a8a"}, {"turquoise", "#3cc8c0"}, {"cyan", "#3cc8e0"}, {"aqua", "#5fd6d6"},
                {"green", "#3a8f4b"}, {"olive", "#6b7a3a"}, {"sage", "#9caf88"}, {"mint", "#a8e6cf"}, {"lime", "#9ccc3c"},
                {"emerald", "#2e8b57"}, {"yellow", "#f2d13a"}, {"lemon", "#f7e463"}, {"white", "#ffffff"}, {"black", "#111111"},
                {"charcoal", "#333638"}, {"grey", "#8c8c8c"}, {"gray", "#8c8c8c"}, {"silver", "#c0c0c0"}, {"slate", "#5a6772"},
        };
        StringBuilder alternatives = new StringBuilder();
        for (String[] row : table) {
            NAMES.put(row[0], row[1]);
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(row[0]));
        }
        NAME = Pattern.compile("\\b(" + alternatives + ")\\b");
    }

    private ColourNames() {
    }

    /** Every colour named in the text, in order of appearance. */
    static List<Rgb> find(String text) {
        List<int[]> positions = new ArrayList<>();
        List<Rgb> found = new ArrayList<>();
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            positions.add(new int[] {hex.start(), found.size()});
            found.add(Rgb.parse(hex.group()));
        }
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            if (text.startsWith("black and white", name.start()) || text.startsWith("black_and_white", name.start())) {
                continue;
            }
            positions.add(new int[] {name.start(), found.size()});
            found.add(Rgb.parse(NAMES.get(name.group(1))));
        }
        positions.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Rgb> ordered = new ArrayList<>();
        for (int[] p : positions) {
            ordered.add(found.get(p[1]));
        }
        return ordered;
    }
}
