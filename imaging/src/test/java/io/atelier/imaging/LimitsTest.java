package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Size caps and the memory budget are checked from each format's header, before any pixel is decoded. */
class LimitsTest {
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    static Object[][] headersClaimingHugeSizes() {
        return new Object[][] {
            {"PNG IHDR 100000 × 100000", TestImages.pngHeaderClaiming(100_000, 100_000), "100000 × 100000"},
            {"PNG IHDR 20000 × 10 (one side too long)", TestImages.pngHeaderClaiming(20_000, 10), "20000 × 10"},
            {"JPEG SOF 65535 × 65535", HostileImages.jpegSofClaiming(65_535, 65_535), "65535 × 65535"},
            {"JPEG SOF 10 × 30000", HostileImages.jpegSofClaiming(10, 30_000), "10 × 30000"},
            {"WebP VP8 16383 × 16383", HostileImages.webpVp8Claiming(16_383, 16_383), "16383 × 16383"},
            {"WebP VP8L 16384 × 16384", HostileImages.webpVp8lClaiming(16_384, 16_384), "16384 × 16384"},
            {"WebP VP8X 16777216 × 16777216", HostileImages.webpVp8xClaiming(16_777_216, 16_777_216), "16777216 × 16777216"},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headersClaimingHugeSizes")
    void aHeaderClaimingAHugeSizeIsTooLargeEvenWithNoPixelData(String name, byte[] header, String size) {
        // Nothing follows these headers: a decoder that looked past them would call the file corrupt instead.
        assertThatThrownBy(() -> decoder.decode(header)).isInstanceOfSatisfying(RejectedImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains(size).contains("Resize it");
        });
    }

    @Test
    void theMemoryBudgetCountsBytesPerPixel() throws Exception {
        // 100 × 100 pixels either way. 8-bit grey holds 1 byte a pixel while decoding, 16-bit RGBA 8;
        // both then take 4 for the sRGB result: 5 vs 12 bytes a pixel, 50 kB vs 120 kB.
        ImageDecoder tight = new ImageDecoder(new ImageLimits(16_384, 50_000_000L, 60_000));
        byte[] grey8 = TestImages.png(image(ColorSpace.CS_GRAY, false, DataBuffer.TYPE_BYTE));
        byte[] rgba16 = TestImages.png(image(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT));

        assertThat(tight.decode(grey8).width()).isEqualTo(100);
        assertThatThrownBy(() -> tight.decode(rgba16)).isInstanceOfSatisfying(RejectedImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("12 bytes a pixel");
            assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("8-bit"));
        });
    }

    @Test
    void theDefaultBudgetFitsEveryEightBitFormatAtThePixelCap() {
        assertThat(ImageLimits.DEFAULT.maxDecodeBytes()).isEqualTo(500_000_000L);
        // A baseline RGB JPEG costs 2 × 3 + 4 = 10 bytes a pixel: exactly the default at 50 MP.
        assertThat(50_000_000L * 10).isLessThanOrEqualTo(ImageLimits.DEFAULT.maxDecodeBytes());
    }

    @Test
    void aSixteenBitRgbaBombWithinThePixelCapIsRefusedByTheBudget() {
        // 16000 × 3000 = 48 MP passes the pixel cap, but 16-bit RGBA needs 48 MP × 12 bytes = 576 MB.
        byte[] bomb = HostileImages.pngBomb(16_000, 3_000, 16, 6);
        assertThat(bomb.length).isLessThan(1_000_000);
        assertThatThrownBy(() -> decoder.decode(bomb)).isInstanceOfSatisfying(RejectedImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("576 MB");
        });
    }

    private static BufferedImage image(int colourSpace, boolean alpha, int dataType) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(colourSpace), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        return new BufferedImage(model, model.createCompatibleWritableRaster(100, 100), false, null);
    }
}
