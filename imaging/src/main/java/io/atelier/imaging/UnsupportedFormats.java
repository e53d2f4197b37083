package io.atelier.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Names formats we recognise but do not decode, so the refusal says what the file is and how to convert it. */
final class UnsupportedFormats {
    private static final String EXPORT = "Export or save it as JPEG, PNG or WebP and upload that.";
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private UnsupportedFormats() {
    }

    /** The refusal for bytes that {@link ImageFormat#sniff} did not accept. */
    static RejectedImageException refusal(byte[] bytes) {
        if (bytes.length == 0) {
            return unsupported("The file is empty.", "Choose the photo again and upload it.");
        }
        String brand = isoBrand(bytes);
        if (AVIF_BRANDS.contains(brand) || hasCompatibleBrand(bytes, AVIF_BRANDS)) {
            return unsupported("The file is an AVIF image, which we cannot read yet.",
                    "Convert it to JPEG or PNG first (for example, open it in a browser or photo app and export or save it as JPEG), then upload that.");
        }
        if (HEIC_BRANDS.contains(brand) || hasCompatibleBrand(bytes, HEIC_BRANDS)) {
            return unsupported("The file is a HEIC/HEIF photo (the iPhone's default format), which we cannot read yet.",
                    "On the iPhone, share the photo to Files or Mail (which sends a JPEG) or set Settings › Camera › Formats › Most Compatible; "
                            + "on a Mac, open it in Preview and choose File › Export… › JPEG; on Windows, open it in Photos and save a copy as JPEG. Then upload the JPEG.");
        }
        if (Bytes.startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return unsupported("The file is a GIF image, which we do not edit.", EXPORT);
        }
        if (Bytes.startsWith(bytes, 0, 'I', 'I', 42, 0) || Bytes.startsWith(bytes, 0, 'M', 'M', 0, 42)) {
            return unsupported("The file is a TIFF image (or a camera raw file), which we cannot read.", EXPORT);
        }
        if (Bytes.startsWith(bytes, 0, 'B', 'M')) {
            return unsupported("The file is a BMP image, which we cannot read.", EXPORT);
        }
        if (Bytes.startsWith(bytes, 0, '8', 'B', 'P', 'S')) {
            return unsupported("The file is a Photoshop document, which we cannot read.", "Export a flattened JPEG or PNG from Photoshop and upload that.");
        }
        if (Bytes.startsWith(bytes, 0, 0xFF, 0x0A) || Bytes.startsWith(bytes, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return unsupported("The file is a JPEG XL image, which we cannot read yet.", EXPORT);
        }
        if (Bytes.startsWith(bytes, 0, 'R', 'I', 'F', 'F')) {
            return unsupported("The file is a RIFF container but not a WebP image (perhaps audio or video).", "Upload a photo: JPEG, PNG or WebP.");
        }
        if (Bytes.startsWith(bytes, 0, '%', 'P', 'D', 'F')) {
            return unsupported("The file is a PDF document, not a photo.", "Export the page as a PNG or JPEG image and upload that.");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            return unsupported("The file is an SVG drawing, which we do not render.", "Export it as a PNG at the size you need and upload that.");
        }
        return unsupported("The file is not an image we recognise.", "Upload a photo saved as JPEG, PNG or WebP.");
    }

    private static RejectedImageException unsupported(String problem, String hint) {
        return new RejectedImageException(RejectedImageException.Kind.UNSUPPORTED_FORMAT, problem, hint);
    }

    // ISO base media files (HEIF, AVIF) start with an 'ftyp' box: size, 'ftyp', major brand, minor version, compatible brands.
    private static String isoBrand(byte[] bytes) {
        return Bytes.startsWith(bytes, 4, 'f', 't', 'y', 'p') && bytes.length >= 12 ? Bytes.fourCc(bytes, 8) : "";
    }

    private static boolean hasCompatibleBrand(byte[] bytes, Set<String> brands) {
        if (isoBrand(bytes).isEmpty()) {
            return false;
        }
        long boxSize = Math.min(Bytes.u32be(bytes, 0), Math.min(bytes.length, 256));
        for (int at = 16; at + 4 <= boxSize; at += 4) {
            if (brands.contains(Bytes.fourCc(bytes, at))) {
                return true;
            }
        }
        return false;
    }
}
