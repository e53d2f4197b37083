package io.atelier.engine.render;

import io.atelier.engine.ops.Operation;
import io.atelier.imaging.ImageLimits;

/** An operation would produce an image over the limits; thrown before its pixels are allocated. */
public final class OutputTooLargeException extends RuntimeException {
    public OutputTooLargeException(Operation operation, int width, int height, ImageLimits limits) {
        super("\"" + operation.describe() + "\" would make a " + width + " × " + height + " image ("
                + String.format(java.util.Locale.ROOT, "%.0f", width * (double) height / 1e6) + " megapixels); the limit is "
                + limits.maxDimension() + " pixels a side and " + limits.maxPixels() / 1_000_000 + " megapixels.");
    }
}
