package io.atelier.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small previews: repeated halving with bilinear filtering (close to area averaging), then a final step. */
public final class Thumbnails {
    /** Longest side of a thumbnail, in pixels. */
    public static final int DEFAULT_SIZE = 320;

    private Thumbnails() {
    }

    public static BufferedImage fit(BufferedImage source, int maxSide) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        do {
            int nextW = Math.max(targetW, current.getWidth() / 2);
            int nextH = Math.max(targetH, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(nextW, nextH, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, nextW, nextH, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() != targetW || current.getHeight() != targetH);
        return current;
    }
}
