package io.atelier.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys: {@code atk_<8-character prefix>_<43-character secret>}, the secret 32 random bytes in
 * base64url. Only the prefix (to name a key) and the SHA-256 of the whole key are ever stored.
 */
public final class ApiKeys {
    /** What a key looks like on the wire. */
    public static final Pattern FORMAT = Pattern.compile("atk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})");
    /** What a key's prefix looks like. */
    public static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{8}");

    private ApiKeys() {
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** A new key: shown once to whoever asked for it; only its prefix and hash are kept. */
    public record Issued(String key, String prefix, String hash) {
        @Override
        public String toString() {
            return "Issued[atk_" + prefix + "_…]";
        }
    }

    /** Makes a new random key (32 bytes of secret from a SecureRandom). */
    public static Issued generate() {
        StringBuilder prefix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            prefix.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "atk_" + prefix + "_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(key, prefix.toString(), hash(key));
    }

    /** A presented key, well-formed: its prefix and the hash to look it up by. */
    public record Presented(String prefix, String hash) {
    }

    /** Parses an {@code Authorization} header value ({@code Bearer atk_…}); empty when absent or malformed. */
    public static Optional<Presented> fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return parse(header.substring(7).strip());
    }

    /** Parses a bare key; empty when malformed. */
    public static Optional<Presented> parse(String key) {
        if (key == null || key.length() > 64) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? Optional.of(new Presented(m.group(1), hash(key))) : Optional.empty();
    }

    /**
     * SHA-256 of the key, hex. A fast unsalted hash is right here, unlike for passwords: the secret is
     * 256 random bits, so there is nothing to guess from a leaked hash and no dictionary to salt against;
     * a slow hash (bcrypt, Argon2) would only make every request slower.
     */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
