package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A frame in a flat colour, painted over the outer band of the photo, {@code width} × the short side
 * wide (at least one pixel) on all four sides. It is painted inside rather than added outside so the
 * size and aspect ratio that earlier steps set (a 4:5 crop for a feed, a 16:9 banner) stay exact, and
 * no pixel moves, so the subject matte stays valid.
 */
@JsonTypeName("border")
@Doc(layer = Doc.Layer.COMPOSITION, value = "a flat-colour frame painted over the photo's outer band; size and aspect kept")
public record Border(
        @Param(min = 0.005, max = 0.2, doc = "band width as a fraction of the image's shorter side") double width,
        @Param(doc = "colour of the frame") Rgb colour) implements Operation.Global {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "framed the picture with a %s border (%.1f%% of the short side)", colour.hex(), width * 100);
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        int w = image.width();
        int h = image.height();
        int band = pixels(w, h);
        float[] c = colour.linear();
        return image.mapPixels((x, y, px) -> {
            if (x < band || y < band || x >= w - band || y >= h - band) {
                px[0] = c[0];
                px[1] = c[1];
                px[2] = c[2];
            }
        });
    }

    /** The band's width in pixels for an image of the given size. */
    public int pixels(int imageWidth, int imageHeight) {
        return (int) Math.max(1, Math.round(width * Math.min(imageWidth, imageHeight)));
    }
}
