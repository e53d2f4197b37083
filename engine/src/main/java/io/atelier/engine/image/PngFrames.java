package io.atelier.engine.image;

import io.atelier.imaging.PlainPng;
import io.atelier.imaging.RejectedImageException;
import io.atelier.imaging.StreamedPng;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a {@link PlainPng} straight into a linear frame, row by row, through the same sRGB-to-linear table as
 * {@link LinearImage#from}: the same frame as the full decoder's path, without its 8-bit copy of the picture (at
 * 50 MP, ~200 MB of heap beside the frame).
 */
public final class PngFrames {
    private PngFrames() {
    }

    public static LinearImage decode(byte[] bytes, PlainPng png) throws RejectedImageException {
        LinearImage out = new LinearImage(png.width(), png.height(), png.alpha());
        png.readRows(bytes, into(out));
        return out;
    }

    /**
     * The frame of a PNG read as it streams in, or empty if the end of the file sends it to the full decoder after all
     * (see {@link StreamedPng#readRows}).
     */
    public static Optional<LinearImage> decode(StreamedPng streamed) throws IOException, RejectedImageException {
        PlainPng png = streamed.png();
        LinearImage out = new LinearImage(png.width(), png.height(), png.alpha());
        return streamed.readRows(into(out)) ? Optional.of(out) : Optional.empty();
    }

    private static PlainPng.RowSink into(LinearImage out) {
        int width = out.width();
        boolean alpha = out.hasAlpha();
        float[] r = out.r;
        float[] g = out.g;
        float[] b = out.b;
        byte[] a = out.alpha;
        return (y, row) -> {
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
        };
    }
}
