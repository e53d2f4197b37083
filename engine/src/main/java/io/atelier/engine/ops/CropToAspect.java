package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * Crop to an aspect ratio: the largest w:h rectangle inside the image, centred on the anchor point
 * (fractions of the frame) and slid back inside the frame where the anchor is near an edge.
 */
public final class CropToAspect {
    private CropToAspect() {
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
        int x = clamp((int) Math.round(anchorX * width - cw / 2.0), 0, width - cw);
        int y = clamp((int) Math.round(anchorY * height - ch / 2.0), 0, height - ch);
        return new int[] {x, y, cw, ch};
    }

    public static LinearImage apply(LinearImage image, int aspectW, int aspectH, double anchorX, double anchorY) {
        int[] f = frame(image.width(), image.height(), aspectW, aspectH, anchorX, anchorY);
        return image.region(f[0], f[1], f[2], f[3]);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
