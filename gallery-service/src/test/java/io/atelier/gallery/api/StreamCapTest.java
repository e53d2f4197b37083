package io.atelier.gallery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The caps on live views, as the gallery configures them: per workspace (429) and in total (503), with
 * Retry-After, and a place given back once however often a stream ends. Over HTTP, with keys and a client
 * hanging up, the system tests' StreamCapTest covers the same (a gallery here has no session-service to ask about keys).
 */
@QuarkusTest
@TestProfile(StreamCapTest.LowCaps.class)
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class StreamCapTest {

    /** Two streams a workspace, three in all. */
    public static class LowCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atelier.gallery.streams.max-per-workspace", "2", "atelier.gallery.streams.max-total", "3",
                    "atelier.gallery.streams.retry-after", "7s");
        }
    }

    @Inject
    StreamPermits permits;

    @Test
    void capsRefuseWithRetryAfterAndAReleasedPermitFreesItsPlaceOnce() {
        List<StreamPermits.Permit> open = new ArrayList<>();
        open.add(permits.acquire("streams-a"));
        open.add(permits.acquire("streams-a"));
        assertThatThrownBy(() -> permits.acquire("streams-a")).isInstanceOfSatisfying(StreamPermits.StreamRefused.class, r -> {
            assertThat(r.problem().status()).isEqualTo(429);
            assertThat(r.problem().type().toString()).endsWith("/too-many-streams");
            assertThat(r.retryAfterSeconds()).isEqualTo(7);
        });
        open.add(permits.acquire("streams-b"));
        assertThatThrownBy(() -> permits.acquire("streams-c")).isInstanceOfSatisfying(StreamPermits.StreamRefused.class, r -> {
            assertThat(r.problem().status()).isEqualTo(503);
            assertThat(r.problem().type().toString()).endsWith("/streams-full");
        });
        assertThat(permits.open()).isEqualTo(3);

        StreamPermits.Permit first = open.remove(0);
        first.release();
        first.release(); // a stream that ends twice (completion, then the client hanging up) gives back one place
        assertThat(permits.open()).isEqualTo(2);
        open.add(permits.acquire("streams-a"));
        open.forEach(StreamPermits.Permit::release);
        assertThat(permits.open()).isZero();
    }
}
