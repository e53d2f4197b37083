package io.atelier.engine.planner;

import java.util.regex.Pattern;

/** Whether an intent can be meant at all by a clause: named effects need their words, light from a side needs a side. */
final class Admissibility {
    private static final java.util.Set<Intent> NAMED = java.util.EnumSet.of(Intent.HAZE, Intent.GLOW, Intent.TIME_OF_DAY, Intent.GRAIN,
            Intent.DUST, Intent.STEAM, Intent.LIGHT_LEAK, Intent.LENS_FLARE, Intent.FILM_LOOK, Intent.SPLIT_TONE, Intent.GRADIENT,
            Intent.COLOUR_OVERLAY, Intent.TEXT, Intent.FLIP, Intent.RESIZE, Intent.ROTATE, Intent.CROP, Intent.REFRAME, Intent.MONOCHROME,
            Intent.PALETTE, Intent.HUE, Intent.AUTO_LEVEL, Intent.BORDER, Intent.EMPHASIS, Intent.SEPARATION, Intent.VIGNETTE, Intent.COLOUR_CAST, Intent.TINT);
    static final Pattern TIMES = Pattern.compile("\\b(golden hour|golden light|sunset|sunrise|dawn|morning|dusk|twilight|overcast|cloudy|midday|noon|blue hour|late afternoon|afternoon|evening|magic hour|night|grey day|gray day|rainy)\\b");
    private static final Pattern FROM_SOMEWHERE = Pattern.compile("\\b(from|left|right|above|overhead|behind|side ?light\\w*|back ?light\\w*|back ?lit|rim|window light|through the window|streaming|pouring|beams?|rays?|key light|lit)\\b");

    private Admissibility() {
    }

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
            return Cues.cued(intent, clause) || clause.contains("\"");
        }
        return !NAMED.contains(intent) || Cues.cued(intent, clause);
    }
}
