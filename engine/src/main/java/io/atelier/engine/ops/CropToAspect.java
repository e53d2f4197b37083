package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Crop to an aspect ratio: the largest w:h rectangle inside the image, centred on the anchor point
 * (fractions of the frame) and slid back inside the frame where the anchor is near an edge.
 */
@JsonTypeName("crop-to-aspect")
@Doc(layer = Doc.Layer.COMPOSITION, value = "largest w:h crop, anchored on the subject, the centre or a side")
public record CropToAspect(
        @Param(min = 1, max = 100, doc = "aspect ratio width") int width,
        @Param(min = 1, max = 100, doc = "aspect ratio height") int height,
        @Param(doc = "where the crop is placed: on the subject's centre, the image centre, or against one edge") Anchor anchor)
        implements Operation.Geometric {

    @Override
    public String describe() {
        return "cropped to " + width + ":" + height + (anchor == Anchor.SUBJECT ? " around the subject"
                : anchor == Anchor.CENTRE ? "" : " against the " + anchor.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Move move(LinearImage image, Supplier<SubjectMatte> subject) {
        double[] at = switch (anchor) {
            case SUBJECT -> subject.get().centroid();
            case CENTRE -> new double[] {0.5, 0.5};
            case LEFT -> new double[] {0, 0.5};
            case RIGHT -> new double[] {1, 0.5};
            case TOP -> new double[] {0.5, 0};
            case BOTTOM -> new double[] {0.5, 1};
        };
        int[] f = frame(image.width(), image.height(), width, height, at[0], at[1]);
        return Move.exact(pixels -> pixels.region(f[0], f[1], f[2], f[3]), f[2], f[3]);
    }

    /** The crop rectangle {x, y, width, height} for an image of the given size. */
    public static int[] frame(int width, int height, int aspectW, int aspectH, double anchorX, double anchorY) {
        double target = aspectW / (double) aspectH;
        int cw;
        int ch;
        if (width / (double) height > target) {
            ch = height;
            cw = (int) Math.max(1, Math.min(width, Math.round(height * target)));
        } else {
            cw = width;
            ch = (int) Math.max(1, Math.min(height, Math.round(width / target)));
        }
        int x = Math.clamp(Math.round(anchorX * width - cw / 2.0), 0, width - cw);
        int y = Math.clamp(Math.round(anchorY * height - ch / 2.0), 0, height - ch);
        return new int[] {x, y, cw, ch};
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
