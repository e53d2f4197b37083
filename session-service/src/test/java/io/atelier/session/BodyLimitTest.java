package io.atelier.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.platform.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A body over the one 60 MB limit gets a 413 problem before it is read, and the session is unchanged. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_session")})
class BodyLimitTest {
    static String key;

    @org.junit.jupiter.api.BeforeEach
    void key() {
        key = SessionFixtures.useKey("default");
    }

    @TestHTTPResource("/api/sessions")
    URI sessions;

    @Test
    void anUploadOverTheLimitGetsABodyTooLargeProblemAndStoresNothing() throws Exception {
        UUID session = SessionFixtures.startSession("too large");

        HttpResponse<String> r = oversize(URI.create(sessions + "/" + session + "/source"), 61 * 1024 * 1024);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("/problems/body-too-large").contains("\"status\":413").contains("60 MB")
                .contains("/api/sessions/" + session + "/source");
        assertThat(SessionFixtures.steps(session)).isZero();
        assertThat(SessionFixtures.outbox(session)).hasSize(1);
        // the same session still takes a normal upload afterwards
        SessionFixtures.uploadSource(session);
    }

    @Test
    void aJsonCommandOverTheLimitGetsTheSameProblem() throws Exception {
        HttpResponse<String> r = oversize(sessions, 60 * 1024 * 1024 + 1);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("/problems/body-too-large").contains("62914561 bytes");
    }

    /** Declares the size and waits for 100-continue, so the refusal arrives without the body being sent. */
    static HttpResponse<String> oversize(URI url, int bytes) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(HttpRequest.newBuilder(url).expectContinue(true)
                    .header("Content-Type", "multipart/form-data; boundary=limit").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
