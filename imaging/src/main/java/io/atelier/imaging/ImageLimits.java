package io.atelier.imaging;

/** Caps checked from an image's header, before any pixel is decoded. */
public record ImageLimits(int maxDimension, long maxPixels) {
    /** 50 megapixels and 16,384 px a side. */
    public static final ImageLimits DEFAULT = new ImageLimits(16_384, 50_000_000L);

    public ImageLimits {
        if (maxDimension <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
