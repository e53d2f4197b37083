package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/** Mirror the image left–right or top–bottom; pixels move exactly. */
@JsonTypeName("flip")
@Doc(layer = Doc.Layer.COMPOSITION, value = "left–right or top–bottom")
public record Flip(@Param(doc = "true mirrors left–right, false top–bottom") boolean horizontal) implements Operation.Geometric {

    @Override
    public String describe() {
        return horizontal ? "flipped left to right" : "flipped upside down";
    }

    @Override
    public Move move(LinearImage image, Supplier<SubjectMatte> subject) {
        return Move.exact(this::flip, image.width(), image.height()).orInPlace(this::flipInPlace);
    }

    // Swaps pixels across the middle of each row (or rows across the middle of the frame), so a 50 MP mirror needs no
    // second frame. A frame with alpha takes the copying path.
    private LinearImage flipInPlace(LinearImage image) {
        if (image.hasAlpha()) {
            return flip(image);
        }
        int w = image.width();
        int h = image.height();
        for (int c = 0; c < 3; c++) {
            float[] p = image.channel(c);
            if (horizontal) {
                java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
                    for (int a = y * w, b = a + w - 1; a < b; a++, b--) {
                        float t = p[a];
                        p[a] = p[b];
                        p[b] = t;
                    }
                });
            } else {
                float[] row = new float[w];
                for (int top = 0, bottom = h - 1; top < bottom; top++, bottom--) {
                    System.arraycopy(p, top * w, row, 0, w);
                    System.arraycopy(p, bottom * w, p, top * w, w);
                    System.arraycopy(row, 0, p, bottom * w, w);
                }
            }
        }
        return image;
    }

    private LinearImage flip(LinearImage image) {
        int w = image.width();
        int h = image.height();
        return image.remapped(w, h, src -> {
            float[] dst = new float[src.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    dst[y * w + x] = horizontal ? src[y * w + (w - 1 - x)] : src[(h - 1 - y) * w + x];
                }
            }
            return dst;
        });
    }
}
