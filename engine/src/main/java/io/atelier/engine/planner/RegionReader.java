package io.atelier.engine.planner;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads where an edit should apply from a clause: the sky, a side band, a tonal range, the subject or the background. */
final class RegionReader {
    static final String SUBJECT_NOUNS = "subject|main subject|cup|mug|coffee cup|coffee|product|bottle|person|model|face|item|object|"
            + "cat|dog|pet|car|motorcycle|bike|plate|dish|food|drink|glass|saucer|foreground";
    static final Pattern SUBJECT = Pattern.compile("\\b(" + SUBJECT_NOUNS + ")\\b");
    static final Pattern BACKGROUND = Pattern.compile("\\b(background|backdrop|surroundings|environment(?:al context)?|setting|behind (?:it|the \\w+)|the rest|everything else)\\b");
    private static final Pattern SIDE = Pattern.compile(
            "\\b(left|right|top|bottom|upper|lower)(?:[- ](left|right))?\\s*(?:-\\s*)?(side|half|third|quarter|edge|part|portion|area|corner|band|strip|of the (?:image|frame|photo|picture))?\\b");
    private static final Pattern EXCEPT = Pattern.compile("\\b(?:everything|all|the rest|whole (?:image|frame))\\s+(?:except|but|apart from|other than|besides|around)\\s+(.*)$");
    private static final Pattern TONES = Pattern.compile("\\b(highlights?|bright (?:areas|parts)|shadows?|dark (?:areas|parts)|midtones?|mid-tones?)\\b");

    private RegionReader() {
    }

    /** The region a clause names, or the whole image. */
    static Region read(String clause) {
        if (clause.matches(".*\\b(sky|skies)\\b.*")) {
            return new Region.Sky(); // found in the photo; the upper band only when no sky is found
        }
        if (clause.matches(".*\\bceiling\\b.*")) {
            return new Region.Side(Edge.TOP, 0.4); // a ceiling is not sky-coloured: the upper band, as a graduated filter would
        }
        Optional<Region> side = side(clause);
        if (side.isPresent()) {
            return side.get();
        }
        Matcher tones = TONES.matcher(clause);
        if (tones.find()) {
            String t = tones.group(1);
            return new Region.Tones(t.startsWith("high") || t.startsWith("bright") ? Region.Tones.Range.HIGHLIGHTS
                    : t.startsWith("shadow") || t.startsWith("dark") ? Region.Tones.Range.SHADOWS : Region.Tones.Range.MIDTONES);
        }
        Matcher except = EXCEPT.matcher(clause);
        if (except.find()) {
            return BACKGROUND.matcher(except.group(1)).find() ? new Region.Subject() : new Region.Background();
        }
        if (BACKGROUND.matcher(clause).find()) {
            return new Region.Background();
        }
        if (SUBJECT.matcher(clause).find()) {
            return new Region.Subject();
        }
        return Region.WHOLE;
    }

    /** A side band such as "the upper third", "left half", "right side". */
    static Optional<Region> side(String clause) {
        Matcher m = SIDE.matcher(clause);
        while (m.find()) {
            if (m.group().trim().equals("top") && clause.matches(".*\\bon top\\b(?! of).*")) {
                continue; // "a layer on top" is over the picture, not the upper band
            }
            if (m.group(3) == null && !clause.matches(".*\\b(on|at|along|in|across|over|to)\\s+(the\\s+)?" + Pattern.quote(m.group().trim()) + "\\b.*")) {
                continue; // "light from the left" is a direction, not a band; handled by the light reader
            }
            Optional<Edge> edge = edge(m.group(1), m.group(2));
            if (edge.isEmpty() || !edge.get().straight()) {
                continue;
            }
            String part = m.group(3) == null ? "" : m.group(3);
            double extent = switch (part) {
                case "third" -> 1 / 3.0;
                case "quarter", "edge", "strip", "band" -> 0.25;
                default -> part.isEmpty() && (edge.get() == Edge.TOP || edge.get() == Edge.BOTTOM) ? 1 / 3.0 : 0.5;
            };
            return Optional.of(new Region.Side(edge.get(), extent));
        }
        return Optional.empty();
    }

    /** The side or corner named by words such as "left", "top right", "upper". */
    static Optional<Edge> edge(String first, String second) {
        String v = switch (first) {
            case "upper" -> "top";
            case "lower" -> "bottom";
            default -> first;
        };
        if (second != null && (v.equals("top") || v.equals("bottom"))) {
            return Optional.of(Edge.valueOf((v + "_" + second).toUpperCase(java.util.Locale.ROOT)));
        }
        return switch (v) {
            case "left" -> Optional.of(Edge.LEFT);
            case "right" -> Optional.of(Edge.RIGHT);
            case "top" -> Optional.of(Edge.TOP);
            case "bottom" -> Optional.of(Edge.BOTTOM);
            default -> Optional.empty();
        };
    }

    private static final Pattern DIRECTION = Pattern.compile(
            "\\b(?:from|on|at|toward|towards|to)\\s+(?:the\\s+|a\\s+window\\s+on\\s+the\\s+|an?\\s+\\w+\\s+on\\s+the\\s+)?(upper|lower|top|bottom|left|right)(?:[- ](left|right))?\\b");

    /** The side something comes from ("from a window on the left", "from the top right"). */
    static Optional<Edge> direction(String clause) {
        Matcher m = DIRECTION.matcher(clause);
        if (m.find()) {
            return edge(m.group(1), m.group(2));
        }
        Matcher bare = Pattern.compile("\\b(left|right)[- ]side\\b|\\b(left|right)\\b").matcher(clause);
        if (bare.find()) {
            return edge(bare.group(1) != null ? bare.group(1) : bare.group(2), null);
        }
        return Optional.empty();
    }
}
