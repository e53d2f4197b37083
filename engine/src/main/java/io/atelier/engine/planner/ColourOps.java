package io.atelier.engine.planner;

import io.atelier.engine.ops.ColourOverlay;
import io.atelier.engine.ops.AutoWhiteBalance;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.HueAdjust;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.SplitTone;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.WhiteBalance;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.util.List;

import static io.atelier.engine.planner.Strengths.clamp;
import static io.atelier.engine.planner.Strengths.clamp01;

/** Builds the colour operations: white balance, saturation, vibrance, black and white, palettes, split tone, overlays, gradients. */
final class ColourOps {
    private ColourOps() {
    }

    static Built build(Intent intent, Said said) {
        String c = said.text();
        double scale = Amounts.scale(c);
        int sign = Directions.sign(intent, c);
        Region region = RegionReader.read(c);
        return switch (intent) {
            case TEMPERATURE -> Built.of(new WhiteBalance(clamp(sign * LightOps.onScale(c, Strengths.TEMPERATURE * scale), 100), 0, region));
            case TINT -> Built.of(new WhiteBalance(0, clamp(sign * LightOps.onScale(c, Strengths.TINT * scale), 100), region));
            case COLOUR_CAST -> cast(said, scale, region);
            case SATURATION -> Built.of(new Saturation(clamp(sign * LightOps.onScale(c, Strengths.SATURATION * scale), 100), region));
            case VIBRANCE -> Built.of(new Vibrance(clamp(sign * LightOps.onScale(c, Strengths.VIBRANCE * scale), 100), region));
            case MONOCHROME -> Built.of(new Monochrome(region));
            case PALETTE -> palette(said, scale, region);
            case SPLIT_TONE -> splitTone(said, scale);
            case COLOUR_OVERLAY, GRADIENT -> overlay(said, intent == Intent.GRADIENT, scale);
            case HUE -> hue(said, scale, sign, region);
            default -> throw new IllegalArgumentException(intent + " is not a colour edit");
        };
    }

    // "richer greens", "tone down the yellows", "darker blues", "shift the reds toward orange", "bluer sky".
    private static Built hue(Said said, double scale, int sign, Region region) {
        HueAdjust.Family family = family(said.text());
        boolean light = said.has("lighter|darker|lighten|darken|brighter|light|dark");
        boolean shift = said.has("shift\\w*|toward|towards|turn|rotate|more (?:orange|yellow|red|green|teal|blue|purple|magenta)");
        if (shift && !said.has("shift\\w*|toward|towards|turn|rotate") && said.has("more " + family.name().toLowerCase(java.util.Locale.ROOT).replaceAll("s$", ""))) {
            shift = false; // "more blue" for the blues is more of them, not a turn toward another hue
        }
        double saturation = 0;
        double lightness = 0;
        double degrees = 0;
        if (shift) {
            degrees = clamp(towards(family, said.text()) * 15 * Math.min(scale, 2), 30);
        } else if (light && !said.has("richer|more saturated|vivid|deeper colou?r|muted|desaturat\\w*")) {
            lightness = clamp((said.has("darker|darken|dark") ? -1 : 1) * 30 * scale, 100);
        } else {
            saturation = clamp(sign * Strengths.SATURATION * 1.2 * scale, 100);
        }
        if (saturation == 0 && lightness == 0 && degrees == 0) {
            saturation = clamp(Strengths.SATURATION * scale, 100);
        }
        // "a bluer sky": the blues of the detected sky, so blue clothes or water below stay as they are
        return Built.of(new HueAdjust(family, saturation, lightness, degrees, region));
    }

    private static HueAdjust.Family family(String c) {
        if (c.matches(".*\\b(reds?|crimson|pinks?)\\b.*")) {
            return c.matches(".*\\bpinks\\b.*") ? HueAdjust.Family.MAGENTAS : HueAdjust.Family.REDS;
        }
        if (c.matches(".*\\b(oranges|skin ?tones?|skin)\\b.*")) {
            return HueAdjust.Family.ORANGES;
        }
        if (c.matches(".*\\b(yellows)\\b.*")) {
            return HueAdjust.Family.YELLOWS;
        }
        if (c.matches(".*\\b(greens|foliage|greenery|grass|leaves|plants?)\\b.*")) {
            return HueAdjust.Family.GREENS;
        }
        if (c.matches(".*\\b(aquas|teals|cyans|turquoise)\\b.*")) {
            return HueAdjust.Family.AQUAS;
        }
        if (c.matches(".*\\b(blues|sky|skies|bluer)\\b.*")) {
            return HueAdjust.Family.BLUES;
        }
        if (c.matches(".*\\b(purples|violets)\\b.*")) {
            return HueAdjust.Family.PURPLES;
        }
        if (c.matches(".*\\b(magentas)\\b.*")) {
            return HueAdjust.Family.MAGENTAS;
        }
        // the first family-like word: "greens" in "make the greens richer"
        for (HueAdjust.Family f : HueAdjust.Family.values()) {
            String singular = f.name().toLowerCase(java.util.Locale.ROOT).replaceAll("s$", "");
            if (c.matches(".*\\b" + singular + "\\b.*")) {
                return f;
            }
        }
        return HueAdjust.Family.GREENS;
    }

    // +1 toward the next family (red → orange → yellow …), −1 back, read from "toward <colour>".
    private static int towards(HueAdjust.Family from, String c) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(?:toward|towards|to|more) (red|orange|yellow|green|aqua|teal|cyan|blue|purple|violet|magenta|pink)").matcher(c);
        if (!m.find()) {
            return c.matches(".*\\b(warmer|warm)\\b.*") ? -1 : 1;
        }
        String target = switch (m.group(1)) {
            case "teal", "cyan" -> "aqua";
            case "violet" -> "purple";
            case "pink" -> "magenta";
            default -> m.group(1);
        };
        int to = HueAdjust.Family.valueOf(target.toUpperCase(java.util.Locale.ROOT) + "S").ordinal();
        int steps = Math.floorMod(to - from.ordinal(), 8);
        return steps == 0 ? 1 : steps <= 4 ? 1 : -1;
    }

    // A cast to take out is measured in the photo, named or not (a "yellow cast" is rarely only yellow, and the
    // measure says how much); a plain "less yellow" or "a touch warmer" moves the temperature the way it says.
    private static Built cast(Said said, double scale, Region region) {
        double t = Strengths.TEMPERATURE * scale;
        double g = Strengths.TINT * scale;
        boolean named = said.has("cast|tint|tinge");
        if (said.has("casts?|tinge") && !said.has("add|give|put|apply|warmer|cooler|warm (?:it|this) up|cool (?:it|this) down")) {
            return Built.of(new AutoWhiteBalance(said.has("whites?|white patch|highlights")
                    ? AutoWhiteBalance.Estimate.WHITE_PATCH : AutoWhiteBalance.Estimate.GREY_WORLD, clamp01(0.8 * Math.min(scale, 1.25))));
        }
        if (said.has("warmer|warm (?:it|this) up") || !named && said.has("warm")) {
            return Built.of(new WhiteBalance(clamp(t, 100), 0, region));
        }
        if (said.has("cooler|colder|cool (?:it|this) down") || !named && said.has("cool|cold")) {
            return Built.of(new WhiteBalance(clamp(-t, 100), 0, region));
        }
        if (said.has("yellow\\w*|orange\\w*|warm|amber|tungsten")) {
            return Built.of(new WhiteBalance(clamp(-t, 100), 0, region));
        }
        if (said.has("blu\\w*|cold|cool")) {
            return Built.of(new WhiteBalance(clamp(t, 100), 0, region));
        }
        if (said.has("green\\w*")) {
            return Built.of(new WhiteBalance(0, clamp(g, 100), region));
        }
        if (said.has("magenta|pink\\w*|purple\\w*")) {
            return Built.of(new WhiteBalance(0, clamp(-g, 100), region));
        }
        // no direction named: estimate the cast from the photo itself (its highlights when it says "whites")
        return Built.of(new AutoWhiteBalance(said.has("whites?|white patch|highlights")
                ? AutoWhiteBalance.Estimate.WHITE_PATCH : AutoWhiteBalance.Estimate.GREY_WORLD, clamp01(0.8 * Math.min(scale, 1.25))));
    }

    private static Built palette(Said said, double scale, Region region) {
        double strength = clamp01(Strengths.PALETTE * scale);
        if (said.has("earth(?:y)?|earth tones|natural tones|terracotta tones")) {
            return Built.of(new PaletteGrade("earthy", List.of(Rgb.parse("#7b5234"), Rgb.parse("#c8643b"),
                    Rgb.parse("#d8c3a0"), Rgb.parse("#6b7a3a"), Rgb.parse("#e3d5b8")), strength, region));
        }
        if (said.has("teal and orange|teal orange|blockbuster|hollywood")) {
            return Built.of(new PaletteGrade("teal and orange", List.of(Rgb.parse("#1f8a8a"), Rgb.parse("#f28c28")), strength, region));
        }
        if (said.has("pastels?")) {
            return Built.of(new PaletteGrade("pastel", List.of(Rgb.parse("#f4c2c2"), Rgb.parse("#b5d8eb"),
                    Rgb.parse("#c9e4c5"), Rgb.parse("#f7e7b4")), strength, region));
        }
        List<Rgb> colours = ColourNames.find(said.text());
        if (colours.isEmpty() && said.has("muted|desaturated|subdued|understated|calm|vivid|vibrant|saturated|rich|bold|bright|colou?rful")) {
            return build(Intent.SATURATION, said); // "a muted palette" asks for less colour, not for named colours
        }
        if (colours.isEmpty()) {
            return Built.needs(said.text() + (said.has("brand(?:ed)?")
                    ? ": your brand colours — no brand kit is set, so name them, e.g. grade toward terracotta, sand and olive"
                    : ": the palette colours — name them, e.g. grade toward terracotta, sand and olive"));
        }
        return Built.of(new PaletteGrade("custom", colours.size() > 12 ? colours.subList(0, 12) : colours, strength, region));
    }

    private static Built splitTone(Said said, double scale) {
        List<Rgb> colours = ColourNames.find(said.text().replaceAll("\\bwarm\\b", "amber").replaceAll("\\bcool\\b", "blue"));
        Rgb hi = colours.size() > 0 ? colours.get(0) : Rgb.parse("#ffb070");
        Rgb lo = colours.size() > 1 ? colours.get(1) : Rgb.parse("#4a78b0");
        if (said.text().matches(".*\\bshadows\\b.*\\bhighlights\\b.*") && colours.size() > 1) {
            Rgb swap = hi;
            hi = lo;
            lo = swap;
        }
        return Built.of(new SplitTone(hi, lo, clamp01(0.5 * scale)));
    }

    private static Built overlay(Said said, boolean gradient, double scale) {
        String c = said.text();
        List<Rgb> colours = ColourNames.find(c.replaceAll("\\b(background|backdrop)\\b", ""));
        Region region = RegionReader.read(c);
        if (gradient && said.has("background|backdrop")) {
            region = new Region.Background();
        }
        if (colours.isEmpty()) {
            return Built.needs(c + (said.has("brand(?:ed)?")
                    ? ": your brand colours — no brand kit is set, so name them, e.g. in forest green and cream, or #2f5d3a and #f3ead7"
                    : ": which colour — name it (e.g. forest green, terracotta) or give a hex code such as #2f5d3a"));
        }
        boolean replace = said.has("replace|plain|solid");
        double opacity = replace ? 0.92 : clamp01(said.has("subtle|slight|soft|faint|light|gentle") ? 0.35
                : said.has("strong|bold|heavy|opaque") ? 0.7 : 0.45 * Math.min(1.5, scale));
        if (gradient) {
            Rgb from = colours.get(0);
            Rgb to = colours.size() > 1 ? colours.get(1) : new Rgb((from.red() + 510) / 3, (from.green() + 510) / 3, (from.blue() + 510) / 3);
            Edge start = RegionReader.direction(c).orElse(Edge.TOP);
            return Built.of(new Gradient(from, to, start, opacity, region));
        }
        if (region instanceof Region.Side side && said.has("band|strip|stripe|bar")) {
            region = new Region.Side(side.edge(), said.has("thin|narrow|slim") ? 0.1 : 0.2); // a band is narrower than a third
        }
        return Built.of(new ColourOverlay(colours.get(0), opacity, region));
    }
}
