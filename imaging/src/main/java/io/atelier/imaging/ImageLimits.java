package io.atelier.imaging;

/**
 * Caps checked from an image's header, before any pixel is decoded: pixels a side, pixels in all,
 * and the bytes that decoding would hold at once (which depend on channels, bit depth and format).
 */
public record ImageLimits(int maxDimension, long maxPixels, long maxDecodeBytes) {
    /** Bytes per pixel of headroom the two-argument constructor grants: a 16-bit RGB image at the pixel cap fits. */
    static final int DEFAULT_BUDGET_BYTES_PER_PIXEL = 10;

    /** 50 megapixels, 16,384 px a side and 500 MB of decoding memory. */
    public static final ImageLimits DEFAULT = new ImageLimits(16_384, 50_000_000L);

    public ImageLimits {
        if (maxDimension <= 0 || maxPixels <= 0 || maxDecodeBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Caps with a memory budget of 10 bytes a pixel at the pixel cap. */
    public ImageLimits(int maxDimension, long maxPixels) {
        this(maxDimension, maxPixels, Math.multiplyExact(maxPixels, DEFAULT_BUDGET_BYTES_PER_PIXEL));
    }
}
