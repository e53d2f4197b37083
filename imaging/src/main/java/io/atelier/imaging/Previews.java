package io.atelier.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Display-sized previews: the picture fitted into {@value #LONG_SIDE} px on its long side and encoded as JPEG at
 * quality {@value #QUALITY} (no WebP encoder on the classpath: TwelveMonkeys only reads WebP). What a screen shows
 * of a 24 MP render for a few hundred kilobytes instead of tens of megabytes of PNG.
 */
public final class Previews {
    /** The long side of a preview, in pixels: a large display's width. */
    public static final int LONG_SIDE = 2048;
    public static final float QUALITY = 0.85f;
    public static final String CONTENT_TYPE = "image/jpeg";

    private Previews() {
    }

    /**
     * The preview of a decoded picture; transparency is flattened onto white, as JPEG has none. A picture that already
     * fits (as a render worker makes it, area-averaged from its frame) is encoded as it is.
     */
    public static byte[] jpeg(BufferedImage source) {
        BufferedImage fitted = Math.max(source.getWidth(), source.getHeight()) <= LONG_SIDE ? source : Thumbnails.fit(source, LONG_SIDE);
        BufferedImage rgb = fitted.getType() == BufferedImage.TYPE_INT_RGB ? fitted : flattened(fitted);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG encoder available");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The picture as INT_RGB, transparency flattened onto white (JPEG has none): what every preview shows. */
    public static BufferedImage flattened(BufferedImage picture) {
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(picture, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
