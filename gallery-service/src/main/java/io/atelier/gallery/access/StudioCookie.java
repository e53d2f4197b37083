package io.atelier.gallery.access;

import io.atelier.gallery.GallerySettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The studio's sign-in cookie: the API key and an expiry, sealed with AES-GCM, so it is both secret (the
 * key never shows in the browser's storage in the clear) and tamper-proof. It carries the key rather than a
 * server-side session so the gallery can forward the key to session-service, which verifies it itself,
 * and so revoking the key ends every sign-in made with it.
 */
@ApplicationScoped
public class StudioCookie {
    /** The cookie's name. */
    public static final String NAME = "atelier_studio";
    private static final int NONCE = 12;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec secret;
    private final Duration lifetime;
    private final Clock clock;

    @jakarta.inject.Inject
    public StudioCookie(GallerySettings settings) {
        this(settings.studio().cookieSecret().map(s -> Base64.getDecoder().decode(s.strip())).orElseGet(StudioCookie::randomSecret),
                settings.studio().signInLifetime(), Clock.systemUTC());
    }

    StudioCookie(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length != 32) {
            throw new IllegalArgumentException("atelier.gallery.studio.cookie-secret must be base64 of 32 bytes");
        }
        this.secret = new SecretKeySpec(secret, "AES");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The cookie value for this key, valid for the sign-in lifetime from now. */
    public String seal(String apiKey) {
        byte[] plain = (clock.instant().plus(lifetime).getEpochSecond() + " " + apiKey).getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    /** The key in a cookie this gallery sealed and that has not expired; empty for anything else. */
    public Optional<String> open(String value) {
        if (value == null || value.length() > 512) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length <= NONCE + 16) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(128, all, 0, NONCE));
            String plain = new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
            int space = plain.indexOf(' ');
            Instant expires = Instant.ofEpochSecond(Long.parseLong(plain.substring(0, space)));
            return clock.instant().isBefore(expires) ? Optional.of(plain.substring(space + 1)) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty(); // tampered, from another secret, or not ours at all
        }
    }

    private static byte[] randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
