package io.atelier.engine.ops;

import io.atelier.engine.image.LinearImage;
import java.util.stream.IntStream;

/**
 * A 3×3 colour matrix on linear RGB (row-major: r' = m0·r + m1·g + m2·b, …): the kernel under white
 * balance and channel mixing. Plain loops over planar rows so the JIT can vectorise them.
 */
public final class ColourMatrix {
    private static final int ROWS_PER_TASK = 16;

    private ColourMatrix() {
    }

    /** Per-channel gains: the matrix with only a diagonal. */
    static LinearImage diagonal(LinearImage image, double red, double green, double blue) {
        return apply(image, diagonalMatrix(red, green, blue));
    }

    static float[] diagonalMatrix(double red, double green, double blue) {
        return new float[] {(float) red, 0, 0, 0, (float) green, 0, 0, 0, (float) blue};
    }

    public static LinearImage apply(LinearImage image, float[] m) {
        int n = image.width() * image.height();
        LinearImage out = image.withPlanes(new float[n], new float[n], new float[n]);
        run(image, m, out, null);
        return out;
    }

    /** The same pixels as {@link #apply}, written over {@code image}'s own planes: for a frame the caller owns. */
    public static LinearImage applyInPlace(LinearImage image, float[] m) {
        run(image, m, image, null);
        return image;
    }

    /**
     * The pixels of {@code image.blend(apply(image, m), mask)}, written over {@code image}'s own planes: for a frame the
     * caller owns. Where the mask is 0 a pixel is left as it is.
     */
    public static LinearImage applyBlendedInPlace(LinearImage image, float[] m, float[] mask) {
        if (mask.length != image.width() * image.height()) {
            throw new IllegalArgumentException("the mask must have one value a pixel");
        }
        run(image, m, image, mask);
        return image;
    }

    // Each pixel's three values are read before any is written, so out may be image itself. With a mask (out is then
    // image), the result is blended over the pixel by LinearImage.blend's expression, so the bytes are those of a copy
    // blended back; a pixel whose weight is 0 is left as it is.
    private static void run(LinearImage image, float[] m, LinearImage out, float[] mask) {
        if (m.length != 9) {
            throw new IllegalArgumentException("a colour matrix has 9 entries");
        }
        int w = image.width();
        int h = image.height();
        float[] r = image.channel(0);
        float[] g = image.channel(1);
        float[] b = image.channel(2);
        float[] or = out.channel(0);
        float[] og = out.channel(1);
        float[] ob = out.channel(2);
        IntStream.range(0, (h + ROWS_PER_TASK - 1) / ROWS_PER_TASK).parallel().forEach(task -> {
            int start = task * ROWS_PER_TASK * w;
            int end = Math.min(h, (task + 1) * ROWS_PER_TASK) * w;
            for (int i = start; i < end; i++) {
                float k = mask == null ? 1f : mask[i];
                if (k <= 0f) {
                    continue;
                }
                float ri = r[i];
                float gi = g[i];
                float bi = b[i];
                float nr = m[0] * ri + m[1] * gi + m[2] * bi;
                float ng = m[3] * ri + m[4] * gi + m[5] * bi;
                float nb = m[6] * ri + m[7] * gi + m[8] * bi;
                if (mask == null) {
                    or[i] = nr;
                    og[i] = ng;
                    ob[i] = nb;
                } else {
                    or[i] = ri + k * (nr - ri);
                    og[i] = gi + k * (ng - gi);
                    ob[i] = bi + k * (nb - bi);
                }
            }
        });
    }
}
