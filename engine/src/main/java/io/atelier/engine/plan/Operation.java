package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One typed step of an edit plan; the closed set of what the built-in engine can do. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Operation.Exposure.class, name = "exposure"),
        @JsonSubTypes.Type(value = Operation.WhiteBalance.class, name = "white-balance"),
        @JsonSubTypes.Type(value = Operation.Monochrome.class, name = "monochrome"),
        @JsonSubTypes.Type(value = Operation.CropToAspect.class, name = "crop-to-aspect"),
})
public sealed interface Operation {

    /** A short sentence saying what the operation does, shown to the user as "what I did". */
    String describe();

    /**
     * Exposure change in photographic stops, applied in linear light: every channel is multiplied by
     * 2^stops, then clipped. Range −4…+4.
     */
    record Exposure(double stops) implements Operation {
        public Exposure {
            requireRange("stops", stops, -4, 4);
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s exposure by %.2f stop%s",
                    stops >= 0 ? "raised" : "lowered", Math.abs(stops), Math.abs(stops) == 1 ? "" : "s");
        }
    }

    /**
     * White balance shift on a −100…+100 scale: positive temperature warms (more red, less blue),
     * positive tint adds magenta, negative adds green. Channel gains are applied in linear light and
     * normalised so a neutral grey keeps its luminance.
     */
    record WhiteBalance(double temperature, double tint) implements Operation {
        public WhiteBalance {
            requireRange("temperature", temperature, -100, 100);
            requireRange("tint", tint, -100, 100);
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s the colour temperature by %.0f", temperature >= 0 ? "warmed" : "cooled",
                    Math.abs(temperature)) + (tint == 0 ? "" : String.format(java.util.Locale.ROOT, ", tint %+.0f", tint));
        }
    }

    /** Black and white: each pixel becomes its Rec. 709 relative luminance, computed in linear light. */
    record Monochrome() implements Operation {
        @Override
        public String describe() {
            return "converted to black and white";
        }
    }

    /**
     * Crop to the largest rectangle of aspect {@code width:height} that fits the image, placed so the
     * anchor point (fractions of the image size, 0.5/0.5 = centre) is as central as the frame allows.
     */
    record CropToAspect(int width, int height, double anchorX, double anchorY) implements Operation {
        public CropToAspect {
            if (width <= 0 || height <= 0 || width > 100 || height > 100) {
                throw new IllegalArgumentException("aspect must be two whole numbers from 1 to 100, got " + width + ":" + height);
            }
            requireRange("anchorX", anchorX, 0, 1);
            requireRange("anchorY", anchorY, 0, 1);
        }

        @Override
        public String describe() {
            return "cropped to " + width + ":" + height;
        }
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be within " + min + " and " + max + ", got " + value);
        }
    }
}
