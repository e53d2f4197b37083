package io.atelier.engine.image;

import java.awt.image.BufferedImage;
import java.util.stream.IntStream;

/**
 * A working image in linear-light RGB (planar floats, 0–1) with 8-bit alpha: what every operation
 * reads and writes, so light and colour maths happen in linear light and rounding happens once.
 */
public final class LinearImage {
    private final int width;
    private final int height;
    final float[] r;
    final float[] g;
    final float[] b;
    final byte[] alpha;
    private final boolean hasAlpha;

    LinearImage(int width, int height, boolean hasAlpha) {
        this.width = width;
        this.height = height;
        int n = Math.multiplyExact(width, height);
        this.r = new float[n];
        this.g = new float[n];
        this.b = new float[n];
        this.alpha = new byte[n];
        this.hasAlpha = hasAlpha;
    }

    public static LinearImage from(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        LinearImage out = new LinearImage(w, h, image.getColorModel().hasAlpha());
        IntStream.range(0, h).parallel().forEach(y -> {
            int[] row = image.getRGB(0, y, w, 1, null, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                out.r[base + x] = Srgb.toLinear(argb >>> 16);
                out.g[base + x] = Srgb.toLinear(argb >>> 8);
                out.b[base + x] = Srgb.toLinear(argb);
                out.alpha[base + x] = (byte) (argb >>> 24);
            }
        });
        return out;
    }

    /** Encodes back to 8-bit sRGB; alpha is kept only if the source had it. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        IntStream.range(0, height).parallel().forEach(y -> {
            int[] row = new int[width];
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int i = base + x;
                row[x] = (alpha[i] & 0xFF) << 24 | Srgb.toSrgb8(r[i]) << 16 | Srgb.toSrgb8(g[i]) << 8 | Srgb.toSrgb8(b[i]);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        });
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean hasAlpha() {
        return hasAlpha;
    }

    /** A pixel-wise transform of the three linear channels, run on rows in parallel. */
    public LinearImage mapPixels(PixelFunction function) {
        LinearImage out = new LinearImage(width, height, hasAlpha);
        IntStream.range(0, height).parallel().forEach(y -> {
            float[] px = new float[3];
            for (int i = y * width, end = i + width; i < end; i++) {
                px[0] = r[i];
                px[1] = g[i];
                px[2] = b[i];
                function.apply(px);
                out.r[i] = px[0];
                out.g[i] = px[1];
                out.b[i] = px[2];
                out.alpha[i] = alpha[i];
            }
        });
        return out;
    }

    /** The rectangle at (x, y) of size w × h, copied. */
    public LinearImage region(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("region outside the image");
        }
        LinearImage out = new LinearImage(w, h, hasAlpha);
        for (int row = 0; row < h; row++) {
            int src = (y + row) * width + x;
            int dst = row * w;
            System.arraycopy(r, src, out.r, dst, w);
            System.arraycopy(g, src, out.g, dst, w);
            System.arraycopy(b, src, out.b, dst, w);
            System.arraycopy(alpha, src, out.alpha, dst, w);
        }
        return out;
    }

    /** Transforms one pixel's linear RGB in place. */
    @FunctionalInterface
    public interface PixelFunction {
        void apply(float[] rgb);
    }
}
