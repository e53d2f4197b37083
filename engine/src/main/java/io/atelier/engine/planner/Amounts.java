package io.atelier.engine.planner;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a clause asks for: a scale on the operation's default ("a touch" 0.6, "a lot" 1.8), or an
 * explicit quantity (a percentage, stops, degrees, a signed number).
 */
final class Amounts {
    private static final Pattern SLIGHT = Pattern.compile("\\b(slight(?:ly)?|a (?:little )?bit|a little|a touch|touch|subtl[ey]|subtly|gentl[ey]|barely|somewhat|mildly|mild|a tad|tad|marginally|hint|faint(?:ly)?|a smidge|smidge|lil|little|bit|softly|lightly|nudge)\\b");
    private static final Pattern STRONG = Pattern.compile("\\b(a lot|lots|loads|much|very|really|significantly|strongly|considerably|way|heavily|dramatically|massively|super|extremely|quite a bit|heavy|intense(?:ly)?|crank\\w*|hugely|seriously|tons|mega|far|majorly|big time|way more|a ton)\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent|per cent|pct)");
    private static final Pattern STOPS = Pattern.compile("([+-]?(?:1/2|1/3|2/3|1/4)|[+-]?\\d(?:\\.\\d+)?|half|a third|one third|two thirds|a quarter|one quarter|three quarters|a|one|two|three)\\s*(?:-|\\s)?(?:of\\s+)?(?:an?\\s+)?(?:stops?|ev|f ?stops?)\\b");
    private static final Pattern SIGNED = Pattern.compile("(?<![\\w.:/])([+-])\\s?(\\d{1,3}(?:\\.\\d+)?)(?![\\w%:/])");
    private static final Pattern BY_NUMBER = Pattern.compile("\\b(?:by|to|at|of)\\s+(\\d{1,3}(?:\\.\\d+)?)(?![\\d%:/x.]|\\s*(?:%|percent|degrees?|°|stops?|ev|px|pixels?|k\\b))");
    private static final Pattern DEGREES = Pattern.compile("(-?\\d{1,3}(?:\\.\\d+)?)\\s*(?:°|degrees?|deg|º)");

    private Amounts() {
    }

    /** A multiplier on the default strength: 0.6 for "a touch", 1.8 for "a lot", else 1. */
    static double scale(String clause) {
        if (STRONG.matcher(clause).find()) {
            return 1.8;
        }
        if (SLIGHT.matcher(clause).find()) {
            return 0.6;
        }
        return 1;
    }

    static OptionalDouble percent(String clause) {
        Matcher m = PERCENT.matcher(clause);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** "half a stop", "1/3 stop", "+0.7 EV": the size in stops, unsigned. */
    static OptionalDouble stops(String clause) {
        Matcher m = STOPS.matcher(clause);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(switch (m.group(1).replaceFirst("^[+-]", "")) {
            case "half", "1/2" -> 0.5;
            case "a third", "one third", "1/3" -> 1 / 3.0;
            case "two thirds", "2/3" -> 2 / 3.0;
            case "a quarter", "one quarter", "1/4" -> 0.25;
            case "three quarters" -> 0.75;
            case "a", "one" -> 1.0;
            case "two" -> 2.0;
            case "three" -> 3.0;
            default -> Math.abs(Double.parseDouble(m.group(1)));
        });
    }

    /** "+20", "-15", "by 20": a number on the operation's own scale, unsigned; with its sign when one was written. */
    static Optional<Double> number(String clause) {
        Matcher signed = SIGNED.matcher(clause);
        if (signed.find()) {
            double v = Double.parseDouble(signed.group(2));
            return Optional.of(signed.group(1).equals("-") ? -v : v);
        }
        Matcher by = BY_NUMBER.matcher(clause);
        return by.find() ? Optional.of(Double.parseDouble(by.group(1))) : Optional.empty();
    }

    static OptionalDouble degrees(String clause) {
        Matcher m = DEGREES.matcher(clause);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** The written sign of an explicit number, if any ("-20" is -1, "+0.5 stop" is +1). */
    static int writtenSign(String clause) {
        Matcher signed = SIGNED.matcher(clause);
        if (signed.find()) {
            return signed.group(1).equals("-") ? -1 : 1;
        }
        Matcher stops = STOPS.matcher(clause);
        if (stops.find() && stops.group(1).startsWith("-")) {
            return -1;
        }
        if (stops.find(0) && stops.group(1).startsWith("+")) {
            return 1;
        }
        return 0;
    }
}
