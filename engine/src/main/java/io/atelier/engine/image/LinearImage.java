package io.atelier.engine.image;

import io.atelier.engine.kernels.AreaResample;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.stream.IntStream;

/**
 * A working image in linear-light RGB (planar floats, 0–1) with 8-bit alpha: what every operation
 * reads and writes, so light and colour maths happen in linear light and rounding happens once.
 * An opaque frame has no alpha plane at all (alpha is 255 everywhere): 12 bytes a pixel, not 13.
 * Frames are immutable to everyone but an owner: the methods named {@code ...InPlace} overwrite this
 * frame's planes, and only code that holds the sole reference (the renderer, on a frame it took from the
 * decoder) calls them; see {@link io.atelier.engine.render.Renderer#runConsuming}.
 */
public final class LinearImage {
    private final int width;
    private final int height;
    final float[] r;
    final float[] g;
    final float[] b;
    final byte[] alpha; // null when the frame is opaque
    private final boolean hasAlpha;

    private LinearImage(int width, int height, boolean hasAlpha, float[] r, float[] g, float[] b, byte[] alpha) {
        this.width = width;
        this.height = height;
        this.r = r;
        this.g = g;
        this.b = b;
        this.alpha = alpha;
        this.hasAlpha = hasAlpha;
    }

    LinearImage(int width, int height, boolean hasAlpha) {
        this.width = width;
        this.height = height;
        int n = Math.multiplyExact(width, height);
        this.r = new float[n];
        this.g = new float[n];
        this.b = new float[n];
        this.alpha = hasAlpha ? new byte[n] : null;
        this.hasAlpha = hasAlpha;
    }

    public static LinearImage from(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean hasAlpha = image.getColorModel().hasAlpha();
        LinearImage out = new LinearImage(w, h, hasAlpha);
        int[] packed = packedPixels(image);
        IntStream.range(0, h).parallel().forEach(y -> {
            // the decoder's own int layout is read in place; any other through getRGB, one row at a time
            int[] row = packed != null ? packed : image.getRGB(0, y, w, 1, null, 0, w);
            int from = packed != null ? y * w : 0;
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int argb = row[from + x];
                out.r[base + x] = Srgb.toLinear(argb >>> 16);
                out.g[base + x] = Srgb.toLinear(argb >>> 8);
                out.b[base + x] = Srgb.toLinear(argb);
                if (hasAlpha) {
                    out.alpha[base + x] = (byte) (argb >>> 24);
                }
            }
        });
        return out;
    }

    /**
     * An opaque frame from 8-bit interleaved BGR sRGB pixels (a native decoder's buffer, {@code stride} bytes a row),
     * converted through the same sRGB-to-linear table as {@link #from}, rows in parallel, with no 8-bit frame between.
     */
    public static LinearImage fromBgr8(java.nio.ByteBuffer bgr, int width, int height, int stride) {
        LinearImage out = new LinearImage(width, height, false); // opaque: no alpha plane to fill
        out.putBgr8Rows(bgr, 0, height, stride);
        return out;
    }

    /** Fills rows {@code fromRow} to {@code fromRow + rows} from 8-bit B, G, R rows {@code stride} bytes apart, the first at index 0. */
    void putBgr8Rows(java.nio.ByteBuffer bgr, int fromRow, int rows, int stride) {
        IntStream.range(0, rows).parallel().forEach(k -> {
            int in = k * stride;
            for (int i = (fromRow + k) * width, end = i + width; i < end; i++, in += 3) {
                b[i] = Srgb.toLinear(bgr.get(in));
                g[i] = Srgb.toLinear(bgr.get(in + 1));
                r[i] = Srgb.toLinear(bgr.get(in + 2));
            }
        });
    }

    /** Encodes back to 8-bit sRGB; alpha is kept only if the source had it. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        // written straight into the image's own buffer (what setRGB would store: no alpha bits in an RGB image)
        int[] data = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int i = y * width, end = i + width; i < end; i++) {
                int a = hasAlpha ? (alpha[i] & 0xFF) << 24 : 0;
                data[i] = a | Srgb.toSrgb8(r[i]) << 16 | Srgb.toSrgb8(g[i]) << 8 | Srgb.toSrgb8(b[i]);
            }
        });
        return out;
    }

    /**
     * Writes row {@code y} as 8-bit sRGB, interleaved R, G, B (and A when the frame has alpha), into {@code into}: the
     * values {@link #toBufferedImage} gives, for an encoder that takes the frame a row at a time.
     */
    public void writeSrgb8Row(int y, byte[] into) {
        int in = y * width;
        if (hasAlpha) {
            for (int x = 0, o = 0; x < width; x++, in++, o += 4) {
                into[o] = (byte) Srgb.toSrgb8(r[in]);
                into[o + 1] = (byte) Srgb.toSrgb8(g[in]);
                into[o + 2] = (byte) Srgb.toSrgb8(b[in]);
                into[o + 3] = alpha[in];
            }
        } else {
            for (int x = 0, o = 0; x < width; x++, in++, o += 3) {
                into[o] = (byte) Srgb.toSrgb8(r[in]);
                into[o + 1] = (byte) Srgb.toSrgb8(g[in]);
                into[o + 2] = (byte) Srgb.toSrgb8(b[in]);
            }
        }
    }

    /**
     * An 8-bit picture of this frame fitted into {@code maxSide} px (the size {@link io.atelier.imaging.Thumbnails#fit}
     * gives), area-averaged in linear light: made from the frame itself, so no full-size 8-bit copy is needed.
     */
    public BufferedImage thumbnail(int maxSide) {
        double scale = Math.min(1.0, maxSide / (double) Math.max(width, height));
        int tw = Math.max(1, (int) Math.round(width * scale));
        int th = Math.max(1, (int) Math.round(height * scale));
        if (tw == width && th == height) {
            return toBufferedImage();
        }
        return remapped(tw, th, plane -> AreaResample.shrink(plane, width, height, tw, th)).toBufferedImage();
    }

    // The pixels of an INT_RGB or INT_ARGB image whose buffer is exactly its own rows, else null.
    private static int[] packedPixels(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            return null;
        }
        WritableRaster raster = image.getRaster();
        if (raster.getParent() == null && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model && model.getScanlineStride() == image.getWidth()) {
            return buffer.getData();
        }
        return null;
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
        return mapPixels((x, y, px) -> function.apply(px));
    }

    /** A pixel-wise transform that also sees the pixel's position, run on rows in parallel. */
    public LinearImage mapPixels(PositionalPixelFunction function) {
        LinearImage out = new LinearImage(width, height, hasAlpha);
        IntStream.range(0, height).parallel().forEach(y -> {
            float[] px = new float[3];
            for (int i = y * width, end = i + width, x = 0; i < end; i++, x++) {
                px[0] = r[i];
                px[1] = g[i];
                px[2] = b[i];
                function.apply(x, y, px);
                out.r[i] = px[0];
                out.g[i] = px[1];
                out.b[i] = px[2];
            }
            copyAlphaRow(out, y);
        });
        return out;
    }

    /**
     * The pixels {@code blend(mapPixels(function), weights)} gives (or {@code mapPixels(function)} without weights),
     * written over this frame's own colour planes, which are then returned. Where a weight is 0 the pixel is left as it
     * is and the function is not called. For an owner only, as {@link #blendInPlace}.
     */
    public LinearImage mapPixelsInPlace(PositionalPixelFunction function, java.util.Optional<float[]> weights) {
        float[] m = weights.orElse(null);
        if (m != null && m.length != width * height) {
            throw new IllegalArgumentException("the mask must have " + width * height + " values");
        }
        IntStream.range(0, height).parallel().forEach(y -> {
            float[] px = new float[3];
            for (int i = y * width, end = i + width, x = 0; i < end; i++, x++) {
                float w = m == null ? 1f : m[i];
                if (m != null && w <= 0f) {
                    continue;
                }
                float r0 = r[i];
                float g0 = g[i];
                float b0 = b[i];
                px[0] = r0;
                px[1] = g0;
                px[2] = b0;
                function.apply(x, y, px);
                if (m == null) {
                    r[i] = px[0];
                    g[i] = px[1];
                    b[i] = px[2];
                } else {
                    // the same expression as blend's, so the bytes are the same as the copy-and-blend path's
                    r[i] = r0 + w * (px[0] - r0);
                    g[i] = g0 + w * (px[1] - g0);
                    b[i] = b0 + w * (px[2] - b0);
                }
            }
        });
        return this;
    }

    private void copyAlphaRow(LinearImage out, int y) {
        if (alpha != null) {
            System.arraycopy(alpha, y * width, out.alpha, y * width, width);
        }
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
            if (alpha != null) {
                System.arraycopy(alpha, src, out.alpha, dst, w);
            }
        }
        return out;
    }

    /**
     * This image moved or resampled to {@code width} × {@code height} by {@code plane}, applied to each colour plane and,
     * when the frame has alpha, to its alpha as a 0–1 plane: how a geometric edit keeps transparency with its pixels.
     * The function reads the plane it gets (this frame's own: it must not write it) and returns a new one,
     * {@code width × height} values long.
     */
    public LinearImage remapped(int width, int height, java.util.function.UnaryOperator<float[]> plane) {
        int n = Math.multiplyExact(width, height);
        float[] red = sized(plane.apply(r), n);
        float[] green = sized(plane.apply(g), n);
        float[] blue = sized(plane.apply(b), n);
        byte[] movedAlpha = null;
        if (alpha != null) {
            float[] a = new float[alpha.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (alpha[i] & 0xFF) / 255f; // an 8-bit value survives the float round trip exactly
            }
            float[] moved = sized(plane.apply(a), n);
            movedAlpha = new byte[n];
            for (int i = 0; i < n; i++) {
                // bicubic overshoots past 0 and 1: clamp before rounding
                movedAlpha[i] = (byte) Math.round(Math.min(1f, Math.max(0f, moved[i])) * 255f);
            }
        }
        return new LinearImage(width, height, hasAlpha, red, green, blue, movedAlpha);
    }

    private static float[] sized(float[] plane, int n) {
        if (plane.length != n) {
            throw new IllegalArgumentException("a remapped plane must have " + n + " values, not " + plane.length);
        }
        return plane;
    }

    /** A black image of the given size. */
    public static LinearImage blank(int width, int height, boolean hasAlpha) {
        LinearImage out = new LinearImage(width, height, hasAlpha);
        if (hasAlpha) {
            java.util.Arrays.fill(out.alpha, (byte) 0xFF);
        }
        return out;
    }

    /** An image with the same size and alpha as this one and the given linear planes (taken, not copied). */
    public LinearImage withPlanes(float[] red, float[] green, float[] blue) {
        int n = width * height;
        if (red.length != n || green.length != n || blue.length != n) {
            throw new IllegalArgumentException("planes must have " + n + " values");
        }
        LinearImage out = new LinearImage(width, height, hasAlpha, red, green, blue, alpha);
        return out;
    }

    /**
     * The linear values of channel 0 (red), 1 (green) or 2 (blue), row-major. The array is this image's
     * own: callers read it, and write only into images they have just created or copied, or that they own
     * (an operation's {@code applyInPlace}, given a frame by the renderer that nobody else holds).
     */
    public float[] channel(int c) {
        return switch (c) {
            case 0 -> r;
            case 1 -> g;
            case 2 -> b;
            default -> throw new IllegalArgumentException("channel " + c);
        };
    }

    /** Rec. 709 relative luminance per pixel, linear. */
    public float[] luminance() {
        float[] y = new float[width * height];
        IntStream.range(0, height).parallel().forEach(row -> {
            for (int i = row * width, end = i + width; i < end; i++) {
                y[i] = 0.2126f * r[i] + 0.7152f * g[i] + 0.0722f * b[i];
            }
        });
        return y;
    }

    /** Blends {@code edited} over this image by a per-pixel weight 0–1; where the weight is 0 the pixel stays exactly as it was. */
    public LinearImage blend(LinearImage edited, float[] weight) {
        LinearImage out = new LinearImage(width, height, hasAlpha);
        blend(edited, weight, out);
        return out;
    }

    /**
     * The same pixels as {@link #blend}, written over this frame's own colour planes (alpha is kept), which
     * are then returned as the result. For an owner only: nobody else may hold this frame; {@code edited}
     * may share planes with it (each pixel is read before it is written).
     */
    public LinearImage blendInPlace(LinearImage edited, float[] weight) {
        blend(edited, weight, this);
        return this;
    }

    /**
     * Blends {@code edited} over colour plane {@code c} (0 red, 1 green, 2 blue) of this frame, in place: that plane's
     * pixels of {@link #blendInPlace}, for an edit made one plane at a time. For an owner only, as {@link #blendInPlace}.
     */
    public void blendPlaneInPlace(int c, float[] edited, float[] weight) {
        int n = width * height;
        if (edited.length != n || weight.length != n) {
            throw new IllegalArgumentException("blend needs a plane and a mask of " + n + " values");
        }
        float[] p = channel(c);
        IntStream.range(0, height).parallel().forEach(row -> {
            for (int i = row * width, end = i + width; i < end; i++) {
                float m = weight[i];
                if (m > 0f) {
                    p[i] = p[i] + m * (edited[i] - p[i]); // blend's expression, so the bytes are the same
                }
            }
        });
    }

    private void blend(LinearImage edited, float[] weight, LinearImage out) {
        if (edited.width != width || edited.height != height || weight.length != width * height) {
            throw new IllegalArgumentException("blend needs images and a mask of one size");
        }
        IntStream.range(0, height).parallel().forEach(row -> {
            for (int i = row * width, end = i + width; i < end; i++) {
                float m = weight[i];
                if (m <= 0f) {
                    out.r[i] = r[i];
                    out.g[i] = g[i];
                    out.b[i] = b[i];
                } else {
                    out.r[i] = r[i] + m * (edited.r[i] - r[i]);
                    out.g[i] = g[i] + m * (edited.g[i] - g[i]);
                    out.b[i] = b[i] + m * (edited.b[i] - b[i]);
                }
            }
            if (out != this) {
                copyAlphaRow(out, row);
            }
        });
    }

    /** Transforms one pixel's linear RGB in place. */
    @FunctionalInterface
    public interface PixelFunction {
        void apply(float[] rgb);
    }

    /** Transforms the linear RGB of the pixel at (x, y) in place. */
    @FunctionalInterface
    public interface PositionalPixelFunction {
        void apply(int x, int y, float[] rgb);
    }
}
