package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/** Mirror the image left–right or top–bottom; pixels move exactly. */
public final class Flip {
    private Flip() {
    }

    public static LinearImage apply(LinearImage image, boolean horizontal) {
        int w = image.width();
        int h = image.height();
        LinearImage out = LinearImage.blank(w, h, image.hasAlpha());
        for (int c = 0; c < 3; c++) {
            float[] src = image.channel(c);
            float[] dst = out.channel(c);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] = horizontal ? src[y * w + (w - 1 - x)] : src[(h - 1 - y) * w + x];
                }
            }
        }
        return out;
    }
}
