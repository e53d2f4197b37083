package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading of one colour family named as a thing ("make the yellow pop", "the reds are too strong"): a
 * saturation or vibrance change aimed at it is a change to that family alone, singular or plural. The sky
 * counts as naming the blues: "a bluer sky" is more blue in the sky, not a cooler picture.
 */
final class ColourFamilies {
    // "the yellow", "those greens", "all the blues" — a colour used as a noun; not "the yellow cast" or "the blue tint".
    private static final Pattern NAMED = Pattern.compile("\\b(?:the|those|these|all the|my|its|it's|their) (?:\\w+ )?"
            + "(red|orange|yellow|green|aqua|teal|cyan|blue|purple|violet|magenta)s?\\b(?! (?:cast|tint|hue|filter|overlay|layer|light|glow|gradient|wash|border|text))");
    private static final Pattern SKY = Pattern.compile("\\b(sky|skies)\\b");
    /** Words about the sky's colour rather than its brightness. */
    private static final Pattern SKY_COLOUR = Pattern.compile("\\b(blu\\w*|colou?r\\w*|saturat\\w*|vivid|vibran\\w*|richer|rich|pale|washed out|intense)\\b");
    private static final Set<Intent> COLOUR_EDITS = EnumSet.of(Intent.TEMPERATURE, Intent.TINT, Intent.SATURATION, Intent.VIBRANCE);
    private static final Set<Intent> LIGHT_EDITS = EnumSet.of(Intent.HIGHLIGHTS, Intent.EXPOSURE);

    private ColourFamilies() {
    }

    /** The intent narrowed to one colour family when the clause aims a colour change at one. */
    static Intent narrow(Intent intent, String clause) {
        if ((intent == Intent.SATURATION || intent == Intent.VIBRANCE) && NAMED.matcher(clause).find()) {
            return Intent.HUE;
        }
        if (SKY.matcher(clause).find() && SKY_COLOUR.matcher(clause).find()
                && (COLOUR_EDITS.contains(intent) || LIGHT_EDITS.contains(intent) && clause.matches(".*\\b(blu\\w*|pale|washed out)\\b.*"))) {
            return Intent.HUE; // "could the sky be a deeper blue", "the sky is too pale": the sky's blues
        }
        return intent;
    }

    /**
     * Clauses after one about the sky that ask for colour without naming where ("the sky is pale, give it more
     * blue") are read as about the sky.
     */
    static List<String> carrySky(List<String> clauses) {
        List<String> out = new ArrayList<>(clauses.size());
        boolean skyBefore = false;
        for (String clause : clauses) {
            String read = clause;
            boolean sky = SKY.matcher(clause).find();
            if (skyBefore && !sky && SKY_COLOUR.matcher(clause).find() && RegionReader.read(clause) instanceof io.atelier.engine.plan.Region.Whole) {
                read = clause.matches(".*\\bit\\b.*") ? clause.replaceFirst("\\bit\\b", "the sky") : clause + " in the sky";
                sky = true;
            }
            skyBefore = sky;
            out.add(read);
        }
        return out;
    }
}
