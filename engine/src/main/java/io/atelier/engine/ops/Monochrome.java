package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/** Black and white: every channel becomes the pixel's Rec. 709 relative luminance (linear light). */
public final class Monochrome {
    private Monochrome() {
    }

    public static LinearImage apply(LinearImage image) {
        return image.mapPixels(px -> {
            float y = 0.2126f * px[0] + 0.7152f * px[1] + 0.0722f * px[2];
            px[0] = y;
            px[1] = y;
            px[2] = y;
        });
    }
}
