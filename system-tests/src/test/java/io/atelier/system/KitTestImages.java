package io.atelier.system;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** What the kit tests upload: a logo with transparency and a real TrueType font. */
final class KitTestImages {
    private KitTestImages() {
    }

    /** 80×40: a solid red lozenge on a transparent ground. */
    static byte[] logo() {
        BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new Color(208, 16, 16));
        g.fillRect(10, 10, 60, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Liberation Sans (SIL Open Font License), as PDFBox ships it. */
    static byte[] font() {
        try (InputStream in = KitTestImages.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
