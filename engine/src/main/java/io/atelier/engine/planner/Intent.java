package io.atelier.engine.planner;

import java.util.List;
import java.util.Locale;

/**
 * What one clause of an instruction asks for: an edit the built-in engine can make (and the plan
 * operations it becomes), or one of the kinds of clause that are not an edit. The catalogue of example
 * phrasings ({@code planner/catalogue.tsv}) is keyed by these names.
 */
public enum Intent {
    AUTO_LEVEL(Family.LIGHT, false, "stretch the tones to full black and white (auto levels)", "auto-level"),
    EXPOSURE(Family.LIGHT, true, "brighter or darker overall, by a touch, a percentage or stops", "exposure"),
    CONTRAST(Family.LIGHT, true, "more or less contrast: punchy or soft and faded", "contrast"),
    HIGHLIGHTS(Family.LIGHT, true, "pull back or brighten the highlights", "tone-recovery"),
    SHADOWS(Family.LIGHT, true, "lift or deepen the shadows", "tone-recovery"),
    TIME_OF_DAY(Family.LIGHT, false, "the light of golden hour, morning, midday, overcast or blue hour", "time-of-day"),
    DIRECTIONAL_LIGHT(Family.LIGHT, false, "light falling in from a side, soft or hard, with the subject's shadow", "directional-light"),
    VIGNETTE(Family.LIGHT, true, "darker (or lighter) edges and corners", "vignette"),
    GLOW(Family.LIGHT, false, "a soft glow or bloom around the bright areas", "glow"),
    HAZE(Family.LIGHT, false, "haze, mist or fog over the scene", "glow"),
    EMPHASIS(Family.LIGHT, false, "make the subject stand out by dimming what surrounds it", "exposure", "vignette"),
    SEPARATION(Family.LIGHT, false, "a brighter subject against a darker background", "exposure"),
    TEMPERATURE(Family.COLOUR, true, "warmer or cooler colour temperature", "white-balance"),
    TINT(Family.COLOUR, true, "less green or less magenta (tint)", "white-balance"),
    COLOUR_CAST(Family.COLOUR, false, "take out a colour cast (automatically, or the way you say)", "auto-white-balance", "white-balance"),
    SATURATION(Family.COLOUR, true, "more or less saturated colour, up to fully muted", "saturation"),
    VIBRANCE(Family.COLOUR, true, "richer muted colours without oversaturating vivid ones", "vibrance"),
    MONOCHROME(Family.COLOUR, false, "black and white", "monochrome"),
    PALETTE(Family.COLOUR, false, "grade toward earthy, pastel, teal-and-orange or named colours", "palette-grade"),
    SPLIT_TONE(Family.COLOUR, false, "tint highlights and shadows toward two colours", "split-tone"),
    COLOUR_OVERLAY(Family.COLOUR, false, "a colour wash or band over a region", "colour-overlay"),
    GRADIENT(Family.COLOUR, false, "a two-colour gradient over a region", "gradient"),
    HUE(Family.COLOUR, true, "richer, more muted, lighter, darker or shifted colour in one family: reds, oranges, yellows, greens, aquas, blues, purples, magentas", "hue-adjust"),
    CROP(Family.COMPOSITION, false, "crop to a ratio or a named format (square, 4:5, story, 16:9)", "crop-to-aspect"),
    REFRAME(Family.COMPOSITION, false, "reframe leaving room on one side, e.g. for text", "reframe"),
    ROTATE(Family.COMPOSITION, true, "rotate or straighten by an angle", "rotate"),
    FLIP(Family.COMPOSITION, false, "mirror left to right or upside down", "flip"),
    RESIZE(Family.COMPOSITION, false, "resize to a pixel size on the longer side (e.g. 2048 px)", "resize"),
    TEXT(Family.COMPOSITION, false, "set words given in quotes on the image", "text"),
    BORDER(Family.COMPOSITION, false, "a plain frame around the picture", "border"),
    BLUR(Family.FOCUS, false, "blur the background or a region", "blur"),
    SHARPEN(Family.FOCUS, false, "sharpen fine detail", "sharpen"),
    CLARITY(Family.FOCUS, true, "more or less local contrast and texture (clarity)", "clarity"),
    GRAIN(Family.FINISH, false, "film grain, fine or coarse", "grain"),
    FILM_LOOK(Family.FINISH, false, "a shot-on-film look: grain, softer contrast and colour", "grain", "contrast", "saturation"),
    DUST(Family.FINISH, false, "dust motes floating in the light", "dust"),
    LIGHT_LEAK(Family.FINISH, false, "a light leak from a corner or side", "light-leak"),
    LENS_FLARE(Family.FINISH, false, "a lens flare", "light-leak"),
    STEAM(Family.FINISH, false, "wisps of steam rising from the subject", "steam"),

    SYNTHESIS(Family.NOT_AN_EDIT, false, "new things painted in: objects, people, props, removals, a new background"),
    EVALUATIVE(Family.NOT_AN_EDIT, false, "a wish with no concrete change (\"make it better\")"),
    RESULT(Family.NOT_AN_EDIT, false, "a description of the intended result (\"so it looks faded\")"),
    CONSTRAINT(Family.NOT_AN_EDIT, false, "what must stay as it is (\"keep the cup sharp\")"),
    QUESTION(Family.NOT_AN_EDIT, false, "a question rather than an edit");

    /** Groups used for the capabilities list and the accuracy report. */
    public enum Family {
        LIGHT, COLOUR, COMPOSITION, FOCUS, FINISH, NOT_AN_EDIT;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Family family;
    private final boolean signed;
    private final String summary;
    private final List<String> operations;

    Intent(Family family, boolean signed, String summary, String... operations) {
        this.family = family;
        this.signed = signed;
        this.summary = summary;
        this.operations = List.of(operations);
    }

    public Family family() {
        return family;
    }

    /** True for edits that go one of two ways (more/less, warmer/cooler), whose direction must match the words. */
    public boolean signed() {
        return signed;
    }

    public String summary() {
        return summary;
    }

    /** The plan operations ({@code op} names) this intent becomes; empty when the engine has none yet. */
    public List<String> operations() {
        return operations;
    }

    public boolean isEdit() {
        return family != Family.NOT_AN_EDIT;
    }

    /** How the catalogue and reports spell it: {@code directional-light}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Intent ofKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
