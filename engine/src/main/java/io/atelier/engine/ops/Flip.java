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
        return Move.exact(this::flip, image.width(), image.height());
    }

    private LinearImage flip(LinearImage image) {
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
