package io.atelier.imaging;

import static io.atelier.imaging.Pixels.assertRgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** PNGs as people have them: 16-bit, palette, grey, grey with alpha, transparency keys, profiles, EXIF. */
class PngDecodingTest {
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void sixteenBitRgbAndRgbaAreScaledExactly() throws Exception {
        byte[] rgb = TestImages.png(image(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT, 65535, 32768, 2570));
        byte[] rgba = TestImages.png(image(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT, 65535, 32768, 2570, 32768));
        assertThat(header(rgb)).containsExactly(16, 2);
        assertThat(header(rgba)).containsExactly(16, 6);

        DecodedImage opaque = decoder.decode(rgb);
        DecodedImage translucent = decoder.decode(rgba);

        assertThat(opaque.hasAlpha()).isFalse();
        assertThat(opaque.image().getRGB(1, 1)).isEqualTo(0xFFFF800A);
        assertThat(translucent.hasAlpha()).isTrue();
        assertThat(translucent.image().getRGB(1, 1)).isEqualTo(0x80FF800A);
    }

    @Test
    void greyKeepsItsValuesAt8And16Bits() throws Exception {
        byte[] grey8 = TestImages.png(image(ColorSpace.CS_GRAY, false, DataBuffer.TYPE_BYTE, 100));
        byte[] grey16 = TestImages.png(image(ColorSpace.CS_GRAY, false, DataBuffer.TYPE_USHORT, 100 * 257));
        assertThat(header(grey8)).containsExactly(8, 0);
        assertThat(header(grey16)).containsExactly(16, 0);

        assertThat(decoder.decode(grey8).image().getRGB(1, 1)).isEqualTo(0xFF646464);
        assertThat(decoder.decode(grey16).image().getRGB(1, 1)).isEqualTo(0xFF646464);
    }

    @Test
    void greyWithAlphaKeepsBoth() throws Exception {
        byte[] ga8 = TestImages.png(image(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, 100, 50));
        byte[] ga16 = TestImages.png(image(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_USHORT, 100 * 257, 50 * 257));
        assertThat(header(ga8)).containsExactly(8, 4);
        assertThat(header(ga16)).containsExactly(16, 4);

        for (byte[] png : new byte[][] {ga8, ga16}) {
            DecodedImage decoded = decoder.decode(png);
            assertThat(decoded.hasAlpha()).isTrue();
            assertThat(decoded.image().getRGB(1, 1)).isEqualTo(0x32646464);
        }
    }

    @Test
    void aPaletteWithTransparentEntriesKeepsItsAlpha() throws Exception {
        IndexColorModel palette = new IndexColorModel(2, 4, new byte[] {(byte) 255, 0, 0, 10}, new byte[] {0, (byte) 255, 0, 20},
                new byte[] {0, 0, (byte) 255, 30}, new byte[] {(byte) 255, (byte) 128, 0, (byte) 255});
        BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int x = 0; x < 4; x++) {
            indexed.getRaster().setSample(x, 0, 0, x);
        }
        byte[] png = TestImages.png(indexed);
        assertThat(header(png)).containsExactly(2, 3);

        DecodedImage decoded = decoder.decode(png);

        assertThat(decoded.hasAlpha()).isTrue();
        assertThat(decoded.image().getRGB(0, 0, 4, 1, null, 0, 4)).containsExactly(0xFFFF0000, 0x8000FF00, 0x000000FF, 0xFF0A141E);
    }

    @Test
    void anOpaquePaletteStaysOpaque() throws Exception {
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {0, (byte) 200}, new byte[] {0, 100}, new byte[] {0, 50});
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(1, 0, 0, 1);
        DecodedImage decoded = decoder.decode(TestImages.png(indexed));
        assertThat(decoded.hasAlpha()).isFalse();
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(0xFFC86432);
    }

    @Test
    void aTransparentColourKeyOnRgbBecomesAlpha() throws Exception {
        BufferedImage two = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        two.setRGB(0, 0, 0x102030);
        two.setRGB(1, 0, 0x405060);
        byte[] key = ByteBuffer.allocate(6).putShort((short) 0x10).putShort((short) 0x20).putShort((short) 0x30).array();
        byte[] png = TestImages.withPngChunk(TestImages.png(two), TestImages.pngChunk("tRNS", key));

        DecodedImage decoded = decoder.decode(png);

        assertThat(decoded.hasAlpha()).isTrue();
        assertThat(decoded.image().getRGB(0, 0) >>> 24).isZero();
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(0xFF405060);
    }

    @Test
    void anInterlacedPngDecodesLikeAPlainOne() throws Exception {
        BufferedImage picture = JpegDecodingTest.gradient(37, 23);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(picture, null, null), param);
        }
        assertThat(out.toByteArray()[28]).as("interlace method").isEqualTo((byte) 1);
        assertThat(Pixels.meanError(decoder.decode(out.toByteArray()).image(), picture)).isZero();
    }

    @Test
    void anEmbeddedDisplayP3ProfileIsConvertedAt8And16Bits() throws Exception {
        int[][] p3 = {{255, 0, 0}, {200, 150, 100}, {40, 90, 200}};
        byte[] eight = TestImages.withPngChunk(TestImages.png(JpegDecodingTest.patches(p3)), TestImages.iccpChunk(IccProfiles.displayP3()));
        BufferedImage sixteenBit = new BufferedImage(new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT), rasterOf(JpegDecodingTest.patches(p3)), false, null);
        byte[] sixteen = TestImages.withPngChunk(TestImages.png(sixteenBit), TestImages.iccpChunk(IccProfiles.displayP3()));
        assertThat(header(sixteen)).containsExactly(16, 2);

        for (byte[] png : new byte[][] {eight, sixteen}) {
            BufferedImage srgb = decoder.decode(png).image();
            for (int i = 0; i < p3.length; i++) {
                assertRgb(srgb, 8 + 16 * i, 8, Pixels.toSrgb(p3[i], IccProfiles.P3_PRIMARIES, Pixels::linear), 2, "P3 " + i);
            }
        }
    }

    @Test
    void aDamagedProfileIsIgnoredAsBrowsersDo() throws Exception {
        byte[] garbage = TestImages.pngChunk("iCCP", TestImages.concat("icc\0\0".getBytes(), new byte[] {1, 2, 3, 4, 5, 6}));
        byte[] truncatedProfile = TestImages.iccpChunk(TestImages.slice(IccProfiles.displayP3(), 0, 200));
        for (byte[] chunk : new byte[][] {garbage, truncatedProfile}) {
            byte[] png = TestImages.withPngChunk(TestImages.png(Pixels.filled(4, 4, 0xC86432)), chunk);
            assertThat(decoder.decode(png).image().getRGB(1, 1)).isEqualTo(0xFFC86432);
        }
    }

    @Test
    void anExifOrientationInAPngIsApplied() throws Exception {
        BufferedImage stored = JpegDecodingTest.halves(20, 10, 0xFF0000, 0x0000FF);
        byte[] exif = TestImages.exifOrientation(3, ByteOrder.LITTLE_ENDIAN);
        DecodedImage decoded = decoder.decode(TestImages.withPngChunk(TestImages.png(stored), TestImages.pngChunk("eXIf", exif)));
        assertThat(decoded.image().getRGB(2, 2)).isEqualTo(0xFF0000FF);
        assertThat(decoded.image().getRGB(17, 2)).isEqualTo(0xFFFF0000);
    }

    private static int[] header(byte[] png) {
        return new int[] {png[24] & 0xFF, png[25] & 0xFF};
    }

    private static WritableRaster rasterOf(BufferedImage rgb) {
        WritableRaster raster = WritableRaster.createInterleavedRaster(DataBuffer.TYPE_USHORT, rgb.getWidth(), rgb.getHeight(), 3, null);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int[] c = Pixels.rgb(rgb, x, y);
                raster.setPixel(x, y, new int[] {c[0] * 257, c[1] * 257, c[2] * 257});
            }
        }
        return raster;
    }

    // A 3 × 3 image of one pixel value, in the given colour space, alpha and sample type.
    private static BufferedImage image(int colourSpace, boolean alpha, int dataType, int... pixel) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(colourSpace), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(3, 3);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }
}
