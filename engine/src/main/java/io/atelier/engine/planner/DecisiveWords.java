package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words that settle an intent on their own because they mean one thing only ("B&W", "1:1", "vignette"),
 * and which of two decisive intents gives way when both are in one clause.
 */
final class DecisiveWords {
    private static final Map<Intent, Pattern> DECISIVE = new EnumMap<>(Intent.class);

    static {
        decisive(Intent.MONOCHROME, "black and white|b ?& ?w|b/w|bw|monochrome|mono|gr[ae]y ?scale|noir|colou?rless|no colou?rs?|without colou?rs?");
        decisive(Intent.VIGNETTE, "vignett\\w*");
        decisive(Intent.FLIP, "flip\\w*|mirror(?:ed)?(?: image)?|mirror it");
        decisive(Intent.RESIZE, "(?:re|down|up) ?siz(?:e|ed|ing)|down ?scal\\w*|up ?scal\\w*|scale (?:it |this |the \\w+ )?(?:down|up)|\\d{2,5} ?(?:px|pixels?)\\b");
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
    }

    private DecisiveWords() {
    }

    private static void decisive(Intent intent, String alternatives) {
        DECISIVE.put(intent, Pattern.compile("\\b(?:" + alternatives + ")\\b"));
    }

    /** The decisive pattern of an intent, or null when it has none. */
    static Pattern pattern(Intent intent) {
        return DECISIVE.get(intent);
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
        if (found.contains(Intent.RESIZE) && (found.contains(Intent.CROP) || found.contains(Intent.BORDER) || found.contains(Intent.TEXT))) {
            found.remove(Intent.RESIZE); // "resize for instagram" is a crop; "a 20 px border" is a border
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
        if (found.contains(Intent.PALETTE) && (found.contains(Intent.TIME_OF_DAY) || Admissibility.TIMES.matcher(clause).find())) {
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
}
