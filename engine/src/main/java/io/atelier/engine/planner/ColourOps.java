package io.atelier.engine.planner;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Operation;
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
            case TEMPERATURE -> Built.of(new Operation.WhiteBalance(clamp(sign * LightOps.onScale(c, Strengths.TEMPERATURE * scale), 100), 0, region));
            case TINT -> Built.of(new Operation.WhiteBalance(0, clamp(sign * LightOps.onScale(c, Strengths.TINT * scale), 100), region));
            case COLOUR_CAST -> cast(said, scale, region);
            case SATURATION -> Built.of(new Operation.Saturation(clamp(sign * LightOps.onScale(c, Strengths.SATURATION * scale), 100), region));
            case VIBRANCE -> Built.of(new Operation.Vibrance(clamp(sign * LightOps.onScale(c, Strengths.VIBRANCE * scale), 100), region));
            case MONOCHROME -> Built.of(new Operation.Monochrome(region));
            case PALETTE -> palette(said, scale, region);
            case SPLIT_TONE -> splitTone(said, scale);
            case COLOUR_OVERLAY, GRADIENT -> overlay(said, intent == Intent.GRADIENT, scale);
            case HUE -> Built.cannot("changing one colour family on its own (the greens, the blues…) is not something the built-in engine can do yet");
            default -> throw new IllegalArgumentException(intent + " is not a colour edit");
        };
    }

    // A cast named by its colour is taken out by moving the other way; an unnamed one needs to be named.
    private static Built cast(Said said, double scale, Region region) {
        double t = Strengths.TEMPERATURE * scale;
        double g = Strengths.TINT * scale;
        boolean named = said.has("cast|tint");
        if (said.has("warmer|warm (?:it|this) up") || !named && said.has("warm")) {
            return Built.of(new Operation.WhiteBalance(clamp(t, 100), 0, region));
        }
        if (said.has("cooler|colder|cool (?:it|this) down") || !named && said.has("cool|cold")) {
            return Built.of(new Operation.WhiteBalance(clamp(-t, 100), 0, region));
        }
        if (said.has("yellow\\w*|orange\\w*|warm|amber|tungsten")) {
            return Built.of(new Operation.WhiteBalance(clamp(-t, 100), 0, region));
        }
        if (said.has("blu\\w*|cold|cool")) {
            return Built.of(new Operation.WhiteBalance(clamp(t, 100), 0, region));
        }
        if (said.has("green\\w*")) {
            return Built.of(new Operation.WhiteBalance(0, clamp(g, 100), region));
        }
        if (said.has("magenta|pink\\w*|purple\\w*")) {
            return Built.of(new Operation.WhiteBalance(0, clamp(-g, 100), region));
        }
        return Built.needs(said.text() + ": which way the cast goes — say 'cooler' to take out a yellow or orange cast, "
                + "'warmer' for a blue one, or 'less green' / 'less magenta'");
    }

    private static Built palette(Said said, double scale, Region region) {
        double strength = clamp01(Strengths.PALETTE * scale);
        if (said.has("earth(?:y)?|earth tones|natural tones|terracotta tones")) {
            return Built.of(new Operation.PaletteGrade("earthy", List.of(Rgb.parse("#7b5234"), Rgb.parse("#c8643b"),
                    Rgb.parse("#d8c3a0"), Rgb.parse("#6b7a3a"), Rgb.parse("#e3d5b8")), strength, region));
        }
        if (said.has("teal and orange|teal orange|blockbuster|hollywood")) {
            return Built.of(new Operation.PaletteGrade("teal and orange", List.of(Rgb.parse("#1f8a8a"), Rgb.parse("#f28c28")), strength, region));
        }
        if (said.has("pastels?")) {
            return Built.of(new Operation.PaletteGrade("pastel", List.of(Rgb.parse("#f4c2c2"), Rgb.parse("#b5d8eb"),
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
        return Built.of(new Operation.PaletteGrade("custom", colours.size() > 12 ? colours.subList(0, 12) : colours, strength, region));
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
        return Built.of(new Operation.SplitTone(hi, lo, clamp01(0.5 * scale)));
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
            return Built.of(new Operation.Gradient(from, to, start, opacity, region));
        }
        if (region instanceof Region.Side side && said.has("band|strip|stripe|bar")) {
            region = new Region.Side(side.edge(), said.has("thin|narrow|slim") ? 0.1 : 0.2); // a band is narrower than a third
        }
        return Built.of(new Operation.ColourOverlay(colours.get(0), opacity, region));
    }
}
