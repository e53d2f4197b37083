package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import java.util.function.UnaryOperator;

/**
 * How a geometric operation moves pixels: one function, applied the same way to the image and to the
 * subject matte. {@code exact} says whether every output pixel is a copy of an input pixel (crops,
 * flips, quarter turns), so the moved matte is the subject's matte of the result; a resampling or
 * canvas-extending move is not, and the matte is estimated again when needed.
 */
public record Move(UnaryOperator<LinearImage> pixels, boolean exact) {

    static Move exact(UnaryOperator<LinearImage> pixels) {
        return new Move(pixels, true);
    }

    public LinearImage apply(LinearImage image) {
        return pixels.apply(image);
    }
}
