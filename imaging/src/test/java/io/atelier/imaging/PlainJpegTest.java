package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which JPEGs may take a native decoder's fast path, and that the limits are checked before any of them does. */
class PlainJpegTest {
    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);

    private static BufferedImage picture(int type) {
        BufferedImage image = new BufferedImage(96, 64, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, 96, 64, Color.BLUE));
        g.fillRect(0, 0, 96, 64);
        g.dispose();
        return image;
    }

    @Test
    void aBaselineOrProgressiveColourJpegIsPlain() throws RejectedImageException {
        assertThat(DECODER.plainJpeg(TestImages.jpeg(picture(BufferedImage.TYPE_INT_RGB)))).contains(new PlainJpeg(96, 64));
        assertThat(DECODER.plainJpeg(TestImages.jpeg(picture(BufferedImage.TYPE_INT_RGB), true))).contains(new PlainJpeg(96, 64));
        byte[] upright = TestImages.jpegWithOrientation(TestImages.jpeg(picture(BufferedImage.TYPE_INT_RGB)), 1);
        assertThat(DECODER.plainJpeg(upright)).contains(new PlainJpeg(96, 64));
    }

    @Test
    void everyCaseTheFullDecoderTreatsSpeciallyIsNot() throws RejectedImageException {
        byte[] colour = TestImages.jpeg(picture(BufferedImage.TYPE_INT_RGB));
        assertThat(DECODER.plainJpeg(TestImages.jpeg(picture(BufferedImage.TYPE_BYTE_GRAY)))).as("grey").isEmpty();
        assertThat(DECODER.plainJpeg(TestImages.jpegWithOrientation(colour, 6))).as("EXIF turn").isEmpty();
        assertThat(DECODER.plainJpeg(TestImages.jpegWithIcc(colour, IccProfiles.displayP3()))).as("ICC profile").isEmpty();
        assertThat(DECODER.plainJpeg(TestImages.withJpegSegment(colour, 0xEE, TestImages.adobeApp14(1)))).as("Adobe transform").isEmpty();
        Raster cmyk = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 32, 4, null);
        assertThat(DECODER.plainJpeg(TestImages.cmykJpeg(cmyk, false))).as("CMYK").isEmpty();
        assertThat(DECODER.plainJpeg(TestImages.cmykJpeg(cmyk, true))).as("YCCK").isEmpty();
        assertThat(DECODER.plainJpeg(Arrays.copyOf(colour, colour.length - 40))).as("cut").isEmpty();
        assertThat(DECODER.plainJpeg(TestImages.png(picture(BufferedImage.TYPE_INT_RGB)))).as("PNG").isEmpty();
    }

    @Test
    void aHeaderDeclaringABombIsRefusedBeforeAnyPixel() {
        assertThatThrownBy(() -> DECODER.plainJpeg(HostileImages.jpegSofClaiming(60_000, 60_000)))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE));
        ImageDecoder small = new ImageDecoder(new ImageLimits(64, 4_000));
        assertThatThrownBy(() -> small.plainJpeg(TestImages.jpeg(picture(BufferedImage.TYPE_INT_RGB))))
                .isInstanceOfSatisfying(RejectedImageException.class, e -> assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE));
    }
}
