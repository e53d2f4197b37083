package io.atelier.engine.planner;

import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default planner: offline and deterministic. It splits an instruction into clauses and reads
 * each one by vocabulary (verbs, synonyms, intensities, ratios), not by matching whole sentences, so
 * it carries over to phrasings it has not seen. A clause it cannot read is reported, never dropped.
 */
public final class RuleBasedPlanner implements Planner {
    public static final String NAME = "rule-based/1";

    // "and"/"then" join clauses, but not inside fixed phrases such as "black and white".
    private static final Pattern CLAUSE_SPLIT = Pattern.compile("\\s*(?:[,;.!]|\\band then\\b|\\bthen\\b|\\band\\b|\\balso\\b)\\s*");
    private static final Pattern RATIO = Pattern.compile("(\\d{1,3})\\s*(?::|x|×|by|/|to)\\s*(\\d{1,3})\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent|per cent)");
    private static final Pattern STOPS = Pattern.compile("(half|a|one|two|three|\\d(?:\\.\\d+)?)\\s*(?:-|\\s)?(?:an?\\s+)?stops?\\b");

    private static final Pattern CROP_WORDS = Pattern.compile("\\b(crop|cut|ratio|aspect|format|frame|reframe|recompose|make it|turn it into|as an?|for an?|composition|square|portrait|landscape|story|reel|widescreen|banner)");
    private static final Pattern MONO = Pattern.compile("\\b(black[- ]and[- ]white|black ?& ?white|b ?& ?w|b/w|monochrome|mono|grayscale|greyscale|gray ?scale|grey ?scale|noir|desaturate (?:it )?(?:completely|fully|entirely)|remove (?:all )?(?:the )?colou?rs?|no colou?rs?|colou?rless)\\b");
    private static final Pattern WARM = Pattern.compile("\\b(warm(?:er|th|ing)?|golden|amber|cozier|cosier|cozy|cosy|sunset|sunnier|afternoon sun|late afternoon|candle ?light|tungsten)\\b");
    private static final Pattern COOL = Pattern.compile("\\b(cool(?:er|ing)?|cold(?:er)?|colder|icy|icier|blu(?:e|er|ish)(?:r)?|chill(?:ier|y)?|wintry|frosty)\\b");
    private static final Pattern LESS = Pattern.compile("\\b(less|reduce|decrease|lower|tone down|toned down|take down|take away|remove some|not so|too)\\b");
    private static final Pattern BRIGHT = Pattern.compile("\\b(bright(?:er|en|ness)?|lighten|lighter|lift(?: the)? exposure|more light|increase (?:the )?exposure|exposure up|raise (?:the )?exposure|overexpose|expose (?:it )?more|open up)\\b");
    private static final Pattern DARK = Pattern.compile("\\b(dark(?:er|en)?|dim(?:mer)?|moodier|underexpose|lower (?:the )?exposure|reduce (?:the )?exposure|decrease (?:the )?exposure|exposure down|less light|expose (?:it )?less|deepen)\\b");
    private static final Pattern SLIGHT = Pattern.compile("\\b(slight(?:ly)?|a (?:little )?bit|a little|a touch|touch|subtl[ey]|gentl[ey]|barely|somewhat|mildly|a tad|tad|marginally|hint)\\b");
    private static final Pattern STRONG = Pattern.compile("\\b(a lot|much|very|really|significantly|strongly|considerably|way|heavily|dramatically|far|lots|extremely|quite a bit)\\b");
    // "keeping the cup centred", "ensuring the main subject stays centered": where a crop is anchored.
    private static final Pattern CENTRED = Pattern.compile("\\b(keep(?:s|ing)?|ensur(?:e|es|ing)|with|so|making sure|stays?|remains?)\\b.*\\b(cent(?:er(?:ed)?|red?)|in the (?:middle|cent(?:er|re))|in frame|in the frame|in view)\\b");
    private static final Pattern ELABORATION = Pattern.compile("(similar to|like|as in|as if|reminiscent of|evoking|giving|to give|for)\\b");
    private static final Pattern FILLER = Pattern.compile("\\b(please|could you|can you|i want|i'd like|id like|let's|lets|make|it|the|image|photo|picture|shot|a|an|bit|overall|scene|look|slightly|more|somewhat|to|of|just|keep|everything|else|same)\\b");

    @Override
    public PlanOutcome plan(String instruction) {
        String text = normalise(instruction);
        List<Operation> operations = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (String clause : CLAUSE_SPLIT.split(protectPhrases(text))) {
            String c = clause.replace('_', ' ').trim();
            if (c.isEmpty() || FILLER.matcher(c).replaceAll("").isBlank()) {
                continue;
            }
            if (CENTRED.matcher(c).find() && operations.stream().anyMatch(o -> o instanceof Operation.CropToAspect)) {
                continue; // the crop is centred on the subject estimate; the centre until subject detection lands
            }
            Optional<Operation> op = readClause(c);
            if (op.isPresent() && ELABORATION.matcher(c).lookingAt() && !operations.isEmpty()
                    && operations.get(operations.size() - 1).getClass() == op.get().getClass()) {
                continue; // "…, similar to late afternoon sun": the same edit said again, not a second one
            }
            if (op.isPresent()) {
                operations.add(op.get());
            } else {
                notUnderstood.add(c);
            }
        }
        return new PlanOutcome(EditPlan.of(instruction, NAME, operations), notUnderstood);
    }

    @Override
    public String capabilities() {
        return "I can crop to an aspect ratio (1:1 / square, 4:5, 3:2, 16:9, 9:16 / Instagram story), "
                + "make the image warmer or cooler, brighter or darker (by a percentage or in stops), "
                + "and turn it black and white.";
    }

    private static String normalise(String instruction) {
        return instruction.toLowerCase(Locale.ROOT)
                .replace('–', '-').replace('—', '-').replace('’', '\'')
                .replaceAll("\\s+", " ")
                .trim();
    }

    // Joins fixed phrases that contain a clause separator so the split keeps them whole.
    private static String protectPhrases(String text) {
        return text
                .replaceAll("black\\s*(?:and|&|n)\\s*white", "black_and_white")
                .replaceAll("(\\d)\\.(\\d)", "$1#$2");
    }

    private Optional<Operation> readClause(String rawClause) {
        String clause = rawClause.replace('#', '.');
        Optional<Operation> crop = readCrop(clause);
        if (crop.isPresent()) {
            return crop;
        }
        if (MONO.matcher(clause).find()) {
            return Optional.of(new Operation.Monochrome());
        }
        double intensity = intensity(clause);
        if (WARM.matcher(clause).find()) {
            return Optional.of(new Operation.WhiteBalance(clamp((negated(clause, WARM) ? -1 : 1) * 25 * intensity, 100), 0));
        }
        if (COOL.matcher(clause).find()) {
            return Optional.of(new Operation.WhiteBalance(clamp((negated(clause, COOL) ? 1 : -1) * 25 * intensity, 100), 0));
        }
        boolean bright = BRIGHT.matcher(clause).find();
        boolean dark = DARK.matcher(clause).find();
        if (bright || dark) {
            double base = bright && !dark ? 1 : -1;
            double sign = negated(clause, bright && !dark ? BRIGHT : DARK) ? -base : base;
            double stops = explicitStops(clause).orElseGet(() -> percentStops(clause, sign).orElse(0.5 * intensity));
            return Optional.of(new Operation.Exposure(clamp(sign * Math.abs(stops), 4)));
        }
        return Optional.empty();
    }

    private static Optional<Operation> readCrop(String clause) {
        Matcher m = RATIO.matcher(clause);
        if (m.find() && (CROP_WORDS.matcher(clause).find() || clause.strip().equals(m.group().strip()))) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w >= 1 && h >= 1 && w <= 100 && h <= 100) {
                return Optional.of(new Operation.CropToAspect(w, h, 0.5, 0.5));
            }
        }
        if (clause.matches(".*\\b(instagram|ig|insta)\\s+(story|stories|reels?)\\b.*")
                || clause.matches(".*\\b(story|stories|reels?|tiktok|shorts|phone wallpaper|vertical video)\\b.*")) {
            return Optional.of(new Operation.CropToAspect(9, 16, 0.5, 0.5));
        }
        if (clause.matches(".*\\b(instagram|ig|insta)( post| feed| portrait)?\\b.*") && !clause.contains("square")) {
            return Optional.of(new Operation.CropToAspect(4, 5, 0.5, 0.5));
        }
        if (clause.matches(".*\\bsquare\\b.*")) {
            return Optional.of(new Operation.CropToAspect(1, 1, 0.5, 0.5));
        }
        if (clause.matches(".*\\b(widescreen|wide screen|youtube|cinematic|landscape|banner|hd)\\b.*")
                && CROP_WORDS.matcher(clause).find()) {
            return Optional.of(new Operation.CropToAspect(16, 9, 0.5, 0.5));
        }
        if (clause.matches(".*\\bportrait\\b.*") && CROP_WORDS.matcher(clause).find()) {
            return Optional.of(new Operation.CropToAspect(4, 5, 0.5, 0.5));
        }
        return Optional.empty();
    }

    // "less warm", "reduce the brightness", "too dark": a reversing word outside the matched term itself,
    // so that "lower the exposure" (whose verb is part of the term) is not reversed twice.
    private static boolean negated(String clause, Pattern term) {
        return LESS.matcher(term.matcher(clause).replaceAll(" ")).find();
    }

    private static double intensity(String clause) {
        if (STRONG.matcher(clause).find()) {
            return 2;
        }
        if (SLIGHT.matcher(clause).find()) {
            return 0.5;
        }
        Matcher pct = PERCENT.matcher(clause);
        if (pct.find()) {
            return Math.max(0.1, Math.min(5, Double.parseDouble(pct.group(1)) / 20.0));
        }
        return 1;
    }

    private static Optional<Double> explicitStops(String clause) {
        Matcher m = STOPS.matcher(clause);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(1)) {
            case "half" -> 0.5;
            case "a", "one" -> 1.0;
            case "two" -> 2.0;
            case "three" -> 3.0;
            default -> Double.parseDouble(m.group(1));
        });
    }

    // "20% brighter" multiplies linear light by 1.2; "20% darker" by 0.8.
    private static Optional<Double> percentStops(String clause, double sign) {
        Matcher m = PERCENT.matcher(clause);
        if (!m.find()) {
            return Optional.empty();
        }
        double fraction = Math.min(0.95, Double.parseDouble(m.group(1)) / 100.0);
        double factor = sign > 0 ? 1 + fraction : 1 - fraction;
        return Optional.of(Math.abs(Math.log(factor) / Math.log(2)));
    }

    private static double clamp(double value, double limit) {
        double rounded = Math.round(value * 100.0) / 100.0;
        return Math.max(-limit, Math.min(limit, rounded));
    }
}
