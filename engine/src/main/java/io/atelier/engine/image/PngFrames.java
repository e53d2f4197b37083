package io.atelier.engine.image;

import io.atelier.imaging.PlainPng;
import io.atelier.imaging.RejectedImageException;

/**
 * Reads a {@link PlainPng} straight into a linear frame, row by row, through the same sRGB-to-linear table as
 * {@link LinearImage#from}: the same frame as the full decoder's path, without its 8-bit copy of the picture (at
 * 50 MP, ~200 MB of heap beside the frame).
 */
public final class PngFrames {
    private PngFrames() {
    }

    public static LinearImage decode(byte[] bytes, PlainPng png) throws RejectedImageException {
        int width = png.width();
        boolean alpha = png.alpha();
        LinearImage out = new LinearImage(width, png.height(), alpha);
        float[] r = out.r;
        float[] g = out.g;
        float[] b = out.b;
        byte[] a = out.alpha;
        png.readRows(bytes, (y, row) -> {
            int i = y * width;
            if (alpha) {
                for (int in = 0, end = i + width; i < end; i++, in += 4) {
                    r[i] = Srgb.toLinear(row[in]);
                    g[i] = Srgb.toLinear(row[in + 1]);
                    b[i] = Srgb.toLinear(row[in + 2]);
                    a[i] = row[in + 3];
                }
            } else {
                for (int in = 0, end = i + width; i < end; i++, in += 3) {
                    r[i] = Srgb.toLinear(row[in]);
                    g[i] = Srgb.toLinear(row[in + 1]);
                    b[i] = Srgb.toLinear(row[in + 2]);
                }
            }
        });
        return out;
    }
}
