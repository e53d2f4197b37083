package io.atelier.engine.planner;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Aspect ratios a clause names: "4:5", "16 by 9", "1x1", or a named format (square, story, widescreen, Instagram). */
final class Ratios {
    private static final Pattern RATIO = Pattern.compile("(?<![\\d.])(\\d{1,3})\\s*(?::|x|×|by|/|to)\\s*(\\d{1,3})(?![\\d.%])");
    private static final Pattern CROP_CONTEXT = Pattern.compile("\\b(crop\\w*|cut|ratio|aspect|format\\w*|frame|reframe|recompose|make it|turn it into|as an?|for an?|square|portrait|landscape|story|reel|widescreen|banner|resize|size)\\b");

    /** A width:height pair, each 1–100. */
    record Aspect(int width, int height) {
    }

    private Ratios() {
    }

    /** The ratio the clause asks for, written or named. */
    static Optional<Aspect> read(String clause) {
        Matcher m = RATIO.matcher(clause);
        while (m.find()) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            boolean bare = clause.strip().equals(m.group().strip());
            if (w >= 1 && h >= 1 && w <= 100 && h <= 100 && (bare || CROP_CONTEXT.matcher(clause).find() || clause.contains(":"))) {
                return Optional.of(new Aspect(w, h));
            }
        }
        return named(clause);
    }

    /** True when the clause writes a ratio with a colon ("1:1", "4:5"): unambiguous enough to decide a crop. */
    static boolean written(String clause) {
        Matcher m = RATIO.matcher(clause);
        return m.find() && m.group().contains(":");
    }

    static Optional<Aspect> named(String clause) {
        if (clause.matches(".*\\b(instagram|ig|insta)\\s+(story|stories|reels?)\\b.*")
                || clause.matches(".*\\b(story|stories|reels?|tiktok|shorts|phone wallpaper|vertical video|9 by 16)\\b.*")) {
            return Optional.of(new Aspect(9, 16));
        }
        if (clause.matches(".*\\b(square|squared)\\b.*")) {
            return Optional.of(new Aspect(1, 1));
        }
        if (clause.matches(".*\\b(instagram|ig|insta)( post| feed| portrait)?\\b.*")) {
            return Optional.of(new Aspect(4, 5));
        }
        if (clause.matches(".*\\b(pinterest|pin)\\b.*")) {
            return Optional.of(new Aspect(2, 3));
        }
        if (clause.matches(".*\\b(widescreen|wide screen|youtube|thumbnail|cinematic|banner|hd|hero|desktop wallpaper|landscape|horizontal)\\b.*")) {
            return Optional.of(new Aspect(16, 9));
        }
        if (clause.matches(".*\\b(portrait|vertical|upright)\\b.*")) {
            return Optional.of(new Aspect(4, 5));
        }
        return Optional.empty();
    }
}
