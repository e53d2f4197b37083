package io.atelier.engine.subject;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/** A matte as an 8-bit greyscale PNG: how mattes are cached beside the images they belong to. */
public final class MattePng {
    private MattePng() {
    }

    public static byte[] encode(SubjectMatte matte) {
        BufferedImage grey = new BufferedImage(matte.width(), matte.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] levels = matte.levels();
        System.arraycopy(levels, 0, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData(), 0, levels.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(grey, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The matte, if the bytes are a greyscale PNG of the expected size; anything else is ignored (and recomputed). */
    public static Optional<SubjectMatte> decode(byte[] png, int width, int height, String method) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null || image.getType() != BufferedImage.TYPE_BYTE_GRAY || image.getWidth() != width || image.getHeight() != height) {
                return Optional.empty();
            }
            byte[] levels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            return Optional.of(SubjectMatte.fromLevels(levels.clone(), width, height, method));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
