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
 * flattened onto white by {@link Previews#flattened}, as every preview is; the JDK's encoder is the fallback.
 */
public final class PreviewJpeg {
    private PreviewJpeg() {
    }

    /** The JPEG of a picture already fitted into {@link Previews#LONG_SIDE}. */
    public static byte[] encode(BufferedImage fitted) {
        if (Math.max(fitted.getWidth(), fitted.getHeight()) > Previews.LONG_SIDE) {
            return Previews.jpeg(fitted);
        }
        BufferedImage rgb = fitted.getType() == BufferedImage.TYPE_INT_RGB ? fitted : Previews.flattened(fitted);
        if (!(rgb.getRaster().getDataBuffer() instanceof DataBufferInt packed) || packed.getNumBanks() != 1 || rgb.getRaster().getParent() != null) {
            return Previews.jpeg(fitted);
        }
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] packedRgb = packed.getData();
        byte[] bgr = new byte[Math.multiplyExact(width * 3, height)];
        for (int i = 0, o = 0; i < width * height; i++, o += 3) {
            int p = packedRgb[i];
            bgr[o] = (byte) p;
            bgr[o + 1] = (byte) (p >> 8);
            bgr[o + 2] = (byte) (p >> 16);
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
