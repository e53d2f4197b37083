package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendered PNGs say they are sRGB, round-trip exactly and are byte-for-byte repeatable. */
class PngEncoderTest {
    @Test
    void theOutputCarriesAnSrgbChunkBeforeItsImageData() {
        byte[] png = PngEncoder.encode(JpegDecodingTest.gradient(20, 10));
        List<String> chunks = new ArrayList<>();
        int srgbIntent = -1;
        for (int at = 8; at < png.length; at += 12 + (int) Bytes.u32be(png, at)) {
            String type = Bytes.fourCc(png, at + 4);
            chunks.add(type);
            if (type.equals("sRGB")) {
                assertThat(Bytes.u32be(png, at)).isEqualTo(1);
                srgbIntent = Bytes.u8(png, at + 8);
            }
        }
        assertThat(chunks).containsSubsequence("IHDR", "sRGB", "IDAT", "IEND");
        assertThat(srgbIntent).as("perceptual rendering intent").isZero();
    }

    @Test
    void pixelsRoundTripExactlyWithAndWithoutAlpha() throws Exception {
        BufferedImage opaque = JpegDecodingTest.gradient(33, 17);
        BufferedImage translucent = new BufferedImage(33, 17, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 33; x++) {
                translucent.setRGB(x, y, ((x * 7) << 24) | opaque.getRGB(x, y) & 0xFFFFFF);
            }
        }
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        for (BufferedImage image : new BufferedImage[] {opaque, translucent}) {
            BufferedImage back = decoder.decode(PngEncoder.encode(image)).image();
            assertThat(back.getRGB(0, 0, 33, 17, null, 0, 33)).isEqualTo(image.getRGB(0, 0, 33, 17, null, 0, 33));
        }
    }

    @Test
    void equalPixelsGiveEqualBytes() {
        assertThat(PngEncoder.encode(JpegDecodingTest.gradient(40, 40))).isEqualTo(PngEncoder.encode(JpegDecodingTest.gradient(40, 40)));
    }
}
