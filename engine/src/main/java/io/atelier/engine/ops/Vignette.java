package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;

/**
 * Vignette: exposure changes by amount/50 stops × smoothstep(midpoint, 1, r), where r is the
 * elliptical distance from the centre (cx, cy) — 1 at the farthest corner — so the centre is untouched
 * and the fall-off is gradual.
 */
public final class Vignette {
    private Vignette() {
    }

    public static LinearImage apply(LinearImage image, double amount, double midpoint, double cx, double cy) {
        int w = image.width();
        int h = image.height();
        double farX = Math.max(cx, 1 - cx);
        double farY = Math.max(cy, 1 - cy);
        double norm = Math.sqrt(farX * farX + farY * farY);
        float stops = (float) (amount / 50.0);
        float mid = (float) midpoint;
        return image.mapPixels((x, y, px) -> {
            double dx = (x + 0.5) / w - cx;
            double dy = (y + 0.5) / h - cy;
            float r = (float) (Math.sqrt(dx * dx + dy * dy) / norm);
            float gain = (float) Math.pow(2, stops * Tone.smoothstep(mid, 1f, r));
            px[0] *= gain;
            px[1] *= gain;
            px[2] *= gain;
        });
    }
}
