package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where in the image an operation applies; the mask is soft, with a feathered border. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Region.Whole.class, name = "whole"),
        @JsonSubTypes.Type(value = Region.Subject.class, name = "subject"),
        @JsonSubTypes.Type(value = Region.Background.class, name = "background"),
        @JsonSubTypes.Type(value = Region.Side.class, name = "side"),
        @JsonSubTypes.Type(value = Region.Tones.class, name = "tones"),
        @JsonSubTypes.Type(value = Region.Sky.class, name = "sky"),
})
public sealed interface Region {
    Region WHOLE = new Whole();

    /** Words for "what I did": "", " on the subject", " on the upper third"… */
    String describe();

    /** The region, or the whole frame when a plan leaves it out. */
    static Region orWhole(Region region) {
        return region == null ? WHOLE : region;
    }

    /** The whole frame. */
    record Whole() implements Region {
        @Override
        public String describe() {
            return "";
        }
    }

    /** The main subject, as estimated by the subject detector. */
    record Subject() implements Region {
        @Override
        public String describe() {
            return " on the subject";
        }
    }

    /** The sky, as found by the sky detector (colour, smoothness, connected to the top edge). */
    record Sky() implements Region {
        @Override
        public String describe() {
            return " on the sky";
        }
    }

    /** Everything but the main subject. */
    record Background() implements Region {
        @Override
        public String describe() {
            return " on the background";
        }
    }

    /** The band along one edge covering {@code extent} of the frame (0.5 = half, 0.333 = a third). */
    record Side(Edge edge, double extent) implements Region {
        public Side {
            if (edge == null || !edge.straight()) {
                throw new IllegalArgumentException("a side region needs a straight edge (left, right, top, bottom)");
            }
            if (!(extent > 0.05 && extent <= 1)) {
                throw new IllegalArgumentException("extent must be within 0.05 and 1, got " + extent);
            }
        }

        @Override
        public String describe() {
            String part = Math.abs(extent - 1 / 3.0) < 0.01 ? "third" : Math.abs(extent - 0.5) < 0.01 ? "half"
                    : Math.round(extent * 100) + "%";
            String where = switch (edge) {
                case TOP -> "upper";
                case BOTTOM -> "lower";
                default -> edge.word();
            };
            return " on the " + where + " " + part;
        }
    }

    /** A tonal range, chosen by luminance with soft transitions. */
    record Tones(Range range) implements Region {
        public Tones {
            if (range == null) {
                throw new IllegalArgumentException("tones need a range");
            }
        }

        @Override
        public String describe() {
            return " on the " + range.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Luminance bands. */
        public enum Range {
            @JsonProperty("highlights") HIGHLIGHTS,
            @JsonProperty("midtones") MIDTONES,
            @JsonProperty("shadows") SHADOWS
        }
    }
}
