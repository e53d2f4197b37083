package io.atelier.imaging;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF orientation tag (values 1–8): how the stored pixels must be flipped or turned to show the
 * picture upright, as a camera recorded it.
 */
enum Orientation {
    NORMAL, MIRROR_HORIZONTAL, ROTATE_180, MIRROR_VERTICAL, TRANSPOSE, ROTATE_90_CW, TRANSVERSE, ROTATE_90_CCW;

    /** Whether showing the image upright swaps its width and height. */
    boolean swapsSides() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    /**
     * The orientation an EXIF block (a TIFF structure) records. A missing, unreadable or out-of-range
     * value means {@link #NORMAL}, as browsers and photo viewers treat it.
     */
    static Orientation fromExif(Optional<byte[]> exif) {
        if (exif.isEmpty()) {
            return NORMAL;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(exif.get()))) {
            Directory ifd0 = new TIFFReader().read(in);
            Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number value && value.intValue() >= 1 && value.intValue() <= 8) {
                return values()[value.intValue() - 1];
            }
            return NORMAL;
        } catch (IOException | RuntimeException e) {
            return NORMAL; // a damaged EXIF block does not make the pixels unreadable
        }
    }

    /** The upright picture: {@code stored} turned and flipped; {@code stored} must be TYPE_INT_RGB or TYPE_INT_ARGB. */
    BufferedImage apply(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        BufferedImage out = swapsSides() ? new BufferedImage(h, w, stored.getType()) : new BufferedImage(w, h, stored.getType());
        int outW = out.getWidth();
        int[] row = new int[w];
        int[] target = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            stored.getRaster().getDataElements(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (this) {
                    case MIRROR_HORIZONTAL -> { tx = w - 1 - x; ty = y; }
                    case ROTATE_180 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case MIRROR_VERTICAL -> { tx = x; ty = h - 1 - y; }
                    case TRANSPOSE -> { tx = y; ty = x; }
                    case ROTATE_90_CW -> { tx = h - 1 - y; ty = x; }
                    case TRANSVERSE -> { tx = h - 1 - y; ty = w - 1 - x; }
                    case ROTATE_90_CCW -> { tx = y; ty = w - 1 - x; }
                    default -> throw new IllegalStateException();
                }
                target[ty * outW + tx] = row[x];
            }
        }
        return out;
    }
}
