package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keyword evidence for each intent: a cue supports an intent (it is added to the similarity), a
 * decisive word settles it on its own because it means one thing only ("B&W", "1:1", "vignette").
 */
final class Keywords {
    private static final Map<Intent, Pattern> CUES = new EnumMap<>(Intent.class);
    private static final Map<Intent, Pattern> DECISIVE = new EnumMap<>(Intent.class);
    /** Comparatives that each name one signed edit: two or more in a clause are all carried out ("brighter, warmer"). */
    private static final Map<Intent, Pattern> COMPARATIVES = new EnumMap<>(Intent.class);

    static final Pattern THINGS = Pattern.compile("\\b(hands?|fingers|arms?|person|people|man|woman|girl|boy|child|kid|model|figure|face|smile|sleeves?|sweater|plant|pot|flowers?|vase|beans?|card|props?|objects?|table ?cloth|book|notebook|laptop|phone|saucer|spoon|cookie|croissant|pastry|cake|donut|napkin|leaves|tree|window|lamp|logo|sign|bottle|glass|cup|mug|bird|cat|dog|chair|candle|steam ?punk|sugar|milk jug|jug|biscuit|newspaper|glasses|foliage|greenery|plants|props|decor|sunglasses|hat|watermark|crumbs|stain|scratch(?:es)?|blemish(?:es)?|cable|wire|background with|beach|mountains?|city|sky with|clouds|rainbow|snow|rain)\\b");
    private static final Pattern BRING_IN = Pattern.compile("^(?:please |can you |could you |now |also |then |maybe |pls |plz )?(add|place|put|include|insert|introduce|bring in|populate|scatter|surround|fill|show|replace|swap|remove|erase|delete|get rid of|take out|take away|clean up|retouch|paint|generate|composite|clone(?: out)?|photoshop|make the (?:woman|man|person|model|girl|boy)|change the (?:table|background|backdrop|wall|cup|mug|sky))\\b");
    private static final Pattern RECOLOUR = Pattern.compile("\\b(?:make|turn|paint|colou?r|change) the (?:cup|mug|saucer|plate|table|wall|shirt|sweater|chair|spoon|napkin|flowers?|car|door) (?:to |into )?(?:\\w+ )?(?:red|blue|green|yellow|pink|purple|orange|black|white|gold|silver|brown|grey|gray)\\b|\\binstead of\\b");
    private static final Pattern STAGING = Pattern.compile("\\b(in use|being used|in action|lifestyle|in context|real[- ]life setting|on a model)\\b");
    private static final Pattern EFFECTS = Pattern.compile("\\b(smoke|wisps?|light|lighting|sunlight|sunshine|glow|bloom|haze|mist|fog|steam|vapou?r|grains?|noise|dust|flare|leak|vignette|text|title|caption|headline|words|overlay|layer|veil|tint|wash|colou?rs?|gradient|shadows?|contrast|warmth|clarity|sharpness|blur|bokeh|highlights|vibrance|saturation|space|room|tones?|palette|cast|exposure|drama|texture|border|frame|brightness|depth|mood|feel|pop|punch|detail|look|vibe|style|finish|effect|fade|matte|grade|grading|filter|sparkle|shine|sheen|touch of \\w+|bit of \\w+|warm\\w*|cool\\w*|magenta|green|pink|blue|yellow|orange|red|teal)\\b");

    static {
        cue(Intent.AUTO_LEVEL, "auto ?levels?|levels|auto ?tone|auto ?contrast|stretch the (?:tones|histogram|levels)|histogram|normali[sz]e");
        cue(Intent.BORDER, "border|frame around|framed|mat(?:te)? border|passe ?partout|white edge|keyline");
        cue(Intent.EXPOSURE, "bright\\w*|dark\\w*|exposure|expos\\w+|stops?|ev|lighter|lighten|dim\\w*|underexposed|overexposed|open (?:it )?up|moody|moodier|murky|gloomy|airy|more light|light");
        cue(Intent.CONTRAST, "contrast\\w*|punch\\w*|flat\\w*|faded|matte|snappy|snappier");
        cue(Intent.HIGHLIGHTS, "highlights?|whites|blown(?: out)?|bright (?:areas?|parts?|bits?|spots?|sky|window)|clipped|sky|window|too hot");
        cue(Intent.SHADOWS, "shadows?|shadoes|blacks|dark (?:areas|parts|bits|corners of the room)|shadow detail");
        cue(Intent.TIME_OF_DAY, "golden hour|golden|sunset|sunrise|dawn|morning|dusk|twilight|overcast|cloudy|midday|noon|blue hour|late afternoon|evening|magic hour");
        cue(Intent.DIRECTIONAL_LIGHT, "light(?:ing)? (?:from|coming|falling|streaming|pouring)|lit from|window light|side ?light\\w*|back ?light\\w*|back ?lit|rim light|rays?|beams?|sun(?:light)? (?:from|coming|streaming)|from the (?:left|right|top|bottom|side|window|behind)");
        cue(Intent.VIGNETTE, "vignett\\w*|corners?|edges?");
        cue(Intent.GLOW, "glow\\w*|bloom|dreamy|ethereal|radiant|halo");
        cue(Intent.HAZE, "haz[ey]|mist\\w*|fog\\w*|atmospher\\w*");
        cue(Intent.EMPHASIS, "stand ?out|draws? the eye|draw (?:the )?attention|focal point|spotlight|hero|centre of attention|center of attention|pop out|pops? more");
        cue(Intent.TEMPERATURE, "warm\\w*|cool\\w*|cold\\w*|temperature|kelvin|icy|amber|yellow\\w*|blu(?:e|ish|er)|orange\\w*|cos(?:y|ier)|coz(?:y|ier)|toasty|wintry");
        cue(Intent.TINT, "green(?:ish|er)?|magenta|pink(?:ish)?|tint");
        cue(Intent.COLOUR_CAST, "cast|tinge|white balance|wb|colou?r balance|neutral\\w*|colou?r correct\\w*");
        cue(Intent.SATURATION, "saturat\\w*|desaturat\\w*|colou?rs?|colou?rful|vivid|muted|dull|washed out|intense");
        cue(Intent.VIBRANCE, "vibran\\w*|vivid|colou?rs? pop|pop(?:py)?");
        cue(Intent.PALETTE, "palette|earthy|earth tones|pastels?|brand colou?rs?|grade|grading|teal and orange");
        cue(Intent.SPLIT_TONE, "split|highlights \\w+ and (?:the )?shadows|shadows \\w+ and (?:the )?highlights");
        cue(Intent.COLOUR_OVERLAY, "overlay|layer|veil|wash|band|strip|stripe|bar|tint the");
        cue(Intent.GRADIENT, "gradient|fade from|ombre");
        cue(Intent.HUE, "(?:reds|greens|blues|yellows|oranges|purples|magentas|aquas|pinks|teals|cyans)|skin ?tones?|foliage|greenery|grass|leaves");
        cue(Intent.CROP, "crop\\w*|ratio|aspect|square|portrait|landscape|story|stories|format|instagram|insta|reel|widescreen|trim|tighter|closer");
        cue(Intent.REFRAME, "room|space|negative space|copy ?space|breathing room|empty area");
        cue(Intent.ROTATE, "rotat\\w*|spin\\w*|quarter[- ]turns?|half[- ]turn|straighten\\w*|tilt\\w*|level|crooked|wonky|horizon|degrees?|°|upside down|skew\\w*");
        cue(Intent.FLIP, "flip\\w*|mirror\\w*");
        cue(Intent.TEXT, "text|title|caption|headline|tagline|slogan|words?|lettering|label|write|type");
        cue(Intent.BLUR, "blur\\w*|bokeh|depth of field|dof|out of focus|defocus\\w*|soft(?:er)? background|background soft(?:er)?|soften (?:the )?background");
        cue(Intent.SHARPEN, "sharp\\w*|crisp\\w*|detail\\w*|in focus|focus");
        cue(Intent.CLARITY, "clarity|textur\\w*|definition|structure|local contrast|micro ?contrast|grit\\w*|crunch\\w*|smooth\\w*");
        cue(Intent.GRAIN, "grain\\w*|noise|noisy|film texture");
        cue(Intent.FILM_LOOK, "film|analog\\w*|vintage|35 ?mm|kodak|portra|fuji\\w*|polaroid|retro|old photo|disposable camera|nostalgic");
        cue(Intent.DUST, "dust\\w*|motes?|particles|specks");
        cue(Intent.LIGHT_LEAK, "leaks?");
        cue(Intent.LENS_FLARE, "flare\\w*");
        cue(Intent.STEAM, "steam\\w*|vapou?r|smok\\w*|wisps?|hot");
        cue(Intent.EVALUATIVE, "tidy|clean it up|polish|better|nicer|good|great|amazing|awesome|professional|improve|enhance|fix it|beautiful|stunning|wow|perfect|cool looking|more appealing|attractive");
        cue(Intent.RESULT, "so (?:it|that|the)|like a|as if|as though|looks? like|feels? like|feel|vibe|mood|reminiscent|similar to|in the middle|centred|centered|to give|to create");
        cue(Intent.CONSTRAINT, "keep\\w*|don'?t (?:change|touch)|leave|leaving|without (?:changing|touching|affecting)|preserv\\w*|stays?|remain\\w*|untouched|as it is");
        cue(Intent.QUESTION, "^(?:what|how|why|is|are|does|do|should|which|when|where)\\b|\\?$");

        decisive(Intent.MONOCHROME, "black and white|b ?& ?w|b/w|bw|monochrome|mono|gr[ae]y ?scale|noir|colou?rless|no colou?rs?|without colou?rs?");
        decisive(Intent.VIGNETTE, "vignett\\w*");
        decisive(Intent.FLIP, "flip\\w*|mirror(?:ed)?(?: image)?|mirror it");
        decisive(Intent.STEAM, "steam\\w*|vapou?r");
        decisive(Intent.DUST, "dust|motes|dust particles");
        decisive(Intent.LENS_FLARE, "(?:lens |sun )?flare");
        decisive(Intent.LIGHT_LEAK, "light leaks?|leaks?");
        decisive(Intent.SPLIT_TONE, "split ?ton\\w*");
        decisive(Intent.GRADIENT, "gradient");
        decisive(Intent.CROP, "crop\\w* (?:it |this |the \\w+ )?(?:to |into |as )?(?:an? )?(?:square|portrait|landscape|vertical|horizontal|widescreen)|square crop|(?:crop|format|resize)\\w* .*\\b(?:instagram|insta|story|stories|reels?|pinterest|tiktok|youtube|banner)");
        decisive(Intent.AUTO_LEVEL, "auto ?levels?|auto ?tone|stretch the (?:tones|histogram|levels)|fix the levels|levels");
        decisive(Intent.TEXT, "(?:add|put|write|place|set|type|say|saying|says|caption|title|headline|text|tagline|slogan|that reads|reading)\\b[^\"]*\"[^\"]*\\w");
        decisive(Intent.BORDER, "border|frame around (?:it|the (?:photo|picture|image))|keyline");
        decisive(Intent.PALETTE, "earth(?:y| tones?)?|pastels?|teal and orange|palette|grade|grading|brand colou?rs?|colou?r grade");
        decisive(Intent.TINT, "(?:pink|magenta|green)(?:ish)? (?:cast|tint)|too (?:much )?(?:pink|magenta|green)|less (?:pink|magenta|green)|more (?:magenta|pink)");
        decisive(Intent.COLOUR_OVERLAY, "overlay|(?:transparent|translucent|see[- ]through|semi[- ]transparent|sheer|thin|light) (?:\\w+ ){0,2}(?:layer|sheet|veil)|(?:colou?r(?:ed)?|red|orange|yellow|green|teal|blue|purple|pink|magenta|white|black) (?:layer|veil)|layer of (?:\\w+ )?(?:colou?r|red|orange|yellow|green|teal|blue|purple|pink|magenta)|colou?r wash|wash of \\w+|\\w+ wash|colou?r band|band of \\w+");
        decisive(Intent.SEPARATION, "contrast between|separation|separate the \\w+ from|(?:subject|product|cup|mug) (?:bright|brighter|lit) and (?:the )?(?:background|surroundings|context) dark(?:er)?|bright(?:er)? (?:product|subject|cup|mug) and (?:a )?dark(?:er)? (?:\\w+ )?(?:background|context|surroundings|environment)");
        decisive(Intent.GRAIN, "film grain|(?<!wood )grain|grainy|grainier");
        decisive(Intent.HUE, "(?:the )?(?:reds|greens|blues|yellows|oranges|purples|magentas|aquas|teals|cyans|pinks)|skin ?tones?|foliage|greenery|grass|(?:the )?sky (?:more |less )?blue|bluer sky|blue sky|blue of (?:the )?sky|green leaves");
        decisive(Intent.REFRAME, "(?:room|space|negative space|copy ?space|breathing room)\\b.*\\b(?:on|at|to) (?:the )?(?:left|right|top|bottom)|(?:left|right|top|bottom)\\b.*\\b(?:room|space) for");
        decisive(Intent.ROTATE, "rotat\\w*|quarter[- ]turns?|(?:turn|spin)\\w* (?:\\w+ ){0,4}(?:one |a )?quarter|(?:turn|spin)\\w* (?:\\w+ ){0,3}\\d+ (?:\\w+ ){0,2}(?:left|right|clockwise|anti ?clockwise|counter ?clockwise)|straighten\\w*|upside down|\\d+ ?(?:degrees?|°)|flip (?:it |the \\w+ )?(?:a)?round");
        decisive(Intent.CLARITY, "clarity|micro ?contrast|local contrast");
        decisive(Intent.CONTRAST, "(?<!micro |micro|local )contrast|contrasty");
        decisive(Intent.EXPOSURE, "\\d(?:\\.\\d+)? ?(?:ev|stops?)|(?:half|a third|a quarter|one|two|full|1/2|1/3|2/3) (?:of )?(?:an? )?(?:f ?)?stops?|exposure");
        decisive(Intent.EMPHASIS, "stand ?out|stands out|draws? (?:the )?(?:eye|attention)|guides? the eye|focal point|(?:make|let) (?:the )?(?:cup|mug|subject|product|bottle|plate|dish|drink|glass|coffee|item) (?:really )?pop");
        decisive(Intent.SHARPEN, "sharpen\\w*|sharper|sharpness|crisp(?:en)? up");
        decisive(Intent.SATURATION, "saturation|saturated|desaturat\\w*");
        decisive(Intent.VIBRANCE, "vibrance");
        decisive(Intent.BLUR, "blur\\w*|bokeh|depth of field|soft(?:er)? background|background soft(?:er)?|soften (?:the )?background");
        decisive(Intent.TIME_OF_DAY, "golden hour|blue hour|magic hour");
        decisive(Intent.COLOUR_CAST, "colou?r cast|white balance|wb|\\w+ cast|\\w+ tinge|whites? (?:really |truly |properly |pure )?white|neutral(?:i[sz]e)? (?:the )?(?:whites?|colou?rs?)|whites? (?:look )?(?:neutral|clean)");
        decisive(Intent.TEMPERATURE, "warmer|cooler|colder|warm (?:it|this|them|the \\w+) up|cool (?:it|this|them|the \\w+)(?: down| off)?|warm(?: only)? the \\w+|cool(?: only)? the \\w+|warmth|temperature|temp|less (?:blue|yellow|orange)|too (?:much )?(?:blue|yellow|orange)");

        comparative(Intent.EXPOSURE, "brighter|darker|lighter|brighten|darken");
        comparative(Intent.TEMPERATURE, "warmer|cooler|colder|warm(?: it)? up|cool(?: it)? down|warmth");
        comparative(Intent.CONTRAST, "punchier|contrastier|more contrast|less contrast|flatter|contrasty");
        comparative(Intent.SATURATION, "more saturated|less saturated|more colou?rful|more vivid|more muted|desaturated");
        comparative(Intent.SHARPEN, "sharper|crisper");
        comparative(Intent.GRAIN, "grainier|grainy");
        comparative(Intent.CLARITY, "more clarity|more texture");
    }

    private Keywords() {
    }

    private static void cue(Intent intent, String alternatives) {
        CUES.put(intent, Pattern.compile("(?:\\b|^)(?:" + alternatives + ")(?:\\b|$)"));
    }

    private static void decisive(Intent intent, String alternatives) {
        DECISIVE.put(intent, Pattern.compile("\\b(?:" + alternatives + ")\\b"));
    }

    private static void comparative(Intent intent, String alternatives) {
        COMPARATIVES.put(intent, Pattern.compile("\\b(?:" + alternatives + ")\\b"));
    }

    private static final java.util.Set<Intent> NAMED = java.util.EnumSet.of(Intent.HAZE, Intent.GLOW, Intent.TIME_OF_DAY, Intent.GRAIN,
            Intent.DUST, Intent.STEAM, Intent.LIGHT_LEAK, Intent.LENS_FLARE, Intent.FILM_LOOK, Intent.SPLIT_TONE, Intent.GRADIENT,
            Intent.COLOUR_OVERLAY, Intent.TEXT, Intent.FLIP, Intent.ROTATE, Intent.CROP, Intent.REFRAME, Intent.MONOCHROME,
            Intent.PALETTE, Intent.HUE, Intent.AUTO_LEVEL, Intent.BORDER, Intent.EMPHASIS, Intent.SEPARATION, Intent.VIGNETTE, Intent.COLOUR_CAST, Intent.TINT);
    private static final Pattern TIMES = Pattern.compile("\\b(golden hour|golden light|sunset|sunrise|dawn|morning|dusk|twilight|overcast|cloudy|midday|noon|blue hour|late afternoon|afternoon|evening|magic hour|night|grey day|gray day|rainy)\\b");
    private static final Pattern FROM_SOMEWHERE = Pattern.compile("\\b(from|left|right|above|overhead|behind|side ?light\\w*|back ?light\\w*|back ?lit|rim|window light|through the window|streaming|pouring|beams?|rays?|key light|lit)\\b");

    /**
     * Whether an intent can be meant at all: a named effect (haze, a crop, a flip…) only when its words
     * are there, light from a side only when a side or a source is said; the graded edits always.
     */
    static boolean admissible(Intent intent, String clause) {
        if (intent == Intent.DIRECTIONAL_LIGHT) {
            return FROM_SOMEWHERE.matcher(clause).find();
        }
        if (intent == Intent.TIME_OF_DAY) {
            return TIMES.matcher(clause).find();
        }
        if (intent == Intent.TEXT) {
            return cued(intent, clause) || clause.contains("\"");
        }
        return !NAMED.contains(intent) || cued(intent, clause);
    }

    /** True when some edit's cue word is in the clause. */
    static boolean anyEditCue(String clause) {
        for (Intent intent : Intent.values()) {
            if (intent.isEdit() && cued(intent, clause)) {
                return true;
            }
        }
        return !decisive(clause).isEmpty();
    }

    static boolean cued(Intent intent, String clause) {
        Pattern p = CUES.get(intent);
        Pattern d = DECISIVE.get(intent);
        boolean hit = p != null && p.matcher(clause).find() || d != null && d.matcher(clause).find();
        if (intent == Intent.SYNTHESIS) {
            return bringsSomethingIn(clause);
        }
        if (intent == Intent.CROP) {
            return hit || Ratios.read(clause).isPresent();
        }
        return hit;
    }

    /** Intents whose decisive word is in the clause; a written ratio decides a crop. */
    static List<Intent> decisive(String clause) {
        List<Intent> found = new ArrayList<>();
        for (Map.Entry<Intent, Pattern> e : DECISIVE.entrySet()) {
            if (e.getValue().matcher(clause).find()) {
                found.add(e.getKey());
            }
        }
        if (Ratios.written(clause) && !found.contains(Intent.REFRAME)) {
            found.add(Intent.CROP);
        }
        if (found.contains(Intent.REFRAME)) {
            found.removeAll(List.of(Intent.CROP, Intent.COLOUR_OVERLAY)); // "room on the right for a text overlay"
        }
        if (found.contains(Intent.ROTATE) && clause.matches(".*\\bflip \\w* ?(?:a)?round\\b.*")) {
            found.remove(Intent.FLIP);
        }
        if (found.contains(Intent.SEPARATION)) {
            found.removeAll(List.of(Intent.CONTRAST, Intent.EXPOSURE, Intent.EMPHASIS));
        }
        if (found.contains(Intent.COLOUR_OVERLAY)) {
            found.removeAll(List.of(Intent.TINT, Intent.TEMPERATURE));
        }
        if (found.contains(Intent.TEMPERATURE) && (found.contains(Intent.COLOUR_CAST) || found.contains(Intent.TIME_OF_DAY) || found.contains(Intent.SPLIT_TONE)
                || found.contains(Intent.PALETTE) || clause.matches(".*\\b(light from|light coming|lighting from|sun|sunlight)\\b.*"))) {
            found.remove(Intent.TEMPERATURE); // "warm light from the left", "warm highlights": the warmth belongs to that edit
        }
        if (found.contains(Intent.EXPOSURE) && (found.contains(Intent.HIGHLIGHTS) || found.contains(Intent.SHADOWS))) {
            found.remove(Intent.EXPOSURE);
        }
        if (found.contains(Intent.EMPHASIS) && (found.contains(Intent.BLUR) || found.contains(Intent.VIGNETTE))) {
            found.remove(Intent.EMPHASIS);
        }
        if (found.contains(Intent.PALETTE) && (found.contains(Intent.TIME_OF_DAY) || TIMES.matcher(clause).find())) {
            found.remove(Intent.PALETTE); // "grade it like late afternoon sun" names a time of day
            if (!found.contains(Intent.TIME_OF_DAY)) {
                found.add(Intent.TIME_OF_DAY);
            }
        }
        if (found.contains(Intent.HUE)) {
            found.removeAll(List.of(Intent.SATURATION, Intent.VIBRANCE, Intent.TINT, Intent.TEMPERATURE, Intent.PALETTE, Intent.EXPOSURE,
                    Intent.CONTRAST));
        }
        if (found.contains(Intent.AUTO_LEVEL)) {
            found.removeAll(List.of(Intent.CONTRAST, Intent.EXPOSURE));
        }
        if (found.contains(Intent.PALETTE) || found.contains(Intent.SPLIT_TONE) || found.contains(Intent.GRADIENT)) {
            found.removeAll(List.of(Intent.TINT, Intent.TEMPERATURE));
        }
        if (found.contains(Intent.TINT) && found.contains(Intent.COLOUR_CAST)) {
            found.remove(Intent.TINT);
        }
        if (found.contains(Intent.CLARITY)) {
            found.remove(Intent.CONTRAST);
        }
        if (found.contains(Intent.LENS_FLARE)) {
            found.remove(Intent.LIGHT_LEAK);
        }
        if (found.contains(Intent.SPLIT_TONE)) {
            found.remove(Intent.HUE);
        }
        if (found.contains(Intent.HUE) && clause.matches(".*\\b(cast|tint)\\b.*")) {
            found.remove(Intent.HUE);
        }
        if (found.contains(Intent.VIBRANCE)) {
            found.remove(Intent.SATURATION);
        }
        if (found.contains(Intent.BLUR) && clause.matches(".*\\b(less|remove|reduce|fix|too) (?:the )?blur\\w*.*")) {
            found.remove(Intent.BLUR); // "it's too blurry" asks for the opposite
        }
        return found;
    }

    /** Two or more comparatives ("brighter and warmer" said without a joining word): each is an edit. */
    static List<Intent> comparatives(String clause) {
        List<Intent> found = new ArrayList<>();
        for (Map.Entry<Intent, Pattern> e : COMPARATIVES.entrySet()) {
            if (e.getValue().matcher(clause).find()) {
                found.add(e.getKey());
            }
        }
        return found.size() >= 2 ? found : List.of();
    }

    /** A verb that brings something in (or takes it out) whose object is a thing rather than an effect. */
    static boolean bringsSomethingIn(String clause) {
        if (RECOLOUR.matcher(clause).find()) {
            return true; // "make the cup red instead of white": recolouring one object is painting
        }
        if (STAGING.matcher(clause).find() && !EFFECTS.matcher(clause.replaceAll("\\b(background|setting|scene|context)\\b", "")).find()) {
            return true; // "show the product in use", "create a clean lifestyle background": staging a new set
        }
        var verb = BRING_IN.matcher(clause);
        if (!verb.find()) {
            return false;
        }
        String object = clause.substring(verb.end()).trim();
        if (object.isEmpty() || object.matches("(?:it|them|that|this|those)(?: \\w+)?")) {
            return false; // "please remove", "get rid of it": what goes is said elsewhere
        }
        if (verb.group(1).matches("replace|swap|change the .*") && object.matches(".*\\b(background|backdrop|setting|scene|sky|wall|table)\\b.*")
                && !object.matches(".*\\b(gradient|colou?r|plain|solid)\\b.*") && ColourNames.find(object).isEmpty()) {
            return true;
        }
        String head = object.split("\\b(on|onto|to|in|into|near|next to|beside|around|behind|over|at|from|leaning|holding|across|that|which|rising|coming)\\b", 2)[0];
        if (EFFECTS.matcher(head).find()) {
            return false;
        }
        if (verb.group(1).matches("add|place|put|include|insert|introduce|scatter") && head.matches(".*\\b(an?|some|few|several|two|three|pair of|scattered|small|little|big|large)\\b.*")) {
            return true; // "include some foliage": a thing, even one not in the list
        }
        return THINGS.matcher(object).find() || verb.group(1).matches("make the .*|change the .*|remove|erase|delete|get rid of|take out|take away|retouch|paint|draw|generate");
    }
}
