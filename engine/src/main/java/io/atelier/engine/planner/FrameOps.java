package io.atelier.engine.planner;

import io.atelier.engine.ops.Border;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Text;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.CropToAspect.Anchor;
import io.atelier.engine.plan.Rgb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the composition operations: crop, reframe, rotate, flip, and text. */
final class FrameOps {
    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]{1,120})[\"“”]|(?<![a-z])'([^']{1,120})'(?![a-z])");

    private FrameOps() {
    }

    static Built build(Intent intent, Said said) {
        return switch (intent) {
            case CROP -> crop(said);
            case REFRAME -> reframe(said);
            case ROTATE -> rotate(said);
            case RESIZE -> resize(said);
            case FLIP -> Built.of(new Flip(!said.has("vertical(?:ly)?|upside down|top to bottom")));
            case TEXT -> text(said);
            case BORDER -> {
                java.util.List<Rgb> colours = ColourNames.find(said.text());
                double width = said.has("thin|fine|narrow|slim|keyline|hairline") ? 0.015 : said.has("thick|wide|big|heavy|chunky") ? 0.06 : 0.03;
                yield Built.of(new Border(width, colours.isEmpty() ? Rgb.parse("#ffffff") : colours.get(0)));
            }
            default -> throw new IllegalArgumentException(intent + " is not a composition edit");
        };
    }

    private static final Pattern PIXELS = Pattern.compile("(\\d{2,5}) ?(?:px|pixels?)\\b|\\b(?:to|at|of) (\\d{2,5})\\b(?! ?%| ?percent| ?degrees?| ?°)");

    /** Resize to a pixel size, read as the longer side; a percentage or no number is asked about, not guessed. */
    private static Built resize(Said said) {
        Matcher m = PIXELS.matcher(said.text());
        if (m.find()) {
            int side = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            if (side >= 16 && side <= 16_384) {
                return Built.of(new io.atelier.engine.ops.Resize(side));
            }
        }
        return Built.needs("the size in pixels (for example \"resize to 2048 px\")");
    }

    private static Built crop(Said said) {
        Optional<Ratios.Aspect> aspect = Ratios.read(said.text());
        if (aspect.isEmpty()) {
            return Built.needs(said.text() + ": the shape — a ratio such as 1:1, 4:5 or 16:9, or a format such as square or Instagram story");
        }
        Anchor anchor = said.subjectMentioned() || RegionReader.SUBJECT.matcher(said.text()).find() || said.has("cent(?:er|re)d?|middle")
                ? Anchor.SUBJECT : anchor(said.text());
        return Built.of(new CropToAspect(aspect.get().width(), aspect.get().height(), anchor));
    }

    private static Anchor anchor(String c) {
        Matcher keep = Pattern.compile("\\b(?:keep(?:ing)?|favou?r(?:ing)?|toward|towards|on|from|against)\\s+(?:the\\s+)?(left|right|top|bottom|upper|lower)\\b").matcher(c);
        if (keep.find()) {
            return switch (keep.group(1)) {
                case "left" -> Anchor.LEFT;
                case "right" -> Anchor.RIGHT;
                case "top", "upper" -> Anchor.TOP;
                default -> Anchor.BOTTOM;
            };
        }
        return Anchor.CENTRE;
    }

    private static Built reframe(Said said) {
        Matcher side = Pattern.compile("\\b(left|right|top|bottom|upper|lower|above|below)\\b").matcher(said.text());
        Edge edge = Edge.RIGHT;
        if (side.find()) {
            edge = switch (side.group(1)) {
                case "left" -> Edge.LEFT;
                case "top", "upper", "above" -> Edge.TOP;
                case "bottom", "lower", "below" -> Edge.BOTTOM;
                default -> Edge.RIGHT;
            };
        }
        Ratios.Aspect a = Ratios.read(said.text()).orElse(edge == Edge.TOP || edge == Edge.BOTTOM ? new Ratios.Aspect(4, 5) : new Ratios.Aspect(16, 9));
        double room = said.has("lots of|plenty of|generous|wide|large|a lot of|loads of") ? 0.5 : 0.4;
        return Built.of(new Reframe(a.width(), a.height(), edge, room));
    }

    private static Built rotate(Said said) {
        String c = said.text();
        var degrees = Amounts.degrees(c);
        boolean anticlockwise = said.has("anti ?clockwise|counter ?clockwise|ccw|left|to the left");
        if (degrees.isPresent()) {
            double d = Math.abs(degrees.getAsDouble()) * (anticlockwise || degrees.getAsDouble() < 0 ? -1 : 1);
            d = Math.max(-180, Math.min(180, d));
            return Built.of(new Rotate(d, Math.abs(d) % 90 != 0));
        }
        if (said.has("quarter(?:[- ]turn)?")) {
            return Built.of(new Rotate(anticlockwise ? -90 : 90, false)); // a quarter turn is 90°, clockwise unless said otherwise
        }
        if (said.has("rotate|turn|rotation|spin") && Amounts.number(c).isPresent()) {
            double n = Math.abs(Amounts.number(c).get());
            if (n > 0 && n <= 180) {
                double d = anticlockwise ? -n : n;
                return Built.of(new Rotate(d, Math.abs(d) % 90 != 0));
            }
        }
        var bare = java.util.regex.Pattern.compile("\\b(90|180|45|270)\\b").matcher(c);
        if (bare.find() && !said.has("upside down")) {
            double n = Double.parseDouble(bare.group(1));
            double d = n == 270 ? -90 : anticlockwise ? -n : n;
            return Built.of(new Rotate(d, Math.abs(d) % 90 != 0));
        }
        if (said.has("\\bflip\\w*|mirror\\w*") && said.has("upside down") && !said.has("rotat\\w*|turn\\w*|180")) {
            return Built.of(); // "flip it upside down" is the vertical flip alone, not also a half turn
        }
        if (said.has("upside down|180|(?:a)?round")) {
            return Built.of(new Rotate(180, false));
        }
        if (said.has("rotate|turn") && said.has("left|right|clockwise|anti ?clockwise|counter ?clockwise|sideways|portrait|landscape")) {
            return Built.of(new Rotate(anticlockwise ? -90 : 90, false));
        }
        return Built.needs(c + ": the angle — say how many degrees and which way, e.g. straighten by 2 degrees clockwise");
    }

    private static Built text(Said said) {
        String words = quoted(said.original(), said.text());
        if (words.isEmpty()) {
            return Built.needs(said.text() + ": what the text should say — put it in quotes, e.g. add the title \"Fresh Roast\" at the top");
        }
        String where = QUOTED.matcher(said.text()).replaceAll(" ");
        Text.Placement placement = where.matches(".*\\b(top|upper|above|header)\\b.*") ? Text.Placement.TOP
                : where.matches(".*\\b(bottom|lower|below|footer)\\b.*") ? Text.Placement.BOTTOM
                : where.matches(".*\\bleft\\b.*") ? Text.Placement.LEFT
                : where.matches(".*\\bright\\b.*") ? Text.Placement.RIGHT
                : where.matches(".*\\b(centre|center|middle)\\b.*") ? Text.Placement.CENTRE
                : Text.Placement.AUTO;
        List<Rgb> colours = ColourNames.find(where);
        String colour = colours.isEmpty() ? "auto" : colours.get(0).hex();
        double size = where.matches(".*\\b(large|big|huge|bold)\\b.*") ? 0.1 : where.matches(".*\\b(small|tiny|subtle)\\b.*") ? 0.04 : 0.06;
        return Built.of(new Text(words, placement, colour, size));
    }

    // The words in quotes, as the person typed them (not lower-cased); or after "saying"/"that says".
    private static String quoted(String original, String clause) {
        Matcher inClause = QUOTED.matcher(clause);
        if (inClause.find()) {
            String lower = (inClause.group(1) != null ? inClause.group(1) : inClause.group(2)).strip();
            Matcher typed = QUOTED.matcher(original);
            while (typed.find()) {
                String t = (typed.group(1) != null ? typed.group(1) : typed.group(2)).strip();
                if (t.toLowerCase(Locale.ROOT).equals(lower)) {
                    return t;
                }
            }
            return lower;
        }
        Matcher says = Pattern.compile("\\b(?:saying|reading|that says|which says|that reads)\\s+(.+?)(?:\\s+(?:on|at|in|across|along)\\s+the\\b.*)?$").matcher(clause);
        if (says.find()) {
            String words = says.group(1).strip();
            int at = original.toLowerCase(Locale.ROOT).indexOf(words);
            return at >= 0 ? original.substring(at, at + words.length()) : words;
        }
        return "";
    }
}
