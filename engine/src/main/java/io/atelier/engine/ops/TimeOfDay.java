package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Operation.TimeOfDay.Mood;

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
public final class TimeOfDay {
    private TimeOfDay() {
    }

    public static LinearImage apply(LinearImage image, Mood mood, double strength) {
        double[] recipe = switch (mood) {
            case GOLDEN_HOUR -> new double[] {40, 8, 8, 12, 0.10};
            case MORNING -> new double[] {15, -3, -8, -5, 0.20};
            case MIDDAY -> new double[] {-5, 0, 12, 5, 0};
            case OVERCAST -> new double[] {-18, 0, -15, -20, -0.10};
            case BLUE_HOUR -> new double[] {-45, 5, 0, -5, -0.35};
        };
        LinearImage out = WhiteBalance.apply(image, recipe[0] * strength, recipe[1] * strength);
        out = Contrast.apply(out, recipe[2] * strength);
        out = Saturation.apply(out, recipe[3] * strength);
        return recipe[4] == 0 ? out : Exposure.apply(out, recipe[4] * strength);
    }
}
