package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/** Exposure: scales linear light by 2^stops, as opening the aperture by that many stops would. */
public final class Exposure {
    private Exposure() {
    }

    public static LinearImage apply(LinearImage image, double stops) {
        float gain = (float) Math.pow(2, stops);
        return image.mapPixels(px -> {
            px[0] *= gain;
            px[1] *= gain;
            px[2] *= gain;
        });
    }
}
