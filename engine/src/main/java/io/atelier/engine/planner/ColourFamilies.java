package io.atelier.engine.planner;

import java.util.regex.Pattern;

/**
 * Reading of one colour family named as a thing ("make the yellow pop", "the reds are too strong"): a
 * saturation or vibrance change aimed at it is a change to that family alone, singular or plural.
 */
final class ColourFamilies {
    // "the yellow", "those greens", "all the blues" — a colour used as a noun; not "the yellow cast" or "the blue tint".
    private static final Pattern NAMED = Pattern.compile("\\b(?:the|those|these|all the|my|its|it's|their) (?:\\w+ )?"
            + "(red|orange|yellow|green|aqua|teal|cyan|blue|purple|violet|magenta)s?\\b(?! (?:cast|tint|hue|filter|overlay|layer|light|glow|gradient|wash|border|text))");

    private ColourFamilies() {
    }

    /** The intent narrowed to one colour family when the clause aims a colour change at one. */
    static Intent narrow(Intent intent, String clause) {
        if ((intent == Intent.SATURATION || intent == Intent.VIBRANCE) && NAMED.matcher(clause).find()) {
            return Intent.HUE;
        }
        return intent;
    }
}
