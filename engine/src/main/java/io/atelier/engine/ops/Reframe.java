package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.plan.Edge;

/**
 * Reframe to an aspect ratio with room on one side. First it looks for the largest crop of that
 * aspect that holds the whole subject and leaves at least {@code room} of the frame on the asked side
 * free of it. If the photo has no such crop (the subject is too wide, or too near that side), the
 * canvas is extended on that side to the asked aspect at the photo's own height (the room is then as
 * large as that allows): the new area mirrors the photo across its edge, blurred
 * (σ 1.5% of the frame next to the photo, easing to 8% farther out), so the room reads as calm
 * continuation of the surface rather than a bar.
 */
public final class Reframe {
    private Reframe() {
    }

    public static LinearImage apply(LinearImage image, int aspectW, int aspectH, Edge roomOn, double room, int[] subject) {
        boolean horizontal = roomOn == Edge.LEFT || roomOn == Edge.RIGHT;
        LinearImage work = horizontal ? image : Rotate.transpose(image);
        int[] s = horizontal ? subject : new int[] {subject[1], subject[0], subject[3], subject[2]};
        double aspect = horizontal ? aspectW / (double) aspectH : aspectH / (double) aspectW;
        boolean roomAtEnd = roomOn == Edge.RIGHT || roomOn == Edge.BOTTOM;
        LinearImage out = reframeAlongX(work, aspect, room, s, roomAtEnd);
        return horizontal ? out : Rotate.transpose(out);
    }

    /** Works along x: room at the end (right) or the start (left). */
    private static LinearImage reframeAlongX(LinearImage image, double aspect, double room, int[] s, boolean roomAtEnd) {
        int w = image.width();
        int h = image.height();
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
                return image.region(fx, y, cw, ch);
            }
        }
        return extend(image, aspect, roomAtEnd);
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
        LinearImage canvas = LinearImage.blank(cw, ch, image.hasAlpha());
        for (int c = 0; c < 3; c++) {
            float[] src = image.channel(c);
            float[] mirrored = new float[cw * ch];
            for (int y = 0; y < ch; y++) {
                int sy = reflect(y - oy, h);
                for (int x = 0; x < cw; x++) {
                    mirrored[y * cw + x] = src[sy * w + reflect(x - ox, w)];
                }
            }
            float[] soft = Kernels.gaussian(mirrored, cw, ch, 0.015 * Math.max(cw, ch));
            float[] calm = Kernels.gaussian(mirrored, cw, ch, 0.08 * Math.max(cw, ch));
            float[] dst = canvas.channel(c);
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
        }
        return canvas;
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
