package io.atelier.gallery.api;

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

/**
 * The gallery refuses a body over the one limit with the same problem session-service gives, before it
 * reads or forwards anything (its forwarding target here is a closed port: a forwarded request would be a 502).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = LocalStackResource.PARTS, value = "kafka,postgres,s3"),
        @ResourceArg(name = LocalStackResource.DATABASE, value = "atelier_gallery")})
class ForwardedBodyLimitTest {
    @TestHTTPResource("/api/sessions")
    URI sessions;

    @Test
    void anUploadOverTheLimitGetsTheSameProblemAsFromSessionService() throws Exception {
        HttpResponse<String> r = oversize(URI.create(sessions + "/" + UUID.randomUUID() + "/source"), 61 * 1024 * 1024);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("/problems/body-too-large").contains("at most 60 MB (62914560 bytes)");
    }

    @Test
    void aBodyUnderTheLimitButOverTheOldTenMegabytesIsForwarded() throws Exception {
        // 11 MB used to be refused by the gallery alone; now it passes the limit and goes on to session-service (to check the
        // key, then to carry the command), which is a closed port here
        HttpResponse<String> r = oversize(URI.create(sessions + "/" + UUID.randomUUID() + "/source"), 11 * 1024 * 1024);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(r.body()).contains("/problems/session-service-unavailable");
    }

    private static HttpResponse<String> oversize(URI url, int bytes) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(HttpRequest.newBuilder(url).expectContinue(true)
                    .header("Content-Type", "multipart/form-data; boundary=limit")
                    .header("Authorization", "Bearer " + io.atelier.platform.access.ApiKeys.generate().key())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
