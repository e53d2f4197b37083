package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/** Black and white: every channel becomes the pixel's Rec. 709 relative luminance (linear light). */
public final class Monochrome {
    private Monochrome() {
    }

    public static LinearImage apply(LinearImage image) {
        return ColourMatrix.apply(image, new float[] {
                0.2126f, 0.7152f, 0.0722f,
                0.2126f, 0.7152f, 0.0722f,
                0.2126f, 0.7152f, 0.0722f});
    }
}
