package io.atelier.engine.planner;

import io.atelier.engine.ops.AutoLevel;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.TimeOfDay;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vignette;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.util.Optional;

import static io.atelier.engine.planner.Strengths.clamp;
import static io.atelier.engine.planner.Strengths.clamp01;

/** Builds the light and atmosphere operations: exposure, contrast, tone recovery, time of day, directional light, vignette, glow, haze. */
final class LightOps {
    private LightOps() {
    }

    static Built build(Intent intent, Said said) {
        String c = said.text();
        double scale = Amounts.scale(c);
        int sign = Directions.sign(intent, c);
        return switch (intent) {
            case EXPOSURE -> Built.of(new Exposure(clamp(sign * exposureStops(c, sign, scale), 4), RegionReader.read(c)));
            case CONTRAST -> Built.of(new Contrast(clamp(sign * onScale(c, Strengths.CONTRAST * scale), 100), RegionReader.read(c)));
            case HIGHLIGHTS -> Built.of(new ToneRecovery(clamp(sign * onScale(c, Strengths.TONE_RECOVERY * scale), 100), 0, placeOnly(c)));
            case SHADOWS -> Built.of(new ToneRecovery(0, clamp(sign * onScale(c, Strengths.TONE_RECOVERY * scale), 100), placeOnly(c)));
            case TIME_OF_DAY -> Built.of(new TimeOfDay(mood(said), clamp01(Strengths.TIME_OF_DAY * Math.min(scale, 1.4))));
            case DIRECTIONAL_LIGHT -> Built.of(light(said, scale));
            case VIGNETTE -> Built.of(new Vignette(clamp(sign * onScale(c, Strengths.VIGNETTE * scale), 100), 0.35,
                    said.subjectMentioned() || RegionReader.SUBJECT.matcher(c).find()));
            case GLOW -> Built.of(new Glow(Glow.Kind.GLOW, clamp(Strengths.GLOW * scale, 100), RegionReader.read(c)));
            case HAZE -> Built.of(new Glow(Glow.Kind.HAZE, clamp(Strengths.HAZE * scale, 100), RegionReader.read(c)));
            case EMPHASIS -> Built.of(new Exposure(clamp(-Strengths.EMPHASIS_STOPS * scale, 4), new Region.Background()),
                    new Vignette(clamp(-35 * scale, 100), 0.3, true));
            case AUTO_LEVEL -> Built.of(new AutoLevel(0.5, said.has("per channel|each channel|colou?r channels|cast")));
            case SEPARATION -> Built.of(new Exposure(clamp(-0.6 * scale, 4), new Region.Background()),
                    new Exposure(clamp(0.2 * scale, 4), new Region.Subject()));
            default -> throw new IllegalArgumentException(intent + " is not a light edit");
        };
    }

    // "half a stop", "+0.7 EV", "20% brighter" (linear light × 1.2), else the default.
    private static double exposureStops(String c, int sign, double scale) {
        var stops = Amounts.stops(c);
        if (stops.isPresent()) {
            return stops.getAsDouble();
        }
        var percent = Amounts.percent(c);
        if (percent.isPresent()) {
            double fraction = Math.min(0.95, percent.getAsDouble() / 100);
            return Math.abs(Math.log(sign > 0 ? 1 + fraction : 1 - fraction) / Math.log(2));
        }
        return Strengths.EXPOSURE_STOPS * scale;
    }

    /** A percentage or a written number on the operation's −100…100 scale, else the default. */
    static double onScale(String c, double fallback) {
        var percent = Amounts.percent(c);
        if (percent.isPresent()) {
            return Math.min(100, percent.getAsDouble());
        }
        return Amounts.number(c).map(Math::abs).filter(n -> n >= 1 && n <= 100).orElse(fallback);
    }

    // Tone recovery already works in its tonal range: only a side or the background narrows it further.
    private static Region placeOnly(String c) {
        return RegionReader.side(c).orElseGet(() -> RegionReader.BACKGROUND.matcher(c).find() ? new Region.Background() : Region.WHOLE);
    }

    private static TimeOfDay.Mood mood(Said said) {
        if (said.has("blue hour|dusk|twilight|night|moonlight")) {
            return TimeOfDay.Mood.BLUE_HOUR;
        }
        if (said.has("overcast|cloudy|grey day|gray day|rainy|dull day|diffused? daylight|moody sky")) {
            return TimeOfDay.Mood.OVERCAST;
        }
        if (said.has("morning|sunrise|dawn|early light|breakfast|first light|early")) {
            return TimeOfDay.Mood.MORNING;
        }
        if (said.has("midday|noon|harsh sun|high sun|bright daylight|summer day|lunchtime")) {
            return TimeOfDay.Mood.MIDDAY;
        }
        return TimeOfDay.Mood.GOLDEN_HOUR; // golden hour, sunset, late afternoon, evening
    }

    private static Operation light(Said said, double scale) {
        String c = said.text();
        Optional<Edge> from = RegionReader.direction(c);
        if (from.isEmpty() && said.has("back ?light\\w*|back ?lit|rim light\\w*|from behind|behind")) {
            from = Optional.of(Edge.TOP); // behind the subject, seen from the camera: light spilling over the top
        }
        if (from.isEmpty() && said.has("above|overhead|top")) {
            from = Optional.of(Edge.TOP);
        }
        Rgb colour = said.has("golden|sunset|late afternoon|evening|warm") ? Rgb.parse("#ffb45e")
                : said.has("morning|sunrise|dawn|early") ? Rgb.parse("#ffe0b5")
                : said.has("cool|blue|moon ?light|overcast|north|cold") ? Rgb.parse("#cfe0ff")
                : said.has("sun|sunlight|sunshine") ? Rgb.parse("#ffd7a8")
                : ColourNames.find(c).stream().findFirst().orElse(Rgb.parse("#fff4e6"));
        double softness = said.has("hard|harsh|crisp|strong shadows|dramatic|direct|spotlight") ? 0.25
                : said.has("soft|gentle|diffused?|subtle|window") ? 0.8 : 0.6;
        double shadow = shadowOf(said);
        return new DirectionalLight(from.orElse(Edge.LEFT), clamp(Strengths.LIGHT_STOPS * Math.max(scale, 0.8), 2), colour,
                softness, shadow);
    }

    /** How dark the subject's own shadow is, when the clause mentions shadows cast by the light (0 otherwise). */
    static double shadowOf(Said said) {
        if (!said.has("shadows?|casting|cast")) {
            return 0;
        }
        return said.has("gentle|soft|subtle|faint") ? 0.45 : said.has("strong|deep|long|dramatic|hard") ? 0.9 : 0.7;
    }
}
