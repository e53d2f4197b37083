package io.atelier.engine.planner;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Keyword evidence for each intent: a cue word supports an intent (it is added to the similarity) without settling it. */
final class Cues {
    private static final Map<Intent, Pattern> CUES = new EnumMap<>(Intent.class);

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
        cue(Intent.RESIZE, "(?:re|down|up) ?siz(?:e|ed|ing)|down ?scal\\w*|up ?scal\\w*|scale (?:it |this |the \\w+ )?(?:down|up)|\\d{2,5} ?(?:px|pixels?)\\b");
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
    }

    private Cues() {
    }

    private static void cue(Intent intent, String alternatives) {
        CUES.put(intent, Pattern.compile("(?:\\b|^)(?:" + alternatives + ")(?:\\b|$)"));
    }

    /** True when some edit's cue word is in the clause. */
    static boolean anyEditCue(String clause) {
        for (Intent intent : Intent.values()) {
            if (intent.isEdit() && cued(intent, clause)) {
                return true;
            }
        }
        return !DecisiveWords.decisive(clause).isEmpty();
    }

    /** True when a cue or a decisive word of the intent is in the clause (for synthesis: when it brings something in). */
    static boolean cued(Intent intent, String clause) {
        Pattern p = CUES.get(intent);
        Pattern d = DecisiveWords.pattern(intent);
        boolean hit = p != null && p.matcher(clause).find() || d != null && d.matcher(clause).find();
        if (intent == Intent.SYNTHESIS) {
            return NewContent.bringsSomethingIn(clause);
        }
        if (intent == Intent.CROP) {
            return hit || Ratios.read(clause).isPresent();
        }
        return hit;
    }
}
