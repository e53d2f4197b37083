package io.atelier.platform.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

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
        this.client = MinioClient.builder().endpoint(endpoint).region(region).credentials(accessKey, secretKey).build();
        this.bucket = bucket;
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

    public byte[] get(String key) {
        return call(() -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return in.readAllBytes();
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** The object store could not do what was asked. */
    public static final class StorageException extends RuntimeException {
        public StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws Exception;
    }
}
