package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Rgb;

/**
 * Laying colour over the image in linear light (normal blend at an opacity): a flat colour, or a
 * linear gradient from one colour at an edge to another at the opposite edge. The region mask then
 * decides where it shows.
 */
public final class ColourFill {
    private ColourFill() {
    }

    public static LinearImage flat(LinearImage image, Rgb colour, double opacity) {
        float[] c = colour.linear();
        float o = (float) opacity;
        return image.mapPixels(px -> {
            px[0] += o * (c[0] - px[0]);
            px[1] += o * (c[1] - px[1]);
            px[2] += o * (c[2] - px[2]);
        });
    }

    public static LinearImage gradient(LinearImage image, Rgb from, Rgb to, Edge start, double opacity) {
        float[] a = from.linear();
        float[] b = to.linear();
        float o = (float) opacity;
        int w = image.width();
        int h = image.height();
        return image.mapPixels((x, y, px) -> {
            float t = (float) start.depth((x + 0.5) / w, (y + 0.5) / h);
            for (int c = 0; c < 3; c++) {
                float col = a[c] + t * (b[c] - a[c]);
                px[c] += o * (col - px[c]);
            }
        });
    }
}
