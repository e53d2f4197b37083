package io.atelier.gallery.api;

import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.Previews;
import io.atelier.imaging.RejectedImageException;
import io.atelier.platform.storage.ImageKeys;
import io.atelier.platform.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Display-sized previews of step images, kept in S3 beside the full image under its sha256 ({@link ImageKeys#preview}).
 * A render worker stores a step's preview with its image; an upload's, and a step stored before workers made them, is
 * made here on first request, so every later request, from any gallery replica, is a plain read. Made here, the full
 * image is read through but kept only at two to four times the preview's size (a 50 MP picture decoded whole does not
 * fit this service's heap), and one at a time.
 */
@ApplicationScoped
public class StepPreviews {
    private final ImageStore images;
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    private final Semaphore making = new Semaphore(1);

    public StepPreviews(ImageStore images) {
        this.images = images;
    }

    /** The stored preview of {@code full} (made now if it is the first time anyone asked), as the image endpoints serve it. */
    public GalleryQueries.StoredImage of(String workspaceId, UUID sessionId, GalleryQueries.StoredImage full) throws InterruptedException {
        GalleryQueries.StoredImage preview = new GalleryQueries.StoredImage(ImageKeys.preview(workspaceId, sessionId, full.sha256()),
                Previews.CONTENT_TYPE, etagOf(full));
        if (images.exists(preview.key())) {
            return preview;
        }
        making.acquire();
        try {
            if (!images.exists(preview.key())) { // another request may have made it while this one waited
                images.put(preview.key(), Previews.jpeg(decoder.check(images.get(full.key()), Previews.LONG_SIDE).reduced()), Previews.CONTENT_TYPE);
            }
            return preview;
        } catch (RejectedImageException e) {
            // stored images were decoded when they were made: one that no longer decodes is damaged in storage
            throw new IllegalStateException("stored image " + full.key() + " does not decode: " + e.getMessage(), e);
        } finally {
            making.release();
        }
    }

    /** What identifies a preview: the full image's hash and the preview's size and format (a change to either changes it). */
    public static String etagOf(GalleryQueries.StoredImage full) {
        return full.sha256() + "-preview" + Previews.LONG_SIDE + "-jpeg";
    }
}
