package io.atelier.gallery.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The studio's sign-in cookie: opens to its key until it expires, and only under the secret that sealed it. */
class StudioCookieTest {
    private static final String KEY = "atk_Ab3dEf9h_" + "x".repeat(43);
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private static byte[] secret(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void opensToTheKeyItSealedAndHidesIt() {
        var cookies = new StudioCookie(secret(1), Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));
        String value = cookies.seal(KEY);
        assertThat(value).doesNotContain("atk_").doesNotContain("xxxx");
        assertThat(cookies.open(value)).contains(KEY);
        assertThat(cookies.seal(KEY)).as("a fresh nonce each time").isNotEqualTo(value);
    }

    @Test
    void expiredTamperedOrForeignCookiesOpenToNothing() {
        String value = new StudioCookie(secret(1), Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC)).seal(KEY);
        var later = new StudioCookie(secret(1), Duration.ofHours(8), Clock.fixed(NOW.plus(Duration.ofHours(8)), ZoneOffset.UTC));
        assertThat(later.open(value)).isEmpty();
        var other = new StudioCookie(secret(2), Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.open(value)).isEmpty();
        var same = new StudioCookie(secret(1), Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));
        char[] chars = value.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertThat(same.open(new String(chars))).isEmpty();
        assertThat(same.open("")).isEmpty();
        assertThat(same.open("not base64 at all!")).isEmpty();
        assertThat(same.open(null)).isEmpty();
    }
}
