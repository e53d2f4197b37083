package io.atelier.imaging;

import java.awt.image.BufferedImage;

/**
 * A fully decoded, checked image and the format it came in. The pixels are upright (EXIF orientation
 * applied) 8-bit sRGB: TYPE_INT_ARGB when the file has an alpha channel or transparency, else TYPE_INT_RGB.
 */
public record DecodedImage(BufferedImage image, ImageFormat format) {
    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** Whether the file carries alpha (an alpha channel, or a transparent colour or palette entry). */
    public boolean hasAlpha() {
        return image.getColorModel().hasAlpha();
    }
}
