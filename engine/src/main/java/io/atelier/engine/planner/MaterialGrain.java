package io.atelier.engine.planner;

import java.util.regex.Pattern;

/**
 * Reading of "grain" that belongs to a material ("the wood grain", "the grain of the leather"): that is
 * texture to bring out, not film grain to add, so it is read as texture before the intent is decided.
 */
final class MaterialGrain {
    private static final String MATERIALS = "wood(?:en)?|timber|oak|walnut|pine|leather|stone|marble|fabric|linen|paper|grain(?:ed)? wood";
    private static final Pattern OF_MATERIAL = Pattern.compile("\\b(?:(?:" + MATERIALS + ") grain|grain (?:of|in|on) (?:the |this |that )?(?:" + MATERIALS + "))\\b");

    private MaterialGrain() {
    }

    /** The clause with a material's grain said as its texture. */
    static String asTexture(String clause) {
        return OF_MATERIAL.matcher(clause).replaceAll("wood texture");
    }
}
