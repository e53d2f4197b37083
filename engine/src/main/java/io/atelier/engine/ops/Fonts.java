package io.atelier.engine.ops;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brand-kit fonts for {@link Text}, by the SHA-256 of their file. A plan names a kit font by family and
 * digest rather than carrying the file (fonts run to megabytes; a plan rides in a Kafka record), so
 * whoever renders loads the file here first. Keyed by content, never by family name: two workspaces'
 * fonts that share a name cannot stand in for each other. Holds the most recently used few.
 */
public final class Fonts {
    private static final int KEPT = 16;
    private static final Map<String, Font> LOADED = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Font> eldest) {
            return size() > KEPT;
        }
    };

    private Fonts() {
    }

    /** Loads a TrueType/OpenType file and answers its SHA-256 (hex), the name a plan gives it. */
    public static String load(byte[] file) {
        String digest = sha256(file);
        synchronized (LOADED) {
            if (LOADED.containsKey(digest)) {
                return digest;
            }
        }
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(file));
        } catch (FontFormatException | IOException e) {
            throw new IllegalArgumentException("not a TrueType or OpenType font: " + e.getMessage(), e);
        }
        synchronized (LOADED) {
            LOADED.put(digest, font);
        }
        return digest;
    }

    /** Whether the font with this digest is loaded. */
    public static boolean loaded(String sha256) {
        synchronized (LOADED) {
            return LOADED.containsKey(sha256);
        }
    }

    /** The loaded font with this digest. */
    public static Optional<Font> byDigest(String sha256) {
        synchronized (LOADED) {
            return Optional.ofNullable(LOADED.get(sha256));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
