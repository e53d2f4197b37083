package io.atelier.platform.storage;

import java.nio.file.Path;
import java.util.Objects;

/** An encoded image about to be stored, written to a file (a big render's PNG) so that it need not be read onto the heap. */
public record ImageFile(Path file, String contentType, int width, int height) {
    public ImageFile {
        Objects.requireNonNull(file, "file");
        ImageBytes.extensionOf(contentType);
    }

    public static ImageFile png(Path file, int width, int height) {
        return new ImageFile(file, ImageBytes.PNG, width, height);
    }

    /** The file extension of its key. */
    public String extension() {
        return ImageBytes.extensionOf(contentType);
    }
}
