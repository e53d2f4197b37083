package io.atelier.engine.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.atelier.imaging.PlainJpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a {@link PlainJpeg} with OpenCV's bundled libjpeg-turbo (SIMD) straight into a linear frame, optionally
 * at 1/2, 1/4 or 1/8 scale by libjpeg's DCT scaling (shrink-on-load, as libvips's thumbnail does). EXIF is ignored
 * here on purpose: only upright files are plain, and ImageDecoder keeps the one place orientation is applied.
 * Empty whenever the native decoder does not return exactly the expected frame; the caller then takes the ImageIO
 * path, which reports damage the way every other input's is reported.
 */
public final class NativeJpeg {
    private NativeJpeg() {
    }

    /**
     * The largest DCT reduction (1, 2, 4 or 8) that leaves the longer side at least {@code minLongSide} and divides both
     * sides: a partial last block would become a whole pixel and shift the picture by up to a pixel at the far edges
     * (measured: mean 3.7 levels off a full decode at 1/4 on 2401 × 1601, against 0.9 on 2400 × 1600).
     */
    public static int reductionFor(PlainJpeg jpeg, int minLongSide) {
        int longSide = Math.max(jpeg.width(), jpeg.height());
        for (int n = 8; n > 1; n /= 2) {
            if (longSide / n >= minLongSide && jpeg.width() % n == 0 && jpeg.height() % n == 0) {
                return n;
            }
        }
        return 1;
    }

    public static Optional<LinearImage> decode(byte[] bytes, PlainJpeg jpeg, int reduction) {
        return decode(bytes, jpeg, reduction, BigFrames.PIXELS);
    }

    // A big picture's decoded pixels are parked in a temporary file and the native picture freed before the frame is
    // made, so the two are never whole in memory together (at 50 MP, 142 MiB of native memory beside ~570 MiB of frame).
    static Optional<LinearImage> decode(byte[] bytes, PlainJpeg jpeg, int reduction, long parkFrom) {
        int flags = opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION | switch (reduction) {
            case 1 -> opencv_imgcodecs.IMREAD_COLOR;
            case 2 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
            case 8 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("reduction " + reduction);
        };
        int width = ceilDiv(jpeg.width(), reduction);
        int height = ceilDiv(jpeg.height(), reduction);
        try (PointerScope scope = new PointerScope(); BytePointer data = new BytePointer(bytes)) {
            Mat encoded = new Mat(1, bytes.length, CV_8UC1, data);
            Mat bgr = opencv_imgcodecs.imdecode(encoded, flags);
            try {
                if (bgr.empty() || bgr.cols() != width || bgr.rows() != height || bgr.type() != CV_8UC3) {
                    return Optional.empty();
                }
                int stride = Math.toIntExact(bgr.step());
                ByteBuffer pixels = bgr.data().capacity((long) stride * height).asBuffer();
                if ((long) width * height >= parkFrom) {
                    Optional<LinearImage> parked = throughFile(pixels, bgr, width, height, stride);
                    if (parked.isPresent()) {
                        return parked;
                    }
                }
                return Optional.of(LinearImage.fromBgr8(pixels, width, height, stride));
            } finally {
                bgr.release();
                encoded.release();
            }
        }
    }

    // Empty if the temporary directory cannot take the pixels (full, read-only): the caller converts from memory then.
    private static Optional<LinearImage> throughFile(ByteBuffer pixels, Mat bgr, int width, int height, int stride) {
        Path file;
        try {
            file = Files.createTempFile("atelier-decode-", ".bgr");
        } catch (IOException e) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            while (pixels.hasRemaining()) {
                channel.write(pixels);
            }
            bgr.release();
            LinearImage out = new LinearImage(width, height, false);
            int bandRows = Math.max(1, BAND_BYTES / stride);
            ByteBuffer band = ByteBuffer.allocate(bandRows * stride);
            channel.position(0);
            for (int y = 0; y < height; y += bandRows) {
                int rows = Math.min(bandRows, height - y);
                band.clear().limit(rows * stride);
                while (band.hasRemaining()) {
                    if (channel.read(band) < 0) {
                        throw new IOException("the parked pixels end at row " + y);
                    }
                }
                out.putBgr8Rows(band, y, rows, stride);
            }
            return Optional.of(out);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is the operating system's to clear
            }
            if (!bgr.empty()) {
                return Optional.empty();
            }
            throw new UncheckedIOException("the decoded pixels were parked in " + file + " and cannot be read back", e);
        }
    }

    private static final int BAND_BYTES = 4 << 20;

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
