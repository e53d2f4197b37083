package io.atelier.engine.generative;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.imaging.PngEncoder;
import java.awt.image.BufferedImage;

/** Small image helpers around a generative call: scaling, pasting, masks as PNG. */
final class Planes {
    private Planes() {
    }

    /** The image resampled to w × h: area-average when shrinking, bilinear when enlarging. */
    static LinearImage scale(LinearImage image, int w, int h) {
        if (image.width() == w && image.height() == h) {
            return image;
        }
        boolean shrink = (long) w * h < (long) image.width() * image.height();
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            planes[c] = shrink ? Kernels.resizeArea(image.channel(c), image.width(), image.height(), w, h)
                    : Kernels.resizeLinear(image.channel(c), image.width(), image.height(), w, h);
        }
        return LinearImage.blank(w, h, false).withPlanes(planes[0], planes[1], planes[2]);
    }

    /** A copy of {@code base} with {@code patch} written at (x, y). */
    static LinearImage paste(LinearImage base, LinearImage patch, int x, int y) {
        int w = base.width();
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] out = base.channel(c).clone();
            float[] in = patch.channel(c);
            for (int row = 0; row < patch.height(); row++) {
                System.arraycopy(in, row * patch.width(), out, (y + row) * w + x, patch.width());
            }
            planes[c] = out;
        }
        return base.withPlanes(planes[0], planes[1], planes[2]);
    }

    /** The provider's mask: transparent (alpha 0) where {@code weight} is at least half, to be repainted; opaque white elsewhere. */
    static byte[] repaintMaskPng(float[] weight, int w, int h) {
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mask.setRGB(x, y, weight[y * w + x] >= 0.5f ? 0x00000000 : 0xFFFFFFFF);
            }
        }
        return PngEncoder.encode(mask);
    }

    /** A weight mask as an 8-bit grey PNG (white = committed), stored with the render. */
    static byte[] greyPng(float[] weight, int w, int h) {
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Math.round(Math.max(0f, Math.min(1f, weight[i])) * 255f);
        }
        return PngEncoder.encode(grey);
    }

    /** Bilinear resample of a mask plane, with the faint tail cut so "outside" stays exactly zero. */
    static float[] scaleMask(float[] mask, int w, int h, int newW, int newH) {
        float[] out = (w == newW && h == newH) ? mask.clone() : Kernels.resizeLinear(mask, w, h, newW, newH);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] < 0.004f ? 0f : Math.min(1f, out[i]);
        }
        return out;
    }
}
