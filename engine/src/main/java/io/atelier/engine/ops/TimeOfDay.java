package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The colour and tone of a time of day, as a fixed recipe scaled by strength 0–1:
 * <pre>
 *   mood         temperature  tint  contrast  saturation  exposure
 *   golden hour      +40       +8      +8        +12        +0.10
 *   morning          +15       −3      −8         −5        +0.20
 *   midday            −5        0     +12         +5         0
 *   overcast         −18        0     −15        −20        −0.10
 *   blue hour        −45       +5       0         −5        −0.35
 * </pre>
 */
@JsonTypeName("time-of-day")
@Doc(layer = Doc.Layer.LIGHT, value = "a fixed recipe of white balance, contrast, saturation and exposure per time of day")
public record TimeOfDay(
        @Param(doc = "the time of day or weather") Mood mood,
        @Param(min = 0, max = 1, doc = "how far toward the recipe") double strength) implements Operation.Global {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "graded toward %s light (strength %.2f)", mood.word(), strength);
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        double[] recipe = switch (mood) {
            case GOLDEN_HOUR -> new double[] {40, 8, 8, 12, 0.10};
            case MORNING -> new double[] {15, -3, -8, -5, 0.20};
            case MIDDAY -> new double[] {-5, 0, 12, 5, 0};
            case OVERCAST -> new double[] {-18, 0, -15, -20, -0.10};
            case BLUE_HOUR -> new double[] {-45, 5, 0, -5, -0.35};
        };
        Optional<float[]> whole = Optional.empty();
        LinearImage out = new WhiteBalance(recipe[0] * strength, recipe[1] * strength, Region.WHOLE).apply(image, whole);
        out = new Contrast(recipe[2] * strength, Region.WHOLE).apply(out, whole);
        out = new Saturation(recipe[3] * strength, Region.WHOLE).apply(out, whole);
        return recipe[4] == 0 ? out : new Exposure(recipe[4] * strength, Region.WHOLE).apply(out, whole);
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
