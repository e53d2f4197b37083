package io.atelier.engine.planner;

import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Clarity;
import io.atelier.engine.ops.ColourOverlay;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.CropToAspect.Anchor;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Dust;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.Grain;
import io.atelier.engine.ops.LightLeak;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.Sharpen;
import io.atelier.engine.ops.SplitTone;
import io.atelier.engine.ops.Steam;
import io.atelier.engine.ops.Text;
import io.atelier.engine.ops.TimeOfDay;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default planner: offline and deterministic. It splits an instruction into clauses and reads
 * each one by vocabulary — verbs, synonyms, intensities, colours, ratios, sides and tonal ranges —
 * not by matching whole sentences, so it carries over to phrasings it has not seen. Clauses that ask
 * for new objects are classified as synthesis; clauses that only state a goal, a reason or a
 * constraint ("…to create space for text", "keeping the cup in focus") are accepted without an
 * operation; anything else it cannot read is reported, never dropped.
 */
public final class RuleBasedPlanner implements Planner {
    public static final String NAME = "rule-based/2";

    private static final Pattern CLAUSE_SPLIT = Pattern.compile(
            "\\s*(?:[,;.!]|\\s-\\s|\\band then\\b|\\bthen\\b|\\band\\b|\\balso\\b|\\bplus\\b)\\s*");
    private static final Pattern HEADLINE = Pattern.compile("^(.+?)(?:\\s+-\\s+|:\\s+)(.+)$");
    private static final Pattern BY_METHOD = Pattern.compile("^(.+?)\\s+by\\s+(\\w+ing\\b.*)$");
    private static final Pattern RATIO = Pattern.compile("(\\d{1,3})\\s*(?::|x|×|by|/|to)\\s*(\\d{1,3})\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent|per cent)");
    private static final Pattern STOPS = Pattern.compile("(half|a third|one third|two thirds|a quarter|one quarter|three quarters|a|one|two|three|\\d(?:\\.\\d+)?)\\s*(?:-|\\s)?(?:of\\s+)?(?:an?\\s+)?stops?\\b");
    private static final Pattern DEGREES = Pattern.compile("(-?\\d{1,3}(?:\\.\\d+)?)\\s*(?:°|degrees?|deg)\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"“”']([^\"“”']{1,120})[\"“”']");

    private static final Pattern CROP_WORDS = Pattern.compile("\\b(crop|cut|ratio|aspect|format|frame|reframe|recompose|make it|turn it into|as an?|for an?|composition|square|portrait|landscape|story|reel|widescreen|banner)");
    private static final Pattern ROOM = Pattern.compile("\\b(breathing room|room|space|negative space|copy ?space|empty area|clear area)\\b");
    private static final Pattern MONO = Pattern.compile("\\b(black[- _]and[- _]white|black ?& ?white|b ?& ?w|b/w|monochrome|mono|grayscale|greyscale|gray ?scale|grey ?scale|noir|desaturate (?:it )?(?:completely|fully|entirely)|remove (?:all )?(?:the )?colou?rs?(?! cast| tint)|no colou?rs?|colou?rless)\\b");
    private static final Pattern WARM = Pattern.compile("\\b(warm(?:er|th|ing|ed)?|amber|cozier|cosier|cozy|cosy|sunnier|candle ?light|tungsten|less blu(?:e|ish))\\b");
    private static final Pattern COOL = Pattern.compile("\\b(cool(?:er|ing|ed)?|cold(?:er)?|icy|icier|blu(?:e|er|ish)|chill(?:ier|y)?|wintry|frosty|less (?:yellow|orange)(?:ish)?|(?:clean(?:er)?|neutral|true|crisp(?:er)?) whites|whites (?:look )?(?:clean(?:er)?|neutral))\\b");
    private static final Pattern LESS = Pattern.compile("\\b(less|reduce|decrease|lower|tone down|toned down|take down|take away|remove some|not so|too)\\b");
    private static final Pattern BRIGHT = Pattern.compile("\\b(bright(?:er|en|ness)?|lighten|lighter|lift(?: the)? exposure|more light|increase (?:the )?exposure|exposure up|raise (?:the )?exposure|overexpose|expose (?:it )?more|open up|bright)\\b");
    private static final Pattern DARK = Pattern.compile("\\b(dark(?:er|en|ening)?|dim(?:mer)?|moodier|underexpose|lower (?:the )?exposure|reduce (?:the )?exposure|decrease (?:the )?exposure|exposure down|less light|expose (?:it )?less|deepen(?:ing)?)\\b");
    private static final Pattern SLIGHT = Pattern.compile("\\b(slight(?:ly)?|a (?:little )?bit|a little|a touch|touch|subtl[ey]|gentl[ey]|barely|somewhat|mildly|a tad|tad|marginally|hint|soft(?:ly)?|faint|light(?:ly)? (?:dusting|touch))\\b");
    private static final Pattern STRONG = Pattern.compile("\\b(a lot|much|very|really|significantly|strongly|considerably|way|heavily|dramatically|far|lots|extremely|quite a bit|strong|heavy|intense|bold)\\b");

    private static final Pattern CONSTRAINT = Pattern.compile("^(?:while |but |whilst )?(keep(?:s|ing)?|ensur(?:e|es|ing)|making sure|make sure|leav(?:e|ing)|without (?:changing|touching|affecting)|preserv(?:e|ing)|don't (?:change|touch))\\b"
            + "|\\b(?:stays?|remains?|kept|is|in)\\s+(?:sharp(?:ly)? )?(?:in )?(?:focus|cent(?:er(?:ed)?|red?)|in frame|the same|untouched)\\b"
            + "|\\bin (?:sharp )?focus\\b|\\b(?:put|keep|place)s? (?:the )?focus on\\b");
    private static final Pattern RATIONALE = Pattern.compile("^(similar to|like|as in|as if|reminiscent of|evoking|giving|to give|for|so that|so|which|that|creating|to create|to make|making|adding|with the feel|in the style)\\b");
    private static final Pattern FILLER = Pattern.compile("\\b(please|could you|can you|i want|i'd like|id like|let's|lets|make|it|the|image|photo|picture|shot|a|an|bit|overall|scene|look|slightly|more|somewhat|to|of|just|keep|everything|else|same|now|too|visual|visually|fix|correct|them|that|this|please)\\b");

    // New content the built-in engine cannot paint: verbs that bring something in, and nouns for things.
    private static final Pattern ADD_VERB = Pattern.compile("^(?:please |now |also |then )?(add|place|put|include|insert|introduce|bring in|populate|scatter|surround|fill|show|replace|swap|change|remove|erase|delete|get rid of|take out)\\b");
    private static final Pattern EFFECT_NOUN = Pattern.compile("\\b(band|strip|stripe|bar|back ?light\\w*|rim light|light|lighting|sunlight|sunshine|sun|rays?|beams?|glow|bloom|haze|mist|fog|atmosphere|steam|vapou?r|smoke|wisps?|grain|noise|dust|particles|motes|specks|flare|leak|vignette|text|title|caption|headline|tagline|slogan|words|overlay|tint|wash|colou?rs?|gradient|shadows?|contrast|warmth|clarity|sharpness|blur|bokeh|depth of field|highlights|vibrance|saturation|space|room|tones?|palette|hue|cast|exposure|drama|texture|split ton\\w*|border)\\b");
    private static final Pattern THING_NOUN = Pattern.compile("\\b(hands?|fingers|arms?|person|people|man|woman|child|model|figure|face|expression|smile|sleeves?|sweater|plant|pot|flowers?|beans?|card|props?|objects?|elements?|layers?|foreground|midground|table|book|laptop|saucer|spoon|cookie|croissant|pastry|napkin|leaves|tree|window|lamp|logo|sign|bottle|glass|cup|mug|product|context|scene|setting|café|cafe|kitchen|room|lifestyle|in use)\\b");
    // Changing or adding body parts, clothes or expressions is generative, whatever the verb.
    private static final Pattern HUMAN_DETAIL = Pattern.compile("\\b(smile|smiling|expression|pose|posture|gesture|hands?|fingers|sleeves?|sweater|eyes open|hair(?:style)?|outfit|clothes)\\b");
    // "Create a clean lifestyle background", "build a kitchen scene": staging a new set is painting, not editing.
    private static final Pattern STAGING = Pattern.compile("^(?:create|build|design|set up|stage|style|make)\\b.*\\b(lifestyle|scene|setting|context|props|objects|elements|environment)\\b"
            + "|^(?:make|turn) the (?:table|surface|wall|floor|background|backdrop|cup|mug) (?:look )?(?:like |into )?(?:an? )?(?:wood(?:en)?|rustic|marble|concrete|stone|metal|glass|linen)\\b");
    private static final Pattern HUMAN = Pattern.compile("\\b(hands?|fingers|person|people|man|woman|child|model|figure|face|expression|smile|sleeves?|sweater)\\b");

    @Override
    public PlanOutcome plan(String instruction) {
        String text = normalise(instruction);
        long seed = instruction.strip().hashCode() & 0xFFFFFFFFL;
        Reading reading = new Reading(seed);
        reading.original = instruction;
        for (String part : headlineSplit(protectPhrases(text))) {
            readPart(part, reading);
        }
        if (!reading.synthesis.isEmpty()) {
            // Once something is to be painted in, unread clauses describe it ("hands should be relaxed").
            reading.synthesis.addAll(reading.notUnderstood);
            reading.notUnderstood.clear();
        }
        return new PlanOutcome(EditPlan.of(instruction, NAME, reading.operations), reading.notUnderstood, reading.synthesis,
                reading.missing);
    }

    @Override
    public String capabilities() {
        return "I can change light (brighter/darker by % or stops, warmer/cooler, golden hour, morning, overcast, light from a side, "
                + "contrast, highlights and shadows, vignette, glow, haze), framing (crop to 1:1, 4:5, 16:9, 9:16 / Instagram story, "
                + "room on a side for text, rotate, straighten by an angle, flip), colour (saturation, vibrance, black and white, "
                + "earthy/pastel/teal-and-orange grades, a colour overlay or gradient on a region, text in quotes), focus (background blur, "
                + "sharpen, clarity) and finish (film grain, dust in the light, light leak, lens flare, steam) — on the whole image, "
                + "the subject, the background, a side or third, or only the highlights/shadows.";
    }

    /** What the clauses of one instruction have produced so far. */
    private static final class Reading {
        final long seed;
        String original = "";
        final List<Operation> operations = new ArrayList<>();
        final List<String> notUnderstood = new ArrayList<>();
        final List<String> synthesis = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        boolean subjectMentioned;
        String pendingHeadline;

        Reading(long seed) {
            this.seed = seed;
        }
    }

    // "Establish a clear hierarchy - subject in focus, background softened": the part after the dash or
    // colon says how; the headline before it is read only if the rest gives nothing.
    private static List<String> headlineSplit(String text) {
        Matcher m = HEADLINE.matcher(text);
        if (m.matches() && !m.group(1).matches(".*\\d$")) {
            return List.of("\u0000" + m.group(1), m.group(2));
        }
        return List.of(text);
    }

    private void readPart(String part, Reading reading) {
        boolean headline = part.startsWith("\u0000");
        String body = headline ? part.substring(1) : part;
        if (headline) {
            Reading trial = new Reading(reading.seed);
            trial.original = reading.original;
            readClauses(body, trial);
            if (trial.notUnderstood.isEmpty() && trial.synthesis.isEmpty() && trial.missing.isEmpty()) {
                merge(trial, reading);
            } else {
                reading.pendingHeadline = body;
            }
            return;
        }
        int before = reading.operations.size();
        readClauses(body, reading);
        if (reading.pendingHeadline != null && reading.operations.size() == before) {
            reading.notUnderstood.add(reading.pendingHeadline);
        }
        reading.pendingHeadline = null;
    }

    private static void merge(Reading from, Reading into) {
        into.operations.addAll(from.operations);
        into.notUnderstood.addAll(from.notUnderstood);
        into.synthesis.addAll(from.synthesis);
        into.missing.addAll(from.missing);
        into.subjectMentioned |= from.subjectMentioned;
    }

    private void readClauses(String text, Reading reading) {
        boolean previousWasSynthesis = false;
        for (String raw : CLAUSE_SPLIT.split(text)) {
            String clause = raw.replace('_', ' ').replace('#', '.').replace('\u0001', '#').trim();
            if (clause.isEmpty() || FILLER.matcher(clause).replaceAll("").replaceAll("[^a-z0-9#\"]", "").isBlank()) {
                continue;
            }
            if (RegionReader.SUBJECT.matcher(clause).find() || clause.matches(".*\\bcent(?:er(?:ed)?|red?)\\b.*")) {
                reading.subjectMentioned = true;
                anchorCropsOnSubject(reading);
            }
            boolean continuation = previousWasSynthesis && !ADD_VERB.matcher(clause).find() && !startsWithVerb(clause);
            if (continuation || isSynthesis(clause) || HUMAN_DETAIL.matcher(clause).find()) {
                reading.synthesis.add(clause);
                previousWasSynthesis = true;
                continue;
            }
            previousWasSynthesis = false;
            if (CONSTRAINT.matcher(clause).find() && !BY_METHOD.matcher(clause).matches() && !ROOM.matcher(clause).find()) {
                continue; // "keeping the cup in focus", "ensuring the subject stays centred": satisfied by region-limited edits
            }
            boolean rationale = RATIONALE.matcher(clause).lookingAt();
            Operation previous = reading.operations.isEmpty() ? null : reading.operations.get(reading.operations.size() - 1);
            if (rationale && previous instanceof DirectionalLight light && shadowOf(clause) > 0) {
                // "…from the left, creating gentle shadows across the table": the light's own shadows
                reading.operations.set(reading.operations.size() - 1, new DirectionalLight(light.from(), light.strength(),
                        light.colour(), light.softness(), shadowOf(clause)));
                continue;
            }
            if (rationale && !reading.operations.isEmpty()) {
                continue; // "…, similar to late afternoon sun", "to create space for text": why, not a second edit
            }
            if (extendsPrevious(clause, reading)) {
                continue;
            }
            List<Operation> ops = readClauseWithMethod(clause, reading);
            if (!ops.isEmpty()) {
                for (Operation op : ops) {
                    addMerged(op, clause, reading);
                }
            } else if (!reading.missing.isEmpty() && reading.missing.get(reading.missing.size() - 1).startsWith(clause)) {
                continue; // understood, but a fact is missing (recorded by the reader)
            } else if (HUMAN.matcher(clause).find() || (ADD_VERB.matcher(clause).find() && THING_NOUN.matcher(clause).find())
                    || STAGING.matcher(clause).find()) {
                reading.synthesis.add(clause);
                previousWasSynthesis = true;
            } else if (rationale) {
                continue;
            } else {
                reading.notUnderstood.add(clause);
            }
        }
    }

    // "…room on the left for a headline, 16:9": the ratio said apart still belongs to the reframe.
    private static void addMerged(Operation op, String clause, Reading reading) {
        List<Operation> ops = reading.operations;
        Operation last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
        if (op instanceof CropToAspect crop && last instanceof Reframe r) {
            ops.set(ops.size() - 1, new Reframe(crop.width(), crop.height(), r.roomOn(), r.room()));
        } else if (op instanceof Reframe r && last instanceof CropToAspect crop
                && !RATIO.matcher(clause).find() && namedAspect(clause).isEmpty()) {
            ops.set(ops.size() - 1, new Reframe(crop.width(), crop.height(), r.roomOn(), r.room()));
        } else {
            ops.add(op);
        }
    }

    // "grade toward sage, cream and terracotta": a clause of only colours continues the previous colour edit.
    private static boolean extendsPrevious(String clause, Reading reading) {
        List<Rgb> colours = ColourNames.find(clause);
        if (colours.isEmpty() || reading.operations.isEmpty()) {
            return false;
        }
        String rest = clause;
        for (String word : clause.split("\\s+")) {
            if (!ColourNames.find(word).isEmpty() || word.matches("(and|or|a|an|the|some|soft|light|dark|#.*)")) {
                rest = rest.replaceFirst(Pattern.quote(word), "");
            }
        }
        if (!rest.isBlank()) {
            return false;
        }
        int last = reading.operations.size() - 1;
        Operation previous = reading.operations.get(last);
        if (previous instanceof PaletteGrade p && p.palette().size() + colours.size() <= 12) {
            List<Rgb> palette = new ArrayList<>(p.palette());
            palette.addAll(colours);
            reading.operations.set(last, new PaletteGrade(p.name(), palette, p.strength(), p.region()));
            return true;
        }
        if (previous instanceof Gradient g) {
            reading.operations.set(last, new Gradient(g.from(), colours.get(0), g.start(), g.opacity(), g.region()));
            return true;
        }
        return false;
    }

    private static boolean startsWithVerb(String clause) {
        return clause.matches("^(make|give|warm|cool|crop|blur|sharpen|brighten|darken|increase|reduce|boost|lift|deepen|add|turn|set|create|apply|use|grade).*");
    }

    private static void anchorCropsOnSubject(Reading reading) {
        reading.operations.replaceAll(op -> op instanceof CropToAspect c && c.anchor() == Anchor.CENTRE
                ? new CropToAspect(c.width(), c.height(), Anchor.SUBJECT) : op);
    }

    // "Add a plant in a pot near the cup": a verb that brings something in, whose object is a thing, not an effect.
    private static boolean isSynthesis(String clause) {
        Matcher verb = ADD_VERB.matcher(clause);
        if (!verb.find()) {
            return false;
        }
        String v = verb.group(1);
        String object = clause.substring(verb.end()).split("\\b(on|onto|to|in|into|near|next to|beside|around|behind|over|at|from|leaning|holding|with|across|that|which|rising|coming)\\b", 2)[0];
        if (v.equals("remove") || v.equals("erase") || v.equals("delete") || v.equals("get rid of") || v.equals("take out")) {
            return !object.matches(".*\\b(colou?rs?|tint|cast|saturation|grain|noise|vignette|haze|blur|warmth)\\b.*");
        }
        if (v.equals("replace") || v.equals("swap") || v.equals("change")) {
            String with = clause.contains(" with ") ? clause.substring(clause.indexOf(" with ") + 6)
                    : clause.contains(" to ") ? clause.substring(clause.indexOf(" to ") + 4) : "";
            boolean toColour = with.matches(".*\\b(gradient|colou?r|plain|solid|backdrop)\\b.*") || !ColourNames.find(with).isEmpty();
            return object.matches(".*\\b(background|backdrop|setting|scene|table|sky|wall)\\b.*") && !toColour
                    || HUMAN.matcher(object).find();
        }
        if (EFFECT_NOUN.matcher(object).find()) {
            return false;
        }
        return THING_NOUN.matcher(object).find() || object.matches(".*\\b(an?|some|few|several|two|three|pair of|scattered|small|little|big|large)\\b.*");
    }

    // "Increase the contrast between subject and background by deepening the shadow on the right":
    // the method is the edit; the goal is read only if the method is not understood.
    private List<Operation> readClauseWithMethod(String clause, Reading reading) {
        Matcher by = BY_METHOD.matcher(clause);
        if (by.matches() && !RATIO.matcher(clause).find()) {
            List<Operation> method = readClause(by.group(2), reading);
            if (!method.isEmpty()) {
                return method;
            }
            return readClause(by.group(1), reading);
        }
        return readClause(clause, reading);
    }

    private List<Operation> readClause(String clause, Reading reading) {
        double intensity = intensity(clause);
        Region region = RegionReader.read(clause);

        Optional<List<Operation>> geometry = readGeometry(clause, reading);
        if (geometry.isPresent()) {
            return geometry.get();
        }
        if ((clause.matches(".*\\b(text|title|caption|headline|tagline|slogan|words?|lettering|label)\\b.*")
                && (QUOTED.matcher(clause).find() || clause.matches(".*\\b(saying|reading|that says|which says)\\b.*")))
                || (clause.matches("^(?:please )?(write|type|print|spell out|letter|caption it|title it)\\b.*") && QUOTED.matcher(clause).find())) {
            return readText(clause, reading.original);
        }
        if (clause.matches(".*\\b(text|title|caption|headline|tagline|slogan)\\b.*") && ADD_VERB.matcher(clause).find()
                && !clause.matches(".*\\b(space|room)\\b.*")) {
            reading.missing.add(clause + ": what the text should say — put it in quotes, e.g. add the title \"Fresh Roast\" at the top");
            return List.of();
        }
        if ((clause.matches(".*\\b(overlay|wash|colou?r (?:band|block|field)|tint)\\b.*")
                || clause.matches(".*\\b(band|strip|bar|stripe)\\b.*") && !ColourNames.find(clause).isEmpty())
                && !clause.matches(".*\\b(colou?r cast)\\b.*")) {
            return colourOp(clause, reading, false, intensity);
        }
        if (clause.matches(".*\\bgradient\\b.*") || clause.matches(".*\\breplace the (background|backdrop)\\b.*")) {
            return colourOp(clause, reading, true, intensity);
        }
        if (MONO.matcher(clause).find()) {
            return List.of(new Monochrome(region));
        }
        Optional<Operation> palette = readPalette(clause, reading, intensity);
        if (palette.isPresent()) {
            return List.of(palette.get());
        }
        if (clause.matches(".*\\bsplit[- ]?ton(e|ed|ing)\\b.*")) {
            List<Rgb> colours = ColourNames.find(clause);
            Rgb hi = colours.size() > 0 ? colours.get(0) : Rgb.parse("#ffb070");
            Rgb lo = colours.size() > 1 ? colours.get(1) : Rgb.parse("#4a78b0");
            return List.of(new SplitTone(hi, lo, clamp01(0.5 * intensity)));
        }
        Optional<List<Operation>> polish = readPolish(clause, reading, intensity, region);
        if (polish.isPresent()) {
            return polish.get();
        }
        Optional<Operation> light = readDirectionalLight(clause, intensity);
        if (light.isPresent()) {
            return List.of(light.get());
        }
        if (clause.matches(".*\\b(fog|foggy|mist|misty|haze|hazy)\\b.*")) {
            return List.of(new Glow(Glow.Kind.HAZE, clamp(35 * intensity, 100), region)); // "morning fog" is fog
        }
        Optional<Operation> time = readTimeOfDay(clause, intensity);
        if (time.isPresent()) {
            return List.of(time.get());
        }
        Optional<List<Operation>> emphasis = readEmphasis(clause, intensity);
        if (emphasis.isPresent()) {
            return emphasis.get();
        }
        Optional<List<Operation>> focus = readFocus(clause, intensity, region);
        if (focus.isPresent()) {
            return focus.get();
        }
        Optional<Operation> tones = readToneRecovery(clause, intensity);
        if (tones.isPresent()) {
            return List.of(tones.get());
        }
        if (clause.matches(".*\\b(less green|more magenta|green(?:ish)? (?:cast|tint))\\b.*")) {
            return List.of(new WhiteBalance(0, clamp(20 * intensity, 100), region));
        }
        if (clause.matches(".*\\b(less magenta|more green|(?:magenta|pink)(?:ish)? (?:cast|tint))\\b.*")) {
            return List.of(new WhiteBalance(0, clamp(-20 * intensity, 100), region));
        }
        if (clause.matches(".*\\b(colou?r cast|white balance|wb)\\b.*") && !WARM.matcher(clause).find() && !COOL.matcher(clause).find()) {
            reading.missing.add(clause + ": which way the cast goes — say 'cooler' to take out a yellow or orange cast, "
                    + "'warmer' for a blue one, or 'less green' / 'less magenta'");
            return List.of();
        }
        if (WARM.matcher(clause).find() && !clause.matches(".*\\bwarm (?:earth|tones|palette)\\b.*")) {
            return List.of(new WhiteBalance(clamp((negated(clause, WARM) ? -1 : 1) * 25 * intensity, 100), 0, region));
        }
        if (COOL.matcher(clause).find()) {
            return List.of(new WhiteBalance(clamp((negated(clause, COOL) ? 1 : -1) * 25 * intensity, 100), 0, region));
        }
        Optional<Operation> colour = readColourAmount(clause, intensity, region);
        if (colour.isPresent()) {
            return List.of(colour.get());
        }
        if (clause.matches(".*\\b(vignette|darken(?:ed)? (?:the )?(?:corners|edges)|dark(?:er)? (?:corners|edges)|burn(?:ed)? edges)\\b.*")) {
            double amount = (negated(clause, Pattern.compile("vignette")) ? 1 : -1) * clamp(35 * intensity, 100);
            return List.of(new Vignette(amount, 0.35, reading.subjectMentioned || RegionReader.SUBJECT.matcher(clause).find()));
        }
        if (clause.matches(".*\\b(glow(?:ing|y)?|bloom|dreamy|ethereal|radiant)\\b.*")) {
            return List.of(new Glow(Glow.Kind.GLOW, clamp(35 * intensity, 100), region));
        }
        if (clause.matches(".*\\b(haze|hazy|mist|misty|fog|foggy|atmospheric|atmosphere|airy|airier)\\b.*")) {
            return List.of(new Glow(Glow.Kind.HAZE, clamp(35 * intensity, 100), region));
        }
        if (clause.matches(".*\\b(contrast|contrasty|punch(?:y|ier)?|flat(?:ter)?|crisp(?:er)?|dramatic|drama|more depth)\\b.*")) {
            if (clause.matches(".*\\bcontrast between\\b.*") && BACKGROUND.matcher(clause).find() || clause.matches(".*\\bcontrast between\\b.*(subject|product|cup)\\b.*")) {
                return subjectAgainstBackground(clause, intensity);
            }
            boolean lower = clause.matches(".*\\b(flat(?:ter)?|less contrast|lower(?:ing)? (?:the )?contrast|reduce (?:the )?contrast|soft(?:er)? contrast|low[- ]contrast)\\b.*");
            return List.of(new Contrast(clamp((lower ? -1 : 1) * 25 * intensity, 100), region));
        }
        boolean bright = BRIGHT.matcher(clause).find();
        boolean dark = DARK.matcher(clause).find();
        if (bright || dark) {
            if (clause.matches(".*\\b(bright|brighter)\\b.*\\b(dark|darker)\\b.*") && BACKGROUND.matcher(clause).find()) {
                return subjectAgainstBackground(clause, intensity);
            }
            double base = bright && !dark ? 1 : -1;
            double sign = negated(clause, bright && !dark ? BRIGHT : DARK) ? -base : base;
            double stops = explicitStops(clause).orElseGet(() -> percentStops(clause, sign).orElse(0.5 * intensity));
            return List.of(new Exposure(clamp(sign * Math.abs(stops), 4), region));
        }
        return List.of();
    }

    private static final Pattern BACKGROUND = RegionReader.BACKGROUND;

    // ---------------------------------------------------------------- composition

    private Optional<List<Operation>> readGeometry(String clause, Reading reading) {
        Matcher ratio = RATIO.matcher(clause);
        Optional<int[]> aspect = ratio.find() && (CROP_WORDS.matcher(clause).find() || clause.strip().equals(ratio.group().strip())
                || ROOM.matcher(clause).find())
                ? Optional.of(new int[] {Integer.parseInt(ratio.group(1)), Integer.parseInt(ratio.group(2))}).filter(a -> a[0] >= 1 && a[1] >= 1 && a[0] <= 100 && a[1] <= 100)
                : namedAspect(clause);
        Matcher roomSide = Pattern.compile("\\b(?:room|space|negative space|copy ?space|empty area|clear area)\\b.*?\\b(?:on|at|to)\\s+(?:the\\s+)?(left|right|top|bottom|upper|lower)\\b").matcher(clause);
        if (roomSide.find()) {
            Edge edge = RegionReader.edge(roomSide.group(1), null).orElse(Edge.RIGHT);
            int[] a = aspect.orElse(edge == Edge.TOP || edge == Edge.BOTTOM ? new int[] {4, 5} : new int[] {16, 9});
            double room = clause.matches(".*\\b(lots of|plenty of|generous|wide|large)\\b.*") ? 0.5 : 0.4;
            return Optional.of(List.of(new Reframe(a[0], a[1], edge, room)));
        }
        if (aspect.isPresent()) {
            Anchor anchor = reading.subjectMentioned || RegionReader.SUBJECT.matcher(clause).find()
                    || clause.matches(".*\\bcent(?:er(?:ed)?|red?)\\b.*") ? Anchor.SUBJECT : cropAnchor(clause);
            return Optional.of(List.of(new CropToAspect(aspect.get()[0], aspect.get()[1], anchor)));
        }
        if (clause.matches(".*\\b(flip|mirror)(?:ed|ping)?\\b.*")) {
            return Optional.of(List.of(new Flip(!clause.matches(".*\\b(vertical(?:ly)?|upside down|top to bottom)\\b.*"))));
        }
        if (clause.matches(".*\\b(straighten|level|fix the (?:tilt|horizon)|tilt(?:ed)?|rotate|turn (?:it )?(?:left|right|clockwise|anticlockwise|counter-?clockwise|upside down|\\d+)|upside down)\\b.*")) {
            Matcher deg = DEGREES.matcher(clause);
            boolean anticlockwise = clause.matches(".*\\b(anti-?clockwise|counter-?clockwise|left|ccw)\\b.*");
            if (deg.find()) {
                double d = Double.parseDouble(deg.group(1)) * (anticlockwise ? -1 : 1);
                boolean straighten = Math.abs(d) % 90 != 0;
                return Optional.of(List.of(new Rotate(Math.max(-180, Math.min(180, d)), straighten)));
            }
            if (clause.matches(".*\\bupside down\\b.*")) {
                return Optional.of(List.of(new Rotate(180, false)));
            }
            if (clause.matches(".*\\b(rotate|turn)\\b.*\\b(left|right|clockwise|anti-?clockwise|counter-?clockwise)\\b.*")) {
                return Optional.of(List.of(new Rotate(anticlockwise ? -90 : 90, false)));
            }
            reading.missing.add(clause + ": the angle — say how many degrees and which way, e.g. straighten by 2 degrees clockwise");
            return Optional.of(List.of());
        }
        return Optional.empty();
    }

    private static Anchor cropAnchor(String clause) {
        Matcher keep = Pattern.compile("\\b(?:keep(?:ing)?|favou?r(?:ing)?|toward|towards|on|from)\\s+(?:the\\s+)?(left|right|top|bottom|upper|lower)\\b").matcher(clause);
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

    private static Optional<int[]> namedAspect(String clause) {
        if (clause.matches(".*\\b(instagram|ig|insta)\\s+(story|stories|reels?)\\b.*")
                || clause.matches(".*\\b(story|stories|reels?|tiktok|shorts|phone wallpaper|vertical video)\\b.*")) {
            return Optional.of(new int[] {9, 16});
        }
        if (clause.matches(".*\\b(instagram|ig|insta)( post| feed| portrait)?\\b.*") && !clause.contains("square")) {
            return Optional.of(new int[] {4, 5});
        }
        if (clause.matches(".*\\bsquare\\b.*")) {
            return Optional.of(new int[] {1, 1});
        }
        if (clause.matches(".*\\b(pinterest|pin)\\b.*") && CROP_WORDS.matcher(clause).find()) {
            return Optional.of(new int[] {2, 3});
        }
        if (clause.matches(".*\\b(widescreen|wide screen|youtube|cinematic crop|landscape|banner|hd|website hero|hero banner)\\b.*")
                && CROP_WORDS.matcher(clause).find()) {
            return Optional.of(new int[] {16, 9});
        }
        if (clause.matches(".*\\bportrait\\b.*") && CROP_WORDS.matcher(clause).find()) {
            return Optional.of(new int[] {4, 5});
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- colour and brand

    private List<Operation> readText(String clause, String original) {
        Matcher q = QUOTED.matcher(clause);
        String words;
        if (q.find()) {
            words = q.group(1).strip();
            // the words as the person typed them, not lower-cased
            Matcher asTyped = QUOTED.matcher(original);
            while (asTyped.find()) {
                if (asTyped.group(1).strip().toLowerCase(Locale.ROOT).equals(words)) {
                    words = asTyped.group(1).strip();
                    break;
                }
            }
        } else {
            Matcher says = Pattern.compile("\\b(?:saying|reading|that says|which says)\\s+(.+?)(?:\\s+(?:on|at|in|across|along)\\s+the\\b.*)?$").matcher(clause);
            words = says.find() ? says.group(1).strip() : "";
            int at = original.toLowerCase(Locale.ROOT).indexOf(words);
            if (!words.isEmpty() && at >= 0) {
                words = original.substring(at, at + words.length()); // as typed
            }
        }
        String where = QUOTED.matcher(clause).replaceAll(" ");
        Text.Placement placement = where.matches(".*\\b(top|upper|above)\\b.*") ? Text.Placement.TOP
                : where.matches(".*\\b(bottom|lower|below)\\b.*") ? Text.Placement.BOTTOM
                : where.matches(".*\\bleft\\b.*") ? Text.Placement.LEFT
                : where.matches(".*\\bright\\b.*") ? Text.Placement.RIGHT
                : where.matches(".*\\b(centre|center|middle)\\b.*") ? Text.Placement.CENTRE
                : Text.Placement.AUTO;
        List<Rgb> colours = ColourNames.find(where);
        String colour = colours.isEmpty() ? "auto" : colours.get(0).hex();
        double size = where.matches(".*\\b(large|big|huge|bold)\\b.*") ? 0.1 : where.matches(".*\\b(small|tiny|subtle)\\b.*") ? 0.04 : 0.06;
        return words.isEmpty() ? List.of() : List.of(new Text(words, placement, colour, size));
    }

    private List<Operation> colourOp(String clause, Reading reading, boolean gradient, double intensity) {
        List<Rgb> colours = ColourNames.find(clause.replaceAll("\\b(background|backdrop)\\b", ""));
        Region region = RegionReader.read(clause);
        if (gradient && clause.matches(".*\\b(background|backdrop)\\b.*")) {
            region = new Region.Background();
        }
        if (colours.isEmpty()) {
            String why = clause.matches(".*\\bbrand(?:ed)?\\b.*")
                    ? ": your brand colours — no brand kit is set, so name them, e.g. in forest green and cream, or #2f5d3a and #f3ead7"
                    : ": which colour — name it (e.g. forest green, terracotta) or give a hex code such as #2f5d3a";
            reading.missing.add(clause + why);
            return List.of();
        }
        boolean replace = clause.matches(".*\\b(replace|clean|plain|solid)\\b.*");
        double opacity = replace ? 0.92 : clamp01(clause.matches(".*\\b(subtle|slight|soft|faint|light|gentle)\\b.*") ? 0.35
                : clause.matches(".*\\b(strong|bold|solid|heavy|opaque)\\b.*") ? 0.7 : 0.4 * Math.min(1.5, intensity));
        if (gradient) {
            Rgb from = colours.get(0);
            Rgb to = colours.size() > 1 ? colours.get(1) : mixWithWhite(from);
            Edge start = RegionReader.direction(clause).orElse(Edge.TOP);
            return List.of(new Gradient(from, to, start, opacity, region));
        }
        if (region instanceof Region.Side side && clause.matches(".*\\b(band|strip|stripe|bar)\\b.*")) {
            region = new Region.Side(side.edge(), clause.matches(".*\\b(thin|narrow|slim)\\b.*") ? 0.1 : 0.2); // a band is narrower than a third
        }
        if (region instanceof Region.Whole && !clause.matches(".*\\b(whole|entire|all over|everything)\\b.*") && clause.contains("overlay")) {
            region = new Region.Side(Edge.TOP, 1 / 3.0); // a brand band defaults to the top third, where text usually goes
        }
        return List.of(new ColourOverlay(colours.get(0), opacity, region));
    }

    private static Rgb mixWithWhite(Rgb c) {
        return new Rgb((c.red() + 255 * 2) / 3, (c.green() + 255 * 2) / 3, (c.blue() + 255 * 2) / 3);
    }

    private Optional<Operation> readPalette(String clause, Reading reading, double intensity) {
        double strength = clamp01(0.45 * intensity);
        Region region = RegionReader.read(clause);
        if (clause.matches(".*\\b(earth(?:y)?(?: tones?| colou?rs?| palette)?|warm earth|natural tones|terracotta (?:tones|palette))\\b.*")
                && !clause.matches(".*\\b(card|pot|plant)\\b.*")) {
            return Optional.of(new PaletteGrade("earthy", List.of(Rgb.parse("#7b5234"), Rgb.parse("#c8643b"),
                    Rgb.parse("#d8c3a0"), Rgb.parse("#6b7a3a"), Rgb.parse("#e3d5b8")), strength, region));
        }
        if (clause.matches(".*\\b(teal and orange|teal[- ]orange|orange and teal|blockbuster)\\b.*")) {
            return Optional.of(new PaletteGrade("teal and orange", List.of(Rgb.parse("#1f8a8a"), Rgb.parse("#f28c28")),
                    strength, region));
        }
        if (clause.matches(".*\\bpastels?\\b.*")) {
            return Optional.of(new PaletteGrade("pastel", List.of(Rgb.parse("#f4c2c2"), Rgb.parse("#b5d8eb"),
                    Rgb.parse("#c9e4c5"), Rgb.parse("#f7e7b4")), strength, region));
        }
        if (clause.matches(".*\\b(palette|colou?r grade|grade (?:it |the \\w+ )?(?:toward|towards|to|in|with))\\b.*")
                || clause.matches(".*\\bbrand(?:ed)? colou?rs?\\b.*")) {
            List<Rgb> colours = ColourNames.find(clause);
            if (colours.isEmpty()) {
                reading.missing.add(clause + (clause.matches(".*\\bbrand(?:ed)?\\b.*")
                        ? ": your brand colours — no brand kit is set, so name them, e.g. grade toward terracotta, sand and olive"
                        : ": the palette colours — name them, e.g. grade toward terracotta, sand and olive"));
                return Optional.empty();
            }
            return Optional.of(new PaletteGrade("custom", colours, strength, region));
        }
        return Optional.empty();
    }

    private static Optional<Operation> readColourAmount(String clause, double intensity, Region region) {
        if (clause.matches(".*\\b(reds|greens|blues|yellows|oranges|purples|pinks|magentas|cyans|teals|skin tones?)\\b.*")) {
            return Optional.empty(); // one hue family only: there is no operation for that, so it is reported, not spread over everything
        }
        Matcher pct = PERCENT.matcher(clause);
        double explicit = pct.find() ? Math.min(100, Double.parseDouble(pct.group(1))) : -1;
        if (clause.matches(".*\\b(vibran(?:t|ce)|vivid|colou?rful|pop(?:ping)? colou?rs?|colou?rs? pop|richer colou?rs?|juicier)\\b.*")
                || clause.matches(".*\\bpop\\b.*\\bcolou?rs?\\b.*")) {
            boolean less = clause.matches(".*\\b(less|reduce|lower|tone down|not so|too)\\b.*");
            return Optional.of(new Vibrance(clamp((less ? -1 : 1) * 35 * intensity, 100), region));
        }
        if (clause.matches(".*\\b(saturat\\w*|desaturat\\w*|muted|mute|washed[- ]out|less colou?rful|more colou?r|richer|dull(?:er)?)\\b.*")) {
            boolean less = clause.matches(".*\\b(desaturat\\w*|muted|mute|washed[- ]out|less|reduce|lower|dull(?:er)?|tone down)\\b.*");
            return Optional.of(new Saturation(clamp((less ? -1 : 1) * (explicit > 0 ? explicit : 30 * intensity), 100), region));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- light and atmosphere

    private static Optional<Operation> readDirectionalLight(String clause, double intensity) {
        if (!clause.matches(".*\\b(light|lighting|sunlight|sunshine|sun|rays?|beams?|window light|lit|glow|back ?light\\w*|back ?lit)\\b.*")) {
            return Optional.empty();
        }
        Optional<Edge> from = RegionReader.direction(clause);
        if (from.isEmpty() && clause.matches(".*\\b(back ?light\\w*|back ?lit|rim light\\w*|light from behind)\\b.*")) {
            from = Optional.of(Edge.TOP); // behind the subject, seen from the camera: light spilling over the top
        }
        boolean directional = clause.matches(".*\\b(from|streaming|falling|coming|pouring|window|side ?light|raking|directional|back ?light\\w*|back ?lit|rim light\\w*|behind)\\b.*");
        if (from.isEmpty() || !directional) {
            return Optional.empty();
        }
        Rgb colour = clause.matches(".*\\b(golden|sunset|late afternoon|evening)\\b.*") ? Rgb.parse("#ffb45e")
                : clause.matches(".*\\b(morning|sunrise|dawn|early)\\b.*") ? Rgb.parse("#ffe0b5")
                : clause.matches(".*\\b(cool|blue|moon ?light|overcast|north)\\b.*") ? Rgb.parse("#cfe0ff")
                : clause.matches(".*\\b(warm|sun|sunlight|sunshine)\\b.*") ? Rgb.parse("#ffd7a8")
                : ColourNames.find(clause).stream().findFirst().orElse(Rgb.parse("#fff4e6"));
        double softness = clause.matches(".*\\b(hard|harsh|crisp|strong shadows|dramatic)\\b.*") ? 0.25
                : clause.matches(".*\\b(soft|gentle|diffused?|subtle)\\b.*") ? 0.8 : 0.6;
        double strength = clamp(0.8 * (clause.matches(".*\\b(soft|gentle)\\b.*") && intensity == 0.5 ? 1 : intensity), 2);
        // "casting shadows", "creating gentle shadows across the table": the subject's shadow is part of the light
        double shadow = shadowOf(clause);
        return Optional.of(new DirectionalLight(from.get(), strength, colour, softness, shadow));
    }

    private static double shadowOf(String clause) {
        if (!clause.matches(".*\\bshadows?\\b.*")) {
            return 0;
        }
        return clause.matches(".*\\b(gentle|soft|subtle|faint)\\b.*") ? 0.45 : clause.matches(".*\\b(strong|deep|long|dramatic|hard)\\b.*") ? 0.9 : 0.7;
    }

    private static Optional<Operation> readTimeOfDay(String clause, double intensity) {
        TimeOfDay.Mood mood;
        if (clause.matches(".*\\b(golden[- ]hour|golden light|sunset|late afternoon|magic hour|golden)\\b.*")) {
            mood = TimeOfDay.Mood.GOLDEN_HOUR;
        } else if (clause.matches(".*\\b(blue hour|dusk|twilight|evening light)\\b.*")) {
            mood = TimeOfDay.Mood.BLUE_HOUR;
        } else if (clause.matches(".*\\b(overcast|cloudy|grey day|gray day|rainy|diffuse[d]? daylight)\\b.*")) {
            mood = TimeOfDay.Mood.OVERCAST;
        } else if (clause.matches(".*\\b(morning|sunrise|dawn|early light|breakfast light)\\b.*")) {
            mood = TimeOfDay.Mood.MORNING;
        } else if (clause.matches(".*\\b(midday|noon|harsh sun|high sun|bright daylight)\\b.*")) {
            mood = TimeOfDay.Mood.MIDDAY;
        } else {
            return Optional.empty();
        }
        return Optional.of(new TimeOfDay(mood, clamp01(0.7 * intensity)));
    }

    private static Optional<Operation> readToneRecovery(String clause, double intensity) {
        Matcher m = Pattern.compile("\\b(deepen\\w*|darken\\w*|crush\\w*|lower\\w*|reduce\\w*|lift\\w*|open\\w*(?: up)?|brighten\\w*|recover\\w*|tame\\w*|pull\\w* (?:back|down)|boost\\w*|raise\\w*|bring\\w* (?:up|down|back)|rescue\\w*|soften\\w*)\\s+(?:the\\s+|in\\s+the\\s+)?(shadows?|highlights?|blacks|whites|blown[- ]out (?:areas|highlights)|dark areas|bright areas)\\b").matcher(clause);
        Matcher passive = Pattern.compile("\\b(shadows?|highlights?|whites)\\s+(?:are\\s+|look\\s+)?(deeper|darker|lifted|brighter|recovered|tamed|lower|softer|blown(?: out)?|clipped|too bright|overexposed|blocked(?: up)?|crushed|too dark)\\b").matcher(clause);
        String verb;
        String target;
        if (m.find()) {
            verb = m.group(1);
            target = m.group(2);
        } else if (passive.find()) {
            verb = passive.group(2);
            target = passive.group(1);
        } else {
            return Optional.empty();
        }
        // "blown out", "too bright" describe the problem: the fix goes the other way
        boolean down = verb.matches("(deepen|darken|crush|lower|reduce|recover|tame|pull|bring\\w* down|rescue|soften|deeper|darker|recovered|tamed|softer|blown|clipped|too bright|overexposed).*")
                && !(target.startsWith("shadow") && verb.matches("(crushed|blocked|too dark).*"));
        if (target.startsWith("shadow") && verb.matches("(crushed|blocked.*|too dark)")) {
            down = false;
        }
        double amount = clamp(40 * intensity, 100) * (down ? -1 : 1);
        Region region = RegionReader.side(clause).orElseGet(() -> BACKGROUND.matcher(clause).find() ? new Region.Background() : Region.WHOLE);
        boolean shadows = target.startsWith("shadow") || target.startsWith("black") || target.startsWith("dark");
        return Optional.of(new ToneRecovery(shadows ? 0 : amount, shadows ? amount : 0, region));
    }

    // "Draws the eye to the product", "make the cup pop": light the subject's surroundings down.
    private static Optional<List<Operation>> readEmphasis(String clause, double intensity) {
        if (!clause.matches(".*\\b(draws? the eye|draw(?:ing)? (?:the )?(?:eye|attention|focus)|guides? the eye|leads? the eye|stand out|pop(?:s)? (?:out|more)?|make (?:the )?\\w+ pop|focal point|spotlight)\\b.*")
                || clause.matches(".*\\bcolou?rs?\\b.*")) {
            return Optional.empty();
        }
        return Optional.of(List.of(
                new Exposure(clamp(-0.35 * intensity, 4), new Region.Background()),
                new Vignette(clamp(-30 * intensity, 100), 0.3, true)));
    }

    private static List<Operation> subjectAgainstBackground(String clause, double intensity) {
        return List.of(new Exposure(clamp(-0.6 * intensity, 4), new Region.Background()),
                new Exposure(clamp(0.2 * intensity, 4), new Region.Subject()));
    }

    // ---------------------------------------------------------------- focus

    private static Optional<List<Operation>> readFocus(String clause, double intensity, Region region) {
        if (clause.matches(".*\\b(blur\\w*|soften\\w*|defocus\\w*|bokeh|depth of field|out of focus|dof|soft focus|unfocused)\\b.*")
                && !clause.matches(".*\\bsoften(?:ed|ing)? (?:the )?(?:shadows?|highlights?|light|contrast)\\b.*")) {
            boolean background = region instanceof Region.Background || clause.matches(".*\\b(depth of field|bokeh|dof|focus on|in focus|sharp focus)\\b.*");
            Region where = background ? new Region.Background() : region;
            boolean less = clause.matches(".*\\b(less|reduce|remove (?:the )?blur|unblur)\\b.*");
            if (less) {
                return Optional.of(List.of(new Sharpen(clamp(60 * intensity, 300), 1.5, where)));
            }
            double radius = Math.max(0.1, Math.min(5, (clause.matches(".*\\b(shallow|strong\\w*|heav\\w*|very|lots)\\b.*") ? 1.6 : 1.0)
                    * (intensity == 1 ? 1 : intensity)));
            if (clause.matches(".*\\bsoften(?:ed)?\\b.*") && intensity == 1) {
                radius = 0.7;
            }
            return Optional.of(List.of(new Blur(radius, where)));
        }
        if (clause.matches(".*\\b(sharpen\\w*|sharper|crisper|more detail(?:ed)?|crisp up|enhance (?:the )?detail)\\b.*")) {
            return Optional.of(List.of(new Sharpen(clamp(80 * intensity, 300), 1.0, region)));
        }
        if (clause.matches(".*\\b(clarity|local contrast|texture|definition|more structure)\\b.*")) {
            boolean less = clause.matches(".*\\b(less|reduce|lower|soften|smooth)\\b.*");
            return Optional.of(List.of(new Clarity(clamp((less ? -1 : 1) * 35 * intensity, 100), region)));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- final polish

    private Optional<List<Operation>> readPolish(String clause, Reading reading, double intensity, Region region) {
        long seed = reading.seed + reading.operations.size() * 7919L;
        if (clause.matches(".*\\b(steam\\w*|vapou?r|wisps?|smoke|steaming)\\b.*")) {
            double strength = clamp01((clause.matches(".*\\b(gentle|subtle|faint|light|thin|soft|single|a wisp)\\b.*") ? 0.7 : 0.85)
                    * (intensity > 1 ? 1.2 : 1));
            double height = clause.matches(".*\\b(tall|high|billowing|lots)\\b.*") ? 0.55 : 0.4;
            return Optional.of(List.of(new Steam(strength, height, seed)));
        }
        if (clause.matches(".*\\b(shot on film|film look|look of film|looks? like (?:it was )?(?:shot on )?film|analog(?:ue)? (?:photo|camera|film)|vintage film)\\b.*")) {
            // a film look: grain, slightly softer contrast and colour
            return Optional.of(List.of(new Grain(clamp(30 * intensity, 100), 1.6, seed),
                    new Contrast(clamp(-10 * intensity, 100), Region.WHOLE),
                    new Saturation(clamp(-10 * intensity, 100), Region.WHOLE)));
        }
        if (clause.matches(".*\\b(film grain|grain|grainy|film texture|filmic|analog(?:ue)? (?:look|feel)|noise)\\b.*")
                && !clause.matches(".*\\b(remove|reduce|less|denoise)\\b.*")) {
            double size = clause.matches(".*\\b(fine|subtle)\\b.*") ? 1.2 : clause.matches(".*\\b(coarse|heavy|chunky|big)\\b.*") ? 2.5 : 1.6;
            return Optional.of(List.of(new Grain(clamp(30 * intensity, 100), size, seed)));
        }
        if (clause.matches(".*\\b(dust|particles|motes|specks|floating particles)\\b.*")
                && !clause.matches(".*\\b(remove|clean|get rid)\\b.*")) {
            Edge from = RegionReader.direction(clause).orElseGet(() -> reading.operations.stream()
                    .filter(o -> o instanceof DirectionalLight).map(o -> ((DirectionalLight) o).from())
                    .findFirst().orElse(Edge.TOP_LEFT));
            return Optional.of(List.of(new Dust(clamp(50 * intensity, 100), from, seed)));
        }
        if (clause.matches(".*\\b(lens flare|flare|sun flare|sunflare)\\b.*")) {
            Edge from = RegionReader.direction(clause).orElse(Edge.TOP_RIGHT);
            List<Rgb> c = ColourNames.find(clause);
            return Optional.of(List.of(new LightLeak(c.isEmpty() ? Rgb.parse("#ffd9a0") : c.get(0), from,
                    clamp01(0.7 * intensity), true)));
        }
        if (clause.matches(".*\\b(light leaks?|leaks?)\\b.*")) {
            Edge from = RegionReader.direction(clause).orElse(Edge.TOP_RIGHT);
            List<Rgb> c = ColourNames.find(clause);
            return Optional.of(List.of(new LightLeak(c.isEmpty() ? Rgb.parse("#ff8a3d") : c.get(0), from,
                    clamp01(0.6 * intensity), false)));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- words

    private static String normalise(String instruction) {
        return instruction.toLowerCase(Locale.ROOT)
                .replace('–', '-').replace('—', ' ').replace('’', '\'')
                .replaceAll("([a-z])-([a-z])", "$1 $2") // "late-afternoon", "high-contrast": one vocabulary for both spellings
                .replaceAll("\\s+", " ")
                .trim();
    }

    // Joins fixed phrases that contain a clause separator so the split keeps them whole.
    private static String protectPhrases(String text) {
        return text
                .replaceAll("black\\s*(?:and|&|n)\\s*white", "black_and_white")
                .replaceAll("teal\\s+and\\s+orange", "teal_and_orange")
                .replaceAll("orange\\s+and\\s+teal", "teal_and_orange")
                .replaceAll("\\bbetween (\\w+(?: \\w+){0,4}?) and\\b", "between $1 _and_")
                .replaceAll("\\b(from|in) ([#\\w]+(?: \\w+)?) and ([#\\w]+)", "$1 $2 _and_ $3")
                .replaceAll("#([0-9a-f]{3,6})", "\u0001$1")
                .replaceAll("(\\d)\\.(\\d)", "$1#$2");
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
            case "a third", "one third" -> 1 / 3.0;
            case "two thirds" -> 2 / 3.0;
            case "a quarter", "one quarter" -> 0.25;
            case "three quarters" -> 0.75;
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

    private static double clamp01(double value) {
        return Math.max(0, Math.min(1, Math.round(value * 100.0) / 100.0));
    }
}
