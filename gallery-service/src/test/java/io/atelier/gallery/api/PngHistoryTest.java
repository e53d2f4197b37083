package io.atelier.gallery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PngHistoryTest {
    @Test
    void theHistoryRidesInAnITxtChunkAndThePixelsStayTheSame() throws Exception {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                image.setRGB(x, y, (x * 36) << 16 | (y * 50) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        String history = "{\"session\":\"s\",\"step\":\"t\",\"note\":\"café ☕\"}";

        byte[] exported = PngHistory.withHistory(png, history);

        assertThat(PngHistory.read(exported)).contains(history);
        assertThat(PngHistory.read(png)).isEmpty();
        assertThat(PngHistory.imageData(exported)).isEqualTo(PngHistory.imageData(png));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(exported));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(decoded.getRGB(x, y)).isEqualTo(image.getRGB(x, y));
            }
        }
        // an independent reader (the JDK's PNG decoder, which checks every CRC) finds the same keyword and text
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(exported)));
        IIOMetadata metadata = reader.getImageMetadata(0);
        NodeList entries = ((Element) metadata.getAsTree("javax_imageio_png_1.0")).getElementsByTagName("iTXtEntry");
        assertThat(entries.getLength()).isEqualTo(1);
        assertThat(((Element) entries.item(0)).getAttribute("keyword")).isEqualTo(PngHistory.KEYWORD);
        assertThat(((Element) entries.item(0)).getAttribute("text")).isEqualTo(history);
    }

    @Test
    void anythingButAPngIsRefused() {
        assertThatThrownBy(() -> PngHistory.withHistory(new byte[64], "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
