package io.atelier.imaging;

import java.awt.image.BufferedImage;

/**
 * An image whose every byte was decoded and checked, kept only as a reduced picture: the format, the upright size of
 * the full picture, and the picture at a fraction of it (upright 8-bit sRGB, as {@link DecodedImage}'s).
 */
public record CheckedImage(ImageFormat format, int width, int height, BufferedImage reduced) {
}
