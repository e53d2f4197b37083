package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import org.junit.jupiter.api.Test;

/**
 * The decoder picks its TwelveMonkeys readers itself, so it works however an application is
 * packaged: here every plug-in ImageIO found through META-INF/services is removed first, as if a
 * packager had dropped or overwritten those files.
 */
class ServiceLoadingIndependenceTest {
    @Test
    void webpAndCmykJpegDecodeWithNoPluginsRegistered() throws Exception {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> removed = new ArrayList<>();
        Iterator<ImageReaderSpi> providers = registry.getServiceProviders(ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            ImageReaderSpi spi = providers.next();
            if (spi.getClass().getName().startsWith("com.twelvemonkeys.")) {
                removed.add(spi);
            }
        }
        removed.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
        try {
            assertThat(registry.getServiceProviders(ImageReaderSpi.class, spi -> spi.getClass().getName().contains("WebP"), false).hasNext()).isFalse();
            ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
            WritableRaster cyan = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 8, 8, 4, null);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    cyan.setPixel(x, y, new int[] {255, 0, 0, 0});
                }
            }
            assertThat(decoder.decode(TestImages.cmykJpeg(cyan, false)).image().getRGB(4, 4) & 0xFF0000).isLessThan(0x100000);
            assertThat(decoder.decode(HostileCorpusTest.resource("/webp/coffee-lossy.webp")).width()).isEqualTo(150);
        } finally {
            removed.forEach(spi -> registry.registerServiceProvider(spi, ImageReaderSpi.class));
        }
    }
}
