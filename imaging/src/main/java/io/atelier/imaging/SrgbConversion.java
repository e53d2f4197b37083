package io.atelier.imaging;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Transparency;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Turns whatever a reader produced (8 or 16 bits, grey, palette, with or without alpha, in an
 * embedded colour profile) into 8-bit sRGB pixels: TYPE_INT_ARGB when there is alpha, else TYPE_INT_RGB.
 */
final class SrgbConversion {
    private SrgbConversion() {
    }

    /**
     * @param embedded a profile the reader did not apply itself (PNG's iCCP); ignored when unusable,
     *                 as browsers ignore it, so the pixels are then taken as sRGB
     */
    static BufferedImage toSrgb8(BufferedImage decoded, Optional<byte[]> embedded) {
        if (decoded.isAlphaPremultiplied()) {
            decoded.coerceData(false);
        }
        boolean alpha = decoded.getColorModel().hasAlpha();
        Optional<ICC_ColorSpace> source = embedded.flatMap(bytes -> usableProfile(bytes, decoded));
        if (source.isEmpty() && decoded.getColorModel().getColorSpace() instanceof ICC_ColorSpace own && !displayValues(own)) {
            source = Optional.of(own);
        }
        if (source.isPresent() && !(decoded.getColorModel() instanceof IndexColorModel)) {
            try {
                return convert(decoded.getRaster(), source.get(), alpha, decoded.getColorModel().getTransferType());
            } catch (CMMException | IllegalArgumentException e) {
                // the colour engine refused the profile: fall back to the untagged values, as a browser would
            }
        }
        return untagged(decoded, alpha);
    }

    // Values to show as they are: sRGB, or the JDK's default grey, which readers use for untagged grey
    // samples (its linear gamma would wrongly brighten them if converted).
    private static boolean displayValues(ICC_ColorSpace space) {
        return space.isCS_sRGB() || space == ColorSpace.getInstance(ColorSpace.CS_GRAY)
                || ColorProfiles.isCS_sRGB(space.getProfile()) || ColorProfiles.isCS_GRAY(space.getProfile());
    }

    private static Optional<ICC_ColorSpace> usableProfile(byte[] bytes, BufferedImage decoded) {
        try {
            ICC_Profile profile = ColorProfiles.createProfile(bytes);
            int colourBands = decoded.getColorModel().getNumColorComponents();
            if (profile.getNumComponents() != colourBands || ColorProfiles.isCS_sRGB(profile)) {
                return Optional.empty();
            }
            return Optional.of(ColorSpaces.createColorSpace(profile));
        } catch (IllegalArgumentException | CMMException e) {
            return Optional.empty();
        }
    }

    private static BufferedImage convert(Raster raster, ICC_ColorSpace source, boolean alpha, int transferType) {
        ComponentColorModel model = new ComponentColorModel(source, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, transferType);
        BufferedImage tagged = new BufferedImage(model, raster.createCompatibleWritableRaster(), false, null);
        tagged.getRaster().setRect(raster);
        BufferedImage out = new BufferedImage(raster.getWidth(), raster.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(source, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(tagged, out);
        return out;
    }

    // Scales each sample to 8 bits by its own bit depth; grey is repeated into R, G and B.
    private static BufferedImage untagged(BufferedImage decoded, boolean alpha) {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (decoded.getColorModel() instanceof IndexColorModel) {
            for (int y = 0; y < h; y++) {
                decoded.getRGB(0, y, w, 1, target, y * w, w); // a palette lookup is exact
            }
            return out;
        }
        Raster raster = decoded.getRaster();
        int colours = decoded.getColorModel().getNumColorComponents();
        int bands = raster.getNumBands();
        if (interleavedBytes(raster)) {
            copyBytes(raster, colours, alpha, target);
            return out;
        }
        int[][] samples = new int[bands][w];
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
        }
        for (int y = 0; y < h; y++) {
            for (int b = 0; b < bands; b++) {
                raster.getSamples(0, y, w, 1, b, samples[b]);
            }
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int r = scale(samples[0][x], max[0]);
                int g = colours >= 3 ? scale(samples[1][x], max[1]) : r;
                int bl = colours >= 3 ? scale(samples[2][x], max[2]) : r;
                int a = alpha ? scale(samples[colours][x], max[colours]) : 0xFF;
                target[base + x] = (a << 24) | (r << 16) | (g << 8) | bl;
            }
        }
        return out;
    }

    // 8-bit samples interleaved in one byte array (what the JPEG reader gives): read in place, rows in parallel.
    private static boolean interleavedBytes(Raster raster) {
        return raster.getParent() == null && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && java.util.Arrays.stream(model.getSampleSize()).allMatch(bits -> bits == 8);
    }

    private static void copyBytes(Raster raster, int colours, boolean alpha, int[] target) {
        PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) raster.getSampleModel();
        DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
        byte[] data = buffer.getData();
        int[] offsets = model.getBandOffsets();
        int stride = model.getScanlineStride();
        int step = model.getPixelStride();
        int w = raster.getWidth();
        int rOff = offsets[0];
        int gOff = colours >= 3 ? offsets[1] : rOff;
        int bOff = colours >= 3 ? offsets[2] : rOff;
        int aOff = alpha ? offsets[colours] : -1;
        IntStream rows = IntStream.range(0, raster.getHeight());
        // rows in parallel only when there are enough pixels to pay for it (thumbnails and icons stay on one thread)
        (w * (long) raster.getHeight() >= 1 << 18 ? rows.parallel() : rows).forEach(y -> {
            int at = buffer.getOffset() + y * stride;
            int base = y * w;
            for (int x = 0; x < w; x++, at += step) {
                int a = aOff >= 0 ? data[at + aOff] & 0xFF : 0xFF;
                target[base + x] = a << 24 | (data[at + rOff] & 0xFF) << 16 | (data[at + gOff] & 0xFF) << 8 | data[at + bOff] & 0xFF;
            }
        });
    }

    private static int scale(int sample, int max) {
        return max == 255 ? sample : (int) ((sample * 255L + max / 2) / max);
    }
}
