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
 * Display-sized previews of step images, made on first request from the full image and kept in S3 beside it under
 * the full image's sha256 ({@link ImageKeys#preview}), so every later request, from any gallery replica, is a plain
 * read. One preview is made at a time: decoding a 50 MP picture takes a good part of this service's heap.
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
                images.put(preview.key(), Previews.jpeg(decoder.decode(images.get(full.key())).image()), Previews.CONTENT_TYPE);
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
