package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.stack.SessionVerifier;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ./atelier audit verify: stored images match their events, built-in steps re-render to the same bytes, and tampering is found. */
@ExtendWith(RunningStack.class)
class AuditVerifyTest {

    @Test
    void aSessionVerifiesAndATamperedImageIsReported() throws Exception {
        UUID session = Api.newSession("verify me");
        UUID root = Api.uploadPhoto(session);
        UUID crop = Api.step(session, root, "crop to a 1:1 square");
        Api.awaitFinished(session, crop);
        UUID mono = Api.step(session, crop, "black and white");
        Api.awaitFinished(session, mono);

        var endpoints = RunningStack.endpoints();
        MinioClient s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint()).credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
        SessionVerifier verifier = new SessionVerifier(endpoints.galleryUrl(), RunningStack.apiKey(),
                Path.of(System.getenv().getOrDefault("ATELIER_MODELS_DIR", System.getProperty("user.home") + "/.cache/atelier/models")), key -> {
                    try (var in = s3.getObject(GetObjectArgs.builder().bucket("atelier-images").object(key).build())) {
                        return Optional.of(in.readAllBytes());
                    } catch (Exception e) {
                        return Optional.empty();
                    }
                });

        List<SessionVerifier.Finding> clean = verifier.verify(session);
        // the source is stored; each rendered step is stored and re-renders from its recorded input and plan to the same bytes
        assertThat(clean).extracting(SessionVerifier.Finding::check).containsExactly("stored", "stored", "re-render", "stored", "re-render");
        assertThat(clean).allSatisfy(f -> assertThat(f.ok()).as(f.toString()).isTrue());

        String sha = Api.tree(session).getString("steps.find { it.stepId == '" + mono + "' }.image.sha256");
        byte[] other = Api.coffee();
        s3.putObject(PutObjectArgs.builder().bucket("atelier-images").object("default/" + session + "/" + sha + ".png")
                .stream(new ByteArrayInputStream(other), other.length, -1).contentType("image/png").build());

        List<SessionVerifier.Finding> tampered = verifier.verify(session);
        assertThat(tampered).filteredOn(f -> !f.ok()).extracting(SessionVerifier.Finding::stepId, SessionVerifier.Finding::check)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(mono.toString(), "stored"));
    }
}
