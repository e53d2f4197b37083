package io.atelier.engine.measure;

import java.awt.image.BufferedImage;

/**
 * An image as drift is measured against it: its thumbnail at {@link Drift#ANALYSIS_SIDE} and its full size. Made once
 * from the original photo, it serves every later step of the session; the thumbnail is never changed after it is made.
 */
public record DriftReference(BufferedImage thumbnail, int width, int height) {
}
