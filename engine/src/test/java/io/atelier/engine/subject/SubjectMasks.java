package io.atelier.engine.subject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The hand-drawn reference mask of coffee.png's cup and saucer, and intersection-over-union against it. */
final class SubjectMasks {
    private SubjectMasks() {
    }

    /** White = cup and saucer (and the spoon's handle), drawn once as polygons and ellipses over the photo. */
    static BufferedImage reference() {
        try (InputStream in = SubjectMasks.class.getResourceAsStream("/photos/coffee-subject.png")) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IoU of the matte (above one half) and the reference mask (above mid-grey). */
    static double iou(SubjectMatte matte, BufferedImage reference) {
        long both = 0;
        long either = 0;
        for (int y = 0; y < matte.height(); y++) {
            for (int x = 0; x < matte.width(); x++) {
                boolean m = matte.alpha()[y * matte.width() + x] > 0.5f;
                boolean r = (reference.getRGB(x, y) & 0xFF) > 127;
                both += m && r ? 1 : 0;
                either += m || r ? 1 : 0;
            }
        }
        return either == 0 ? 0 : both / (double) either;
    }
}
