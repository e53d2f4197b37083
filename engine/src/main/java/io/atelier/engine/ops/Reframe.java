package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reframe to an aspect ratio with room on one side. First it looks for the largest crop of that
 * aspect that holds the whole subject and leaves at least {@code room} of the frame on the asked side
 * free of it. If the photo has no such crop (the subject is too wide, or too near that side), the
 * canvas is extended on that side to the asked aspect at the photo's own height (the room is then as
 * large as that allows): the new area mirrors the photo across its edge, blurred
 * (σ 1.5% of the frame next to the photo, easing to 8% farther out), so the room reads as calm
 * continuation of the surface rather than a bar. A crop moves the matte exactly; an extended canvas does not.
 */
@JsonTypeName("reframe")
@Doc(layer = Doc.Layer.COMPOSITION, value = "w:h with room on a side for text: crops if the photo allows, else extends the canvas "
        + "with a mirrored, blurred continuation")
public record Reframe(
        @Param(min = 1, max = 100, doc = "aspect ratio width") int width,
        @Param(min = 1, max = 100, doc = "aspect ratio height") int height,
        @Param(doc = "the side left free: left, right, top or bottom") Edge roomOn,
        @Param(min = 0.2, max = 0.6, doc = "at least this fraction of the frame on that side is free of the subject") double room)
        implements Operation.Geometric {

    public Reframe {
        if (roomOn != null && !roomOn.straight()) {
            throw new IllegalArgumentException("room goes on a side: left, right, top or bottom");
        }
    }

    @Override
    public String describe() {
        return "reframed to " + width + ":" + height + " with room on the " + roomOn.word();
    }

    @Override
    public Move move(LinearImage image, Supplier<SubjectMatte> subject) {
        int[] bounds = subject.get().bounds();
        // Works along x: a vertical reframe runs on the transposed image and transposes back.
        boolean horizontal = roomOn == Edge.LEFT || roomOn == Edge.RIGHT;
        int[] s = horizontal ? bounds : new int[] {bounds[1], bounds[0], bounds[3], bounds[2]};
        double aspect = horizontal ? width / (double) height : height / (double) width;
        boolean roomAtEnd = roomOn == Edge.RIGHT || roomOn == Edge.BOTTOM;
        int w = horizontal ? image.width() : image.height();
        int h = horizontal ? image.height() : image.width();
        int[] crop = crop(w, h, aspect, s, roomAtEnd);
        UnaryOperator<LinearImage> alongX = crop != null ? work -> work.region(crop[0], crop[1], crop[2], crop[3])
                : work -> extend(work, aspect, roomAtEnd);
        UnaryOperator<LinearImage> pixels = horizontal ? alongX : img -> Rotate.transpose(alongX.apply(Rotate.transpose(img)));
        // the output along x, known before anything is allocated: the crop, or the photo's height times the aspect
        long alongW = crop != null ? crop[2] : Math.max(w, Math.round(h * aspect));
        int alongH = crop != null ? crop[3] : h;
        int outW = (int) Math.min(Integer.MAX_VALUE, horizontal ? alongW : alongH);
        int outH = (int) Math.min(Integer.MAX_VALUE, horizontal ? alongH : alongW);
        // An extension that does not grow the canvas (the photo is already narrow enough) copies it unchanged: exact too.
        return new Move(pixels, crop != null || Math.round(h * aspect) <= w, outW, outH);
    }

    /** The crop {x, y, width, height} along x with room at the end (right) or the start (left), or null if none fits. */
    private int[] crop(int w, int h, double aspect, int[] s, boolean roomAtEnd) {
        int sx0 = roomAtEnd ? s[0] : w - s[2];
        int sx1 = roomAtEnd ? s[2] : w - s[0];
        int sy0 = s[1];
        int sy1 = s[3];
        int maxW = (int) Math.min(w, Math.floor(h * aspect));
        for (int cw = maxW; cw >= Math.max(8, (sx1 - sx0)); cw--) {
            int ch = (int) Math.round(cw / aspect);
            if (ch > h || ch < sy1 - sy0) {
                continue;
            }
            int lo = (int) Math.max(0, Math.ceil(sx1 - (1 - room) * cw));
            int hi = Math.min(w - cw, sx0);
            if (lo <= hi) {
                int x = lo;
                int y = clamp((int) Math.round((sy0 + sy1) / 2.0 - ch / 2.0), Math.max(0, sy1 - ch), Math.min(h - ch, sy0));
                int fx = roomAtEnd ? x : w - x - cw;
                return new int[] {fx, y, cw, ch};
            }
        }
        return null;
    }

    private static LinearImage extend(LinearImage image, double aspect, boolean roomAtEnd) {
        int w = image.width();
        int h = image.height();
        // Grow only along the room's axis: the room may end up smaller than asked rather than the photo gaining bands on two sides.
        int cw = Math.max(w, (int) Math.round(h * aspect));
        int ch = h;
        int ox = roomAtEnd ? 0 : cw - w;
        int oy = (ch - h) / 2;
        double reach = Math.max(1, Math.max(cw - w, ch - h));
        // Alpha is extended like colour: the room continues the photo's own transparency.
        return image.remapped(cw, ch, src -> {
            float[] mirrored = new float[cw * ch];
            for (int y = 0; y < ch; y++) {
                int sy = reflect(y - oy, h);
                for (int x = 0; x < cw; x++) {
                    mirrored[y * cw + x] = src[sy * w + reflect(x - ox, w)];
                }
            }
            float[] soft = Kernels.gaussian(mirrored, cw, ch, 0.015 * Math.max(cw, ch));
            float[] calm = Kernels.gaussian(mirrored, cw, ch, 0.08 * Math.max(cw, ch));
            float[] dst = mirrored; // no longer read once both blurs have it: its array takes the result
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    int sx = x - ox;
                    int sy = y - oy;
                    int i = y * cw + x;
                    if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
                        dst[i] = src[sy * w + sx];
                    } else {
                        // Mirrored texture, softened near the photo and calmer farther out: room that reads as space.
                        double d = Math.max(Math.max(-sx, sx - (w - 1)), Math.max(-sy, sy - (h - 1)));
                        float t = (float) Math.min(1, d / (0.5 * reach));
                        t = t * t * (3 - 2 * t);
                        dst[i] = soft[i] + t * (calm[i] - soft[i]);
                    }
                }
            }
            return dst;
        });
    }

    private static int reflect(int v, int n) {
        int period = 2 * n;
        int m = Math.floorMod(v, period);
        return m < n ? m : period - 1 - m;
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
