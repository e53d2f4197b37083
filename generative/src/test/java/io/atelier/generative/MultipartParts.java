package io.atelier.generative;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a multipart/form-data body into named parts, strictly (a fake that accepts anything tests nothing). */
public final class MultipartParts {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One part: its content type (if given), file name (if a file), and bytes. */
    public record Part(String name, String contentType, String filename, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private MultipartParts() {
    }

    /** The parts by name; throws IllegalArgumentException on a malformed body or a repeated name. */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !m.find()) {
            throw new IllegalArgumentException("Content-Type must be multipart/form-data with a boundary, got " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos != 0) {
            throw new IllegalArgumentException("body does not start with the boundary");
        }
        while (true) {
            int afterDelim = pos + delimiter.length;
            if (afterDelim + 2 <= body.length && body[afterDelim] == '-' && body[afterDelim + 1] == '-') {
                return parts; // closing delimiter
            }
            int headersStart = afterDelim + 2; // CRLF
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("part without headers");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("part without closing boundary");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, next);
            String name = null;
            String filename = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    Matcher n = NAME.matcher(line);
                    name = n.find() ? n.group(1) : null;
                    Matcher f = FILENAME.matcher(line);
                    filename = f.find() ? f.group(1) : null;
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            if (name == null) {
                throw new IllegalArgumentException("part without a name");
            }
            if (parts.put(name, new Part(name, type, filename, content)) != null) {
                throw new IllegalArgumentException("part '" + name + "' sent twice");
            }
            pos = next + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
