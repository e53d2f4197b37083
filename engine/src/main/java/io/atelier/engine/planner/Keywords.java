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

    static final Pattern THINGS = Pattern.compile("\\b(hands?|fingers|arms?|person|people|man|woman|girl|boy|child|kid|model|figure|face|smile|sleeves?|sweater|plant|pot|flowers?|vase|beans?|card|props?|objects?|table ?cloth|book|notebook|laptop|phone|saucer|spoon|cookie|croissant|pastry|cake|donut|napkin|leaves|tree|window|lamp|logo|sign|bottle|glass|cup|mug|bird|cat|dog|chair|candle|steam ?punk|sugar|milk jug|jug|biscuit|newspaper|glasses|sunglasses|hat|watermark|crumbs|stain|scratch(?:es)?|blemish(?:es)?|cable|wire|background with|beach|mountains?|city|sky with|clouds|rainbow|snow|rain)\\b");
    private static final Pattern BRING_IN = Pattern.compile("^(?:please |can you |could you |now |also |then |maybe |pls |plz )?(add|place|put|include|insert|introduce|bring in|populate|scatter|surround|fill|show|replace|swap|remove|erase|delete|get rid of|take out|take away|clean up|retouch|paint|draw|generate|make the (?:woman|man|person|model|girl|boy)|change the (?:table|background|backdrop|wall|cup|mug|sky))\\b");
    private static final Pattern EFFECTS = Pattern.compile("\\b(light|lighting|sunlight|sunshine|glow|bloom|haze|mist|fog|steam|vapou?r|grain|noise|dust|flare|leak|vignette|text|title|caption|headline|words|overlay|tint|wash|colou?rs?|gradient|shadows?|contrast|warmth|clarity|sharpness|blur|bokeh|highlights|vibrance|saturation|space|room|tones?|palette|cast|exposure|drama|texture|border|frame|brightness|depth|mood|feel|pop|punch|detail)\\b");

    static {
        cue(Intent.EXPOSURE, "bright\\w*|dark\\w*|exposure|expos\\w+|stops?|ev|lighter|lighten|dim\\w*|underexposed|overexposed|open (?:it )?up");
        cue(Intent.CONTRAST, "contrast\\w*|punch\\w*|flat\\w*|faded|matte|snappy|snappier");
        cue(Intent.HIGHLIGHTS, "highlights?|whites|blown|bright (?:areas|parts|bits|spots)|clipped");
        cue(Intent.SHADOWS, "shadows?|blacks|dark (?:areas|parts|bits|corners of the room)|shadow detail");
        cue(Intent.TIME_OF_DAY, "golden hour|golden|sunset|sunrise|dawn|morning|dusk|twilight|overcast|cloudy|midday|noon|blue hour|late afternoon|evening|magic hour");
        cue(Intent.DIRECTIONAL_LIGHT, "light(?:ing)? (?:from|coming|falling|streaming|pouring)|lit from|window light|side ?light\\w*|back ?light\\w*|back ?lit|rim light|rays?|beams?|sun(?:light)? (?:from|coming|streaming)|from the (?:left|right|top|bottom|side|window|behind)");
        cue(Intent.VIGNETTE, "vignett\\w*|corners|edges");
        cue(Intent.GLOW, "glow\\w*|bloom|dreamy|ethereal|radiant|halo");
        cue(Intent.HAZE, "haz[ey]|mist\\w*|fog\\w*|atmospher\\w*|smoky");
        cue(Intent.EMPHASIS, "stand ?out|draws? the eye|draw (?:the )?attention|focal point|spotlight|hero|centre of attention|center of attention|pop out|pops? more");
        cue(Intent.TEMPERATURE, "warm\\w*|cool\\w*|cold\\w*|temperature|kelvin|icy|amber|yellow\\w*|blu(?:e|ish|er)|orange\\w*|cos(?:y|ier)|coz(?:y|ier)|toasty|wintry");
        cue(Intent.TINT, "green(?:ish|er)?|magenta|pink(?:ish)?|tint");
        cue(Intent.COLOUR_CAST, "cast|white balance|wb|colou?r balance|neutral\\w*|colou?r correct\\w*");
        cue(Intent.SATURATION, "saturat\\w*|desaturat\\w*|colou?rs?|colou?rful|vivid|muted|dull|washed out|intense");
        cue(Intent.VIBRANCE, "vibran\\w*|vivid|colou?rs? pop|pop(?:py)?");
        cue(Intent.PALETTE, "palette|earthy|earth tones|pastels?|brand colou?rs?|grade|grading|teal and orange");
        cue(Intent.SPLIT_TONE, "split|highlights \\w+ and (?:the )?shadows|shadows \\w+ and (?:the )?highlights");
        cue(Intent.COLOUR_OVERLAY, "overlay|wash|band|strip|stripe|bar|tint the");
        cue(Intent.GRADIENT, "gradient|fade from|ombre");
        cue(Intent.HUE, "(?:reds|greens|blues|yellows|oranges|purples|magentas|aquas|pinks|teals|cyans)|skin ?tones?|the sky");
        cue(Intent.CROP, "crop\\w*|ratio|aspect|square|portrait|landscape|story|stories|format|instagram|insta|reel|widescreen|trim|tighter|closer");
        cue(Intent.REFRAME, "room|space|negative space|copy ?space|breathing room|empty area");
        cue(Intent.ROTATE, "rotat\\w*|straighten\\w*|tilt\\w*|level|crooked|wonky|horizon|degrees?|°|upside down|skew\\w*");
        cue(Intent.FLIP, "flip\\w*|mirror\\w*");
        cue(Intent.TEXT, "text|title|caption|headline|tagline|slogan|words?|lettering|label|write|type");
        cue(Intent.BLUR, "blur\\w*|bokeh|depth of field|dof|out of focus|defocus\\w*|soft background|background soft");
        cue(Intent.SHARPEN, "sharp\\w*|crisp\\w*|detail\\w*|in focus|focus");
        cue(Intent.CLARITY, "clarity|textur\\w*|definition|structure|local contrast|micro ?contrast|grit\\w*");
        cue(Intent.GRAIN, "grain\\w*|noise|noisy|film texture");
        cue(Intent.FILM_LOOK, "film|analog\\w*|vintage|35 ?mm|kodak|portra|fuji\\w*|polaroid|retro|old photo|disposable camera|nostalgic");
        cue(Intent.DUST, "dust\\w*|motes?|particles|specks");
        cue(Intent.LIGHT_LEAK, "leaks?");
        cue(Intent.LENS_FLARE, "flare\\w*");
        cue(Intent.STEAM, "steam\\w*|vapou?r|smok\\w*|wisps?|hot");
        cue(Intent.EVALUATIVE, "better|nicer|good|great|amazing|awesome|professional|improve|enhance|fix it|beautiful|stunning|wow|perfect|cool looking|more appealing|attractive");
        cue(Intent.RESULT, "so (?:it|that|the)|like a|as if|as though|looks? like|feels? like|feel|vibe|mood|reminiscent|similar to|in the middle|centred|centered|to give|to create");
        cue(Intent.CONSTRAINT, "keep\\w*|don'?t (?:change|touch)|leave|leaving|without (?:changing|touching|affecting)|preserv\\w*|stays?|remain\\w*|untouched|as it is");
        cue(Intent.QUESTION, "^(?:what|how|why|is|are|does|do|should|which|when|where)\\b|\\?$");

        decisive(Intent.MONOCHROME, "black and white|b ?& ?w|b/w|bw|monochrome|mono|gr[ae]y ?scale|noir|colou?rless|no colou?rs?");
        decisive(Intent.VIGNETTE, "vignett\\w*");
        decisive(Intent.FLIP, "flip\\w*|mirror(?:ed)?(?: image)?|mirror it");
        decisive(Intent.STEAM, "steam\\w*|vapou?r");
        decisive(Intent.DUST, "dust|motes|dust particles");
        decisive(Intent.LENS_FLARE, "(?:lens |sun )?flare");
        decisive(Intent.LIGHT_LEAK, "light leaks?|leaks?");
        decisive(Intent.SPLIT_TONE, "split ?ton\\w*");
        decisive(Intent.GRADIENT, "gradient");
        decisive(Intent.GRAIN, "film grain|grain|grainy|grainier");
        decisive(Intent.HUE, "(?:the )?(?:reds|greens|blues|yellows|oranges|purples|magentas|aquas)|skin ?tones?");
        decisive(Intent.REFRAME, "(?:room|space|negative space|copy ?space|breathing room)\\b.*\\b(?:on|at|to) (?:the )?(?:left|right|top|bottom)|(?:left|right|top|bottom)\\b.*\\b(?:room|space) for");
        decisive(Intent.ROTATE, "rotat\\w*|straighten\\w*|upside down|\\d+ ?(?:degrees?|°)");
        decisive(Intent.CLARITY, "clarity");
        decisive(Intent.CONTRAST, "contrast|contrasty");
        decisive(Intent.SATURATION, "saturation|saturated|desaturat\\w*");
        decisive(Intent.VIBRANCE, "vibrance");
        decisive(Intent.BLUR, "blur\\w*|bokeh|depth of field");
        decisive(Intent.TIME_OF_DAY, "golden hour|blue hour|magic hour");
        decisive(Intent.COLOUR_CAST, "colou?r cast|white balance");

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

    static boolean cued(Intent intent, String clause) {
        Pattern p = CUES.get(intent);
        boolean hit = p != null && p.matcher(clause).find();
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
            found.remove(Intent.CROP);
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
        var verb = BRING_IN.matcher(clause);
        if (!verb.find()) {
            return false;
        }
        String object = clause.substring(verb.end());
        String head = object.split("\\b(on|onto|to|in|into|near|next to|beside|around|behind|over|at|from|leaning|holding|across|that|which|rising|coming)\\b", 2)[0];
        if (EFFECTS.matcher(head).find()) {
            return false;
        }
        return THINGS.matcher(object).find() || verb.group(1).matches("make the .*|change the .*|remove|erase|delete|get rid of|take out|take away|retouch|paint|draw|generate");
    }
}
