package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.AreaResample;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/**
 * Scales the whole picture so its longer side is {@code longSide} pixels, keeping the aspect. Shrinking
 * averages the covered area in linear light (no aliasing, and bright points keep their energy);
 * enlarging interpolates bilinearly. A resampling move, so a subject matte is estimated again if needed.
 */
@JsonTypeName("resize")
@Doc(layer = Doc.Layer.COMPOSITION, value = "longer side to a pixel size; area average when shrinking, bilinear when enlarging")
public record Resize(@Param(min = 16, max = 16_384, doc = "the longer side after resizing, in pixels") int longSide)
        implements Operation.Geometric {

    @Override
    public String describe() {
        return "resized to " + longSide + " px on the longer side";
    }

    @Override
    public Move move(LinearImage image, Supplier<SubjectMatte> subject) {
        int[] size = size(image.width(), image.height());
        return new Move(this::resize, size[0] == image.width() && size[1] == image.height(), size[0], size[1]);
    }

    /** The output size for an input of {@code w} × {@code h}: the longer side becomes {@code longSide}, the other rounds, at least 1. */
    public int[] size(int w, int h) {
        double scale = longSide / (double) Math.max(w, h);
        return w >= h ? new int[] {longSide, Math.max(1, (int) Math.round(h * scale))}
                : new int[] {Math.max(1, (int) Math.round(w * scale)), longSide};
    }

    private LinearImage resize(LinearImage image) {
        int[] size = size(image.width(), image.height());
        return to(image, size[0], size[1]);
    }

    /** {@code image} at exactly {@code newW} × {@code newH}: area average when shrinking, bilinear when enlarging. */
    public static LinearImage to(LinearImage image, int newW, int newH) {
        int w = image.width();
        int h = image.height();
        int[] size = {newW, newH};
        if (size[0] == w && size[1] == h) {
            return image;
        }
        boolean shrink = size[0] <= w && size[1] <= h;
        return image.remapped(size[0], size[1], plane -> shrink ? AreaResample.shrink(plane, w, h, size[0], size[1])
                : Kernels.resizeLinear(plane, w, h, size[0], size[1]));
    }
}
