package io.atelier.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a PNG as a client would, with the JDK's decoder (which checks every chunk's CRC): its iTXt text and its pixels. */
final class PngText {
    private PngText() {
    }

    /** The text of the iTXt entry with this keyword; fails when there is none. */
    static String read(byte[] png, String keyword) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
        NodeList entries = ((Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0")).getElementsByTagName("iTXtEntry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (entry.getAttribute("keyword").equals(keyword)) {
                return entry.getAttribute("text");
            }
        }
        throw new AssertionError("no iTXt entry '" + keyword + "' in the PNG");
    }

    /** Every pixel as ARGB, row by row, after the width and height. */
    static int[] pixels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] out = new int[2 + image.getWidth() * image.getHeight()];
        out[0] = image.getWidth();
        out[1] = image.getHeight();
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), out, 2, image.getWidth());
        return out;
    }
}
