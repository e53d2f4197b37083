package io.atelier.generative;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reading what providers' HTTP answers share: Retry-After, transient statuses. */
final class HttpAnswers {
    private HttpAnswers() {
    }

    /** 429 and 5xx may succeed later; every other error will not. */
    static boolean transientStatus(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /** Retry-After as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("retry-after").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at)).filter(d -> !d.isNegative());
                } catch (RuntimeException unreadable) {
                    return Optional.empty();
                }
            }
        });
    }
}
