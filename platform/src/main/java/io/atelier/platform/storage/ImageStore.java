package io.atelier.platform.storage;

import io.atelier.events.ImageRef;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.HttpUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The S3 image bucket. Objects are content-addressed, so a put of the same key is idempotent and an
 * object, once named by an event, never changes.
 */
public final class ImageStore implements AutoCloseable {
    private final MinioClient client;
    private final String bucket;

    public ImageStore(S3Settings settings) {
        this(settings.endpoint(), settings.region(), settings.accessKey(), settings.secretKey(), settings.bucket());
    }

    public ImageStore(String endpoint, String region, String accessKey, String secretKey, String bucket) {
        this.client = MinioClient.builder().endpoint(endpoint).region(region).credentials(accessKey, secretKey).httpClient(http()).build();
        this.bucket = bucket;
    }

    // the client MinIO builds by default (its five-minute timeouts), on sockets that send a request's segments at once
    private static okhttp3.OkHttpClient http() {
        long timeout = java.util.concurrent.TimeUnit.MINUTES.toMillis(5);
        return HttpUtils.newDefaultHttpClient(timeout, timeout, timeout).newBuilder().socketFactory(new NoDelaySockets()).build();
    }

    public String bucket() {
        return bucket;
    }

    public void ensureBucket() {
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                } catch (ErrorResponseException e) {
                    // services start together: another one may create the bucket between our check and our create
                    String code = e.errorResponse().code();
                    if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    public void put(String key, byte[] bytes, String contentType) {
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(contentType).build()));
    }

    /**
     * Stores an image and its PNG thumbnail in the session's folder under their sha256 and returns what
     * an event records of them. Done before the event that names them, so no event names a missing object.
     */
    public ImageWithThumbnail storeWithThumbnail(String workspaceId, UUID sessionId, ImageBytes image, ImageBytes thumbnail) {
        return storeWithThumbnail(workspaceId, sessionId, image, thumbnail, Optional.empty());
    }

    /**
     * As {@link #storeWithThumbnail(String, UUID, ImageBytes, ImageBytes)}, with the image's display-sized JPEG preview
     * put beside them under the image's hash ({@link ImageKeys#preview}), where the gallery looks for it.
     */
    public ImageWithThumbnail storeWithThumbnail(String workspaceId, UUID sessionId, ImageBytes image, ImageBytes thumbnail,
                                                 Optional<byte[]> previewJpeg) {
        String sha = Sha256.hex(image.bytes());
        ImageRef imageRef = new ImageRef(ImageKeys.image(workspaceId, sessionId, sha, image.extension()), sha, image.width(),
                image.height(), image.contentType(), image.bytes().length);
        return storeWithThumbnail(workspaceId, sessionId, imageRef, () -> put(imageRef.key(), image.bytes(), imageRef.contentType()), thumbnail,
                previewJpeg);
    }

    /** As {@link #storeWithThumbnail(String, UUID, ImageBytes, ImageBytes, Optional)}, for an image in a file, streamed from it to the store. */
    public ImageWithThumbnail storeWithThumbnail(String workspaceId, UUID sessionId, ImageFile image, ImageBytes thumbnail,
                                                 Optional<byte[]> previewJpeg) {
        String sha;
        long size;
        try {
            sha = Sha256.hex(image.file());
            size = Files.size(image.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image to store from " + image.file(), e);
        }
        ImageRef imageRef = new ImageRef(ImageKeys.image(workspaceId, sessionId, sha, image.extension()), sha, image.width(),
                image.height(), image.contentType(), size);
        return storeWithThumbnail(workspaceId, sessionId, imageRef, () -> put(imageRef.key(), image.file(), size, imageRef.contentType()), thumbnail,
                previewJpeg);
    }

    private ImageWithThumbnail storeWithThumbnail(String workspaceId, UUID sessionId, ImageRef imageRef, Runnable putImage, ImageBytes thumbnail,
                                                  Optional<byte[]> previewJpeg) {
        if (!thumbnail.contentType().equals(ImageBytes.PNG)) {
            throw new IllegalArgumentException("thumbnails are PNG, not " + thumbnail.contentType());
        }
        String thumbSha = Sha256.hex(thumbnail.bytes());
        ImageRef thumbRef = new ImageRef(ImageKeys.thumbnail(workspaceId, sessionId, thumbSha), thumbSha, thumbnail.width(),
                thumbnail.height(), thumbnail.contentType(), thumbnail.bytes().length);
        // the puts go side by side: all must land before the event, none needs another
        java.util.concurrent.CompletableFuture<Void> thumb = java.util.concurrent.CompletableFuture.runAsync(
                () -> put(thumbRef.key(), thumbnail.bytes(), thumbRef.contentType()), SIDE_PUTS);
        java.util.concurrent.CompletableFuture<Void> preview = previewJpeg.map(jpeg -> java.util.concurrent.CompletableFuture.runAsync(
                () -> put(ImageKeys.preview(workspaceId, sessionId, imageRef.sha256()), jpeg, PREVIEW_TYPE), SIDE_PUTS))
                .orElse(java.util.concurrent.CompletableFuture.completedFuture(null));
        try {
            putImage.run();
        } finally {
            try {
                joinPut(thumb);
            } finally {
                joinPut(preview);
            }
        }
        return new ImageWithThumbnail(imageRef, thumbRef);
    }

    // Streamed in the client's parts (5 MiB each for a big file), as an array's bytes are.
    private void put(String key, Path file, long size, String contentType) {
        call(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, -1).contentType(contentType).build());
            }
        });
    }

    private static final String PREVIEW_TYPE = "image/jpeg";
    private static final java.util.concurrent.Executor SIDE_PUTS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private static void joinPut(java.util.concurrent.CompletableFuture<Void> put) {
        try {
            put.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The object's bytes; {@link ObjectMissingException} when there is no such key. */
    public byte[] get(String key) {
        return call(() -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return in.readAllBytes();
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    throw new ObjectMissingException(key, e);
                }
                throw e;
            }
        });
    }

    /** Opens an object for streaming, or empty when there is no such key. The caller closes it. */
    public Optional<StoredObject> open(String key) {
        return call(() -> {
            try {
                GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
                long size = Long.parseLong(Optional.ofNullable(response.headers().get("Content-Length")).orElse("-1"));
                String type = Optional.ofNullable(response.headers().get("Content-Type")).orElse("application/octet-stream");
                return Optional.of(new StoredObject(response, size, type));
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public boolean exists(String key) {
        return call(() -> {
            try {
                StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return stat.size() >= 0;
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the S3 client", e);
        }
    }

    private static <T> T call(S3Call<T> call) {
        try {
            return call.run();
        } catch (StorageException e) {
            throw e;
        } catch (IOException e) {
            // the server did not answer (refused, reset, timed out): the request may well succeed later
            throw new StorageUnavailableException("S3 is unreachable: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StorageException("S3 request failed: " + e.getMessage(), e);
        }
    }

    /** An open object: its stream, byte length and content type. */
    public record StoredObject(InputStream stream, long size, String contentType) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** A stored image and its thumbnail, as events name them. */
    public record ImageWithThumbnail(ImageRef image, ImageRef thumbnail) {
    }

    /** The object store could not do what was asked. */
    public static class StorageException extends RuntimeException {
        public StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The object store did not answer: an infrastructure failure to retry, never a verdict on the request. */
    public static final class StorageUnavailableException extends StorageException {
        public StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The object store answered that there is no object under the key: retrying the same request gives the same answer. */
    public static final class ObjectMissingException extends StorageException {
        public ObjectMissingException(String key, Throwable cause) {
            super("no object " + key, cause);
        }
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws Exception;
    }
}
