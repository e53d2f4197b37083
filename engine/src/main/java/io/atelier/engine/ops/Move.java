package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a geometric operation moves pixels: one function, applied the same way to the image and to the
 * subject matte. {@code exact} says whether every output pixel is a copy of an input pixel (crops,
 * flips, quarter turns), so the moved matte is the subject's matte of the result; a resampling or
 * canvas-extending move is not, and the matte is estimated again when needed. {@code width} and
 * {@code height} are the size the move produces, known before any pixel is allocated, so the renderer
 * can refuse a move whose output is over the limits.
 */
public record Move(UnaryOperator<LinearImage> pixels, boolean exact, int width, int height, Optional<UnaryOperator<LinearImage>> inPlace) {

    public Move {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a move produces at least one pixel");
        }
    }

    public Move(UnaryOperator<LinearImage> pixels, boolean exact, int width, int height) {
        this(pixels, exact, width, height, Optional.empty());
    }

    /** The same move, which can also be made over the planes of a frame its caller owns: the same pixels, no copy. */
    Move orInPlace(UnaryOperator<LinearImage> overwrite) {
        return new Move(pixels, exact, width, height, Optional.of(overwrite));
    }

    static Move exact(UnaryOperator<LinearImage> pixels, int width, int height) {
        return new Move(pixels, true, width, height);
    }

    /** Output pixels, as a long: a hostile plan can ask for more than an int holds. */
    public long pixelCount() {
        return (long) width * height;
    }

    public LinearImage apply(LinearImage image) {
        return pixels.apply(image);
    }

    /** The move made on a frame nobody else holds and nobody reads again: in place when it can be. */
    public LinearImage applyOwned(LinearImage image) {
        return inPlace.isPresent() ? inPlace.get().apply(image) : pixels.apply(image);
    }
}
