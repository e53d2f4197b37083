package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Locale;

/**
 * One typed step of an edit plan: the closed set of what the built-in engine can do. Each record
 * documents its parameters and their ranges; tonal and colour operations carry a {@link Region}.
 * All light maths happen in linear light; the result is encoded to 8-bit sRGB once, at the end.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(Operation.Exposure.class),
        @JsonSubTypes.Type(Operation.WhiteBalance.class),
        @JsonSubTypes.Type(Operation.TimeOfDay.class),
        @JsonSubTypes.Type(Operation.DirectionalLight.class),
        @JsonSubTypes.Type(Operation.SplitTone.class),
        @JsonSubTypes.Type(Operation.Contrast.class),
        @JsonSubTypes.Type(Operation.ToneRecovery.class),
        @JsonSubTypes.Type(Operation.Vignette.class),
        @JsonSubTypes.Type(Operation.Glow.class),
        @JsonSubTypes.Type(Operation.CropToAspect.class),
        @JsonSubTypes.Type(Operation.Reframe.class),
        @JsonSubTypes.Type(Operation.Rotate.class),
        @JsonSubTypes.Type(Operation.Flip.class),
        @JsonSubTypes.Type(Operation.Saturation.class),
        @JsonSubTypes.Type(Operation.Vibrance.class),
        @JsonSubTypes.Type(Operation.Monochrome.class),
        @JsonSubTypes.Type(Operation.PaletteGrade.class),
        @JsonSubTypes.Type(Operation.ColourOverlay.class),
        @JsonSubTypes.Type(Operation.Gradient.class),
        @JsonSubTypes.Type(Operation.Text.class),
        @JsonSubTypes.Type(Operation.Blur.class),
        @JsonSubTypes.Type(Operation.Sharpen.class),
        @JsonSubTypes.Type(Operation.Clarity.class),
        @JsonSubTypes.Type(Operation.Grain.class),
        @JsonSubTypes.Type(Operation.Dust.class),
        @JsonSubTypes.Type(Operation.LightLeak.class),
        @JsonSubTypes.Type(Operation.Steam.class),
})
public sealed interface Operation {

    /** A short phrase saying what the operation does, shown to the user as "what I did". */
    String describe();

    /** Operations whose effect is limited to a region and blended back through its soft mask. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op") // repeated so schema tools see the "op" of these records too
    sealed interface Local extends Operation {
        Region region();
    }

    // ---------------------------------------------------------------- light and atmosphere

    /** Exposure in photographic stops (−4…+4): linear light is multiplied by 2^stops. */
    @JsonTypeName("exposure")
    record Exposure(double stops, Region region) implements Local {
        public Exposure {
            requireRange("stops", stops, -4, 4);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s exposure by %.2f stop%s", stops >= 0 ? "raised" : "lowered",
                    Math.abs(stops), Math.abs(stops) == 1 ? "" : "s") + region.describe();
        }
    }

    /**
     * White balance (−100…+100 each): positive temperature warms (red up, blue down), positive tint
     * adds magenta, negative green. Gains are normalised so neutral grey keeps its luminance.
     */
    @JsonTypeName("white-balance")
    record WhiteBalance(double temperature, double tint, Region region) implements Local {
        public WhiteBalance {
            requireRange("temperature", temperature, -100, 100);
            requireRange("tint", tint, -100, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s the colour temperature by %.0f", temperature >= 0 ? "warmed" : "cooled",
                    Math.abs(temperature)) + (tint == 0 ? "" : String.format(Locale.ROOT, ", tint %+.0f", tint))
                    + region.describe();
        }
    }

    /**
     * The colour and tone of a time of day at {@code strength} 0–1: a documented preset of white
     * balance, contrast, saturation and exposure (see {@code ops.TimeOfDay}).
     */
    @JsonTypeName("time-of-day")
    record TimeOfDay(Mood mood, double strength) implements Operation {
        public TimeOfDay {
            requireNonNull("mood", mood);
            requireRange("strength", strength, 0, 1);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "graded toward %s light (strength %.2f)", mood.word(), strength);
        }

        /** Times of day and weather the preset knows. */
        public enum Mood {
            @JsonProperty("golden-hour") GOLDEN_HOUR,
            @JsonProperty("morning") MORNING,
            @JsonProperty("midday") MIDDAY,
            @JsonProperty("overcast") OVERCAST,
            @JsonProperty("blue-hour") BLUE_HOUR;

            public String word() {
                return name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }
        }
    }

    /**
     * Light falling in from {@code from}: the lit side gains up to {@code strength} stops of light in
     * {@code colour}, fading across the frame over a distance set by {@code softness} (0 = a narrow beam
     * edge, 1 = a gentle fall-off over the whole frame), and the far side dims by a third as much.
     * With {@code shadow} &gt; 0 the subject also casts a soft shadow on what lies behind it, away from
     * the light, with a darker contact shadow where it stands (0–1: how dark).
     */
    @JsonTypeName("directional-light")
    record DirectionalLight(Edge from, double strength, Rgb colour, double softness, double shadow) implements Operation {
        public DirectionalLight {
            requireNonNull("from", from);
            requireNonNull("colour", colour);
            requireRange("strength", strength, 0, 2);
            requireRange("softness", softness, 0, 1);
            requireRange("shadow", shadow, 0, 1);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "added %s light from the %s (%.2f stops, colour %s)%s",
                    softness >= 0.5 ? "soft" : "hard", from.word(), strength, colour.hex(),
                    shadow > 0 ? ", with the subject's shadow falling away from it" : "");
        }
    }

    /** Split toning: highlights tinted toward one colour, shadows toward another, {@code strength} 0–1. */
    @JsonTypeName("split-tone")
    record SplitTone(Rgb highlights, Rgb shadows, double strength) implements Operation {
        public SplitTone {
            requireNonNull("highlights", highlights);
            requireNonNull("shadows", shadows);
            requireRange("strength", strength, 0, 1);
        }

        @Override
        public String describe() {
            return "split-toned highlights toward " + highlights.hex() + " and shadows toward " + shadows.hex();
        }
    }

    /** Contrast (−100…+100): an S-curve on perceptual luminance around mid-grey, hue and saturation kept. */
    @JsonTypeName("contrast")
    record Contrast(double amount, Region region) implements Local {
        public Contrast {
            requireRange("amount", amount, -100, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return (amount >= 0 ? "raised" : "lowered") + " contrast by " + Math.round(Math.abs(amount)) + region.describe();
        }
    }

    /**
     * Highlight and shadow recovery (−100…+100 each): negative highlights pull bright areas down,
     * positive shadows lift dark areas; each works only in its own tonal range.
     */
    @JsonTypeName("tone-recovery")
    record ToneRecovery(double highlights, double shadows, Region region) implements Local {
        public ToneRecovery {
            requireRange("highlights", highlights, -100, 100);
            requireRange("shadows", shadows, -100, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            String h = highlights == 0 ? "" : (highlights < 0 ? "recovered highlights by " : "brightened highlights by ")
                    + Math.round(Math.abs(highlights));
            String s = shadows == 0 ? "" : (shadows > 0 ? "lifted shadows by " : "deepened shadows by ") + Math.round(Math.abs(shadows));
            return (h.isEmpty() ? s : s.isEmpty() ? h : h + " and " + s) + region.describe();
        }
    }

    /**
     * Vignette: corners darkened ({@code amount} &lt; 0) or lightened (&gt; 0) by up to |amount|/100
     * stops × 2, with an elliptical fall-off starting at {@code midpoint} (0–1 of the half-diagonal);
     * centred on the subject's centre when {@code aroundSubject}.
     */
    @JsonTypeName("vignette")
    record Vignette(double amount, double midpoint, boolean aroundSubject) implements Operation {
        public Vignette {
            requireRange("amount", amount, -100, 100);
            requireRange("midpoint", midpoint, 0, 1);
        }

        @Override
        public String describe() {
            return (amount < 0 ? "darkened" : "lightened") + " the edges with a vignette (" + Math.round(Math.abs(amount)) + ")"
                    + (aroundSubject ? " around the subject" : "");
        }
    }

    /**
     * Glow or haze, {@code amount} 0–100. Glow adds a wide blur of the bright areas back onto the
     * image (light bloom); haze lays a light veil of the scene's own average highlight colour over it,
     * lifting blacks and lowering contrast as atmosphere does.
     */
    @JsonTypeName("glow")
    record Glow(Kind kind, double amount, Region region) implements Local {
        public Glow {
            requireNonNull("kind", kind);
            requireRange("amount", amount, 0, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return "added " + kind.name().toLowerCase(Locale.ROOT) + " (" + Math.round(amount) + ")" + region.describe();
        }

        /** Which atmosphere. */
        public enum Kind {
            @JsonProperty("glow") GLOW,
            @JsonProperty("haze") HAZE
        }
    }

    // ---------------------------------------------------------------- composition

    /**
     * Crop to the largest {@code width:height} rectangle that fits, placed on the anchor: the
     * subject's centre, the image centre, or against one edge.
     */
    @JsonTypeName("crop-to-aspect")
    record CropToAspect(int width, int height, Anchor anchor) implements Operation {
        public CropToAspect {
            requireAspect(width, height);
            requireNonNull("anchor", anchor);
        }

        @Override
        public String describe() {
            return "cropped to " + width + ":" + height + (anchor == Anchor.SUBJECT ? " around the subject"
                    : anchor == Anchor.CENTRE ? "" : " against the " + anchor.name().toLowerCase(Locale.ROOT));
        }

        /** Where a crop is placed. */
        public enum Anchor {
            @JsonProperty("subject") SUBJECT,
            @JsonProperty("centre") CENTRE,
            @JsonProperty("left") LEFT,
            @JsonProperty("right") RIGHT,
            @JsonProperty("top") TOP,
            @JsonProperty("bottom") BOTTOM
        }
    }

    /**
     * Reframe to {@code width:height} leaving empty room on the {@code roomOn} side: the subject is
     * kept whole and placed so that at least {@code room} (0.2–0.6) of the frame on that side is
     * free of it — by cropping where the photo allows, otherwise by extending the canvas with a soft
     * continuation of the edge.
     */
    @JsonTypeName("reframe")
    record Reframe(int width, int height, Edge roomOn, double room) implements Operation {
        public Reframe {
            requireAspect(width, height);
            requireNonNull("roomOn", roomOn);
            if (!roomOn.straight()) {
                throw new IllegalArgumentException("room goes on a side: left, right, top or bottom");
            }
            requireRange("room", room, 0.2, 0.6);
        }

        @Override
        public String describe() {
            return "reframed to " + width + ":" + height + " with room on the " + roomOn.word();
        }
    }

    /**
     * Rotate by {@code degrees} clockwise (−180…180). Right angles are exact; other angles resample
     * bicubically, and with {@code cropToFill} the result is cropped to the largest upright rectangle
     * with no empty corners (straightening).
     */
    @JsonTypeName("rotate")
    record Rotate(double degrees, boolean cropToFill) implements Operation {
        public Rotate {
            requireRange("degrees", degrees, -180, 180);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "rotated %.1f° %s", Math.abs(degrees), degrees >= 0 ? "clockwise" : "anticlockwise")
                    + (cropToFill ? " and cropped the corners" : "");
        }
    }

    /** Mirror the image left–right ({@code horizontal}) or top–bottom. */
    @JsonTypeName("flip")
    record Flip(boolean horizontal) implements Operation {
        @Override
        public String describe() {
            return horizontal ? "flipped left to right" : "flipped upside down";
        }
    }

    // ---------------------------------------------------------------- colour and brand

    /** Saturation (−100…+100): chroma scaled around each pixel's luminance; −100 is grey. */
    @JsonTypeName("saturation")
    record Saturation(double amount, Region region) implements Local {
        public Saturation {
            requireRange("amount", amount, -100, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return (amount >= 0 ? "raised" : "lowered") + " saturation by " + Math.round(Math.abs(amount)) + region.describe();
        }
    }

    /** Vibrance (−100…+100): like saturation, but weighted toward muted colours so vivid ones do not clip. */
    @JsonTypeName("vibrance")
    record Vibrance(double amount, Region region) implements Local {
        public Vibrance {
            requireRange("amount", amount, -100, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return (amount >= 0 ? "raised" : "lowered") + " vibrance by " + Math.round(Math.abs(amount)) + region.describe();
        }
    }

    /** Black and white: each pixel becomes its Rec. 709 relative luminance, in linear light. */
    @JsonTypeName("monochrome")
    record Monochrome(Region region) implements Local {
        public Monochrome {
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return "converted to black and white" + region.describe();
        }
    }

    /**
     * Grade toward a palette: each pixel's CIELAB chroma (a*, b*) moves toward the nearest palette
     * colour's by {@code strength} 0–1, weighted by closeness; lightness is kept.
     */
    @JsonTypeName("palette-grade")
    record PaletteGrade(String name, List<Rgb> palette, double strength, Region region) implements Local {
        public PaletteGrade {
            requireNonNull("name", name);
            palette = List.copyOf(palette);
            if (palette.isEmpty() || palette.size() > 12) {
                throw new IllegalArgumentException("a palette has 1 to 12 colours");
            }
            requireRange("strength", strength, 0, 1);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return "graded toward the " + name + " palette" + region.describe();
        }
    }

    /** A flat colour laid over the region at {@code opacity} 0–1 (normal blend, in linear light). */
    @JsonTypeName("colour-overlay")
    record ColourOverlay(Rgb colour, double opacity, Region region) implements Local {
        public ColourOverlay {
            requireNonNull("colour", colour);
            requireRange("opacity", opacity, 0, 1);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return "laid " + colour.hex() + " over the image at " + Math.round(opacity * 100) + "%" + region.describe();
        }
    }

    /** A two-colour gradient, {@code from} at the {@code start} edge to {@code to} at the opposite one, at {@code opacity}. */
    @JsonTypeName("gradient")
    record Gradient(Rgb from, Rgb to, Edge start, double opacity, Region region) implements Local {
        public Gradient {
            requireNonNull("from", from);
            requireNonNull("to", to);
            requireNonNull("start", start);
            requireRange("opacity", opacity, 0, 1);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return "laid a gradient from " + from.hex() + " to " + to.hex() + " at " + Math.round(opacity * 100) + "%"
                    + region.describe();
        }
    }

    /**
     * Text set in Liberation Sans, {@code size} = cap height as a fraction of the image height
     * (0.02–0.3), placed in the band at {@code placement} (or the calmest band when {@code placement}
     * is absent from the plan: see {@code ops.TextOverlay}) in {@code colour}, or in white or near-black,
     * whichever contrasts more with what lies under it, when {@code colour} is {@code "auto"}.
     */
    @JsonTypeName("text")
    record Text(String text, Placement placement, String colour, double size) implements Operation {
        public Text {
            requireNonNull("text", text);
            if (text.isBlank() || text.length() > 120) {
                throw new IllegalArgumentException("text must be 1–120 characters");
            }
            requireNonNull("placement", placement);
            requireNonNull("colour", colour);
            if (!colour.equals("auto")) {
                Rgb.parse(colour);
            }
            requireRange("size", size, 0.02, 0.3);
        }

        @Override
        public String describe() {
            return "set the text \"" + text + "\" " + placement.word() + " in " + (colour.equals("auto") ? "a contrasting colour" : colour);
        }

        /** Where text goes. */
        public enum Placement {
            @JsonProperty("auto") AUTO,
            @JsonProperty("top") TOP,
            @JsonProperty("bottom") BOTTOM,
            @JsonProperty("left") LEFT,
            @JsonProperty("right") RIGHT,
            @JsonProperty("centre") CENTRE;

            public String word() {
                return switch (this) {
                    case AUTO -> "where the picture is calmest";
                    case CENTRE -> "in the centre";
                    default -> "at the " + name().toLowerCase(Locale.ROOT);
                };
            }
        }
    }

    // ---------------------------------------------------------------- focus

    /**
     * Gaussian blur with σ = {@code radius} % of the image's longer side (0.1–5). On the background
     * it is a normalised convolution weighted by the subject matte, so the subject's colours do not
     * bleed into a halo around it.
     */
    @JsonTypeName("blur")
    record Blur(double radius, Region region) implements Local {
        public Blur {
            requireRange("radius", radius, 0.1, 5);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "blurred (radius %.1f%%)", radius) + region.describe();
        }
    }

    /** Unsharp mask on luminance: {@code amount} 0–300 %, σ = {@code radius} pixels (0.3–5). */
    @JsonTypeName("sharpen")
    record Sharpen(double amount, double radius, Region region) implements Local {
        public Sharpen {
            requireRange("amount", amount, 0, 300);
            requireRange("radius", radius, 0.3, 5);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return "sharpened by " + Math.round(amount) + "%" + region.describe();
        }
    }

    /** Clarity (−100…+100): local contrast — a wide unsharp mask on luminance, weighted to the midtones. */
    @JsonTypeName("clarity")
    record Clarity(double amount, Region region) implements Local {
        public Clarity {
            requireRange("amount", amount, -100, 100);
            region = orWhole(region);
        }

        @Override
        public String describe() {
            return (amount >= 0 ? "raised" : "lowered") + " clarity by " + Math.round(Math.abs(amount)) + region.describe();
        }
    }

    // ---------------------------------------------------------------- final polish

    /** Film grain: luminance noise of {@code amount} 0–100, clumped at {@code size} 1–4 px, strongest in the midtones; seeded. */
    @JsonTypeName("grain")
    record Grain(double amount, double size, long seed) implements Operation {
        public Grain {
            requireRange("amount", amount, 0, 100);
            requireRange("size", size, 1, 4);
        }

        @Override
        public String describe() {
            return "added film grain (" + Math.round(amount) + ")";
        }
    }

    /** Dust motes caught in a beam of light from {@code lightFrom}: {@code density} 0–100; seeded. */
    @JsonTypeName("dust")
    record Dust(double density, Edge lightFrom, long seed) implements Operation {
        public Dust {
            requireRange("density", density, 0, 100);
            requireNonNull("lightFrom", lightFrom);
        }

        @Override
        public String describe() {
            return "added dust particles floating in light from the " + lightFrom.word();
        }
    }

    /**
     * A light leak (a soft coloured wash from a corner or side, screen-blended) or, with
     * {@code flare}, a lens flare: a bright bloom at the edge with ghosts along the line through the centre.
     */
    @JsonTypeName("light-leak")
    record LightLeak(Rgb colour, Edge from, double strength, boolean flare) implements Operation {
        public LightLeak {
            requireNonNull("colour", colour);
            requireNonNull("from", from);
            requireRange("strength", strength, 0, 1);
        }

        @Override
        public String describe() {
            return "added a " + (flare ? "lens flare" : "light leak") + " from the " + from.word();
        }
    }

    /**
     * Wisps of steam rising from the top of the subject (or the frame's centre without one):
     * curling, fading, turbulent noise screen-blended in light grey; {@code strength} 0–1,
     * {@code height} as a fraction of the image height (0.1–0.6); seeded.
     */
    @JsonTypeName("steam")
    record Steam(double strength, double height, long seed) implements Operation {
        public Steam {
            requireRange("strength", strength, 0, 1);
            requireRange("height", height, 0.1, 0.6);
        }

        @Override
        public String describe() {
            return "added wisps of steam rising from the subject";
        }
    }

    private static Region orWhole(Region region) {
        return region == null ? Region.WHOLE : region;
    }

    private static void requireAspect(int width, int height) {
        if (width <= 0 || height <= 0 || width > 100 || height > 100) {
            throw new IllegalArgumentException("aspect must be two whole numbers from 1 to 100, got " + width + ":" + height);
        }
    }

    private static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be within " + min + " and " + max + ", got " + value);
        }
    }
}
