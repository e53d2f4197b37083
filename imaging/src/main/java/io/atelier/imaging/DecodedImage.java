package io.atelier.imaging;

import java.awt.image.BufferedImage;

/** A fully decoded, checked image and the format it came in. */
public record DecodedImage(BufferedImage image, ImageFormat format) {
    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
