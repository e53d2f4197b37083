package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Comparatives that each name one signed edit: two or more in a clause are all carried out ("brighter, warmer"). */
final class Comparatives {
    private static final Map<Intent, Pattern> COMPARATIVES = new EnumMap<>(Intent.class);

    static {
        comparative(Intent.EXPOSURE, "brighter|darker|lighter|brighten|darken");
        comparative(Intent.TEMPERATURE, "warmer|cooler|colder|warm(?: it)? up|cool(?: it)? down|warmth");
        comparative(Intent.CONTRAST, "punchier|contrastier|more contrast|less contrast|flatter|contrasty");
        comparative(Intent.SATURATION, "more saturated|less saturated|more colou?rful|more vivid|more muted|desaturated");
        comparative(Intent.SHARPEN, "sharper|crisper");
        comparative(Intent.GRAIN, "grainier|grainy");
        comparative(Intent.CLARITY, "more clarity|more texture");
    }

    private Comparatives() {
    }

    private static void comparative(Intent intent, String alternatives) {
        COMPARATIVES.put(intent, Pattern.compile("\\b(?:" + alternatives + ")\\b"));
    }

    /** Two or more comparatives ("brighter and warmer" said without a joining word): each is an edit. */
    static List<Intent> in(String clause) {
        List<Intent> found = new ArrayList<>();
        for (Map.Entry<Intent, Pattern> e : COMPARATIVES.entrySet()) {
            if (e.getValue().matcher(clause).find()) {
                found.add(e.getKey());
            }
        }
        return found.size() >= 2 ? found : List.of();
    }
}
