package io.atelier.engine.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A rendered PNG file: on the heap, or, for a frame so big that its file and its frame would not both fit on the heap,
 * in a temporary file the engine wrote as it deflated. Whoever receives one closes it, which deletes a spilled file.
 */
public sealed interface EncodedPng extends AutoCloseable {
    /** The file's length in bytes. */
    long size();

    /** The file from its first byte; the caller closes the stream. */
    InputStream open() throws IOException;

    /** The whole file as one array: for small files and tests (a spilled file is read back onto the heap). */
    byte[] bytes();

    /** Lets the file go: a spilled file is deleted; closing twice does nothing more. */
    @Override
    void close();

    /** A file kept in memory. */
    record InMemory(byte[] bytes) implements EncodedPng {
        public InMemory {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void close() {
        }
    }

    /** A file written to a temporary file of its own, deleted on close. */
    record Spilled(Path file, long size) implements EncodedPng {
        public Spilled {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the spilled render " + file, e);
            }
        }
    }
}
