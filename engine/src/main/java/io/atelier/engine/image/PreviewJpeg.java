package io.atelier.engine.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.atelier.imaging.Previews;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A render's display-sized preview as JPEG ({@link Previews#QUALITY}), encoded by OpenCV's bundled libjpeg-turbo: the
 * JDK's encoder took ~65 ms for a 2048 × 1365 picture, which every render of a big photo pays. Transparency is
 * flattened onto white as {@link Previews#jpeg} flattens it; that encoder is the fallback if the native one fails.
 */
public final class PreviewJpeg {
    private PreviewJpeg() {
    }

    /** The JPEG of a picture already fitted into {@link Previews#LONG_SIDE} (an INT_RGB or INT_ARGB image). */
    public static byte[] encode(BufferedImage fitted) {
        int type = fitted.getType();
        if (Math.max(fitted.getWidth(), fitted.getHeight()) > Previews.LONG_SIDE
                || (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB)
                || !(fitted.getRaster().getDataBuffer() instanceof DataBufferInt packed) || packed.getNumBanks() != 1
                || fitted.getRaster().getParent() != null) {
            return Previews.jpeg(fitted);
        }
        int width = fitted.getWidth();
        int height = fitted.getHeight();
        int[] argb = packed.getData();
        boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
        byte[] bgr = new byte[Math.multiplyExact(width * 3, height)];
        for (int i = 0, o = 0; i < width * height; i++, o += 3) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            if (alpha) {
                int a = p >>> 24;
                // over white, rounded: what drawing the picture onto a white canvas gives
                r = (r * a + 255 * (255 - a) + 127) / 255;
                g = (g * a + 255 * (255 - a) + 127) / 255;
                b = (b * a + 255 * (255 - a) + 127) / 255;
            }
            bgr[o] = (byte) b;
            bgr[o + 1] = (byte) g;
            bgr[o + 2] = (byte) r;
        }
        try (PointerScope scope = new PointerScope(); BytePointer pixels = new BytePointer(bgr)) {
            Mat picture = new Mat(height, width, CV_8UC3, pixels);
            BytePointer out = new BytePointer();
            boolean written = opencv_imgcodecs.imencode(".jpg", picture, out,
                    new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, Math.round(Previews.QUALITY * 100)));
            if (!written || out.limit() <= 0) {
                return Previews.jpeg(fitted);
            }
            byte[] jpeg = new byte[Math.toIntExact(out.limit())];
            out.get(jpeg);
            return jpeg;
        }
    }
}
