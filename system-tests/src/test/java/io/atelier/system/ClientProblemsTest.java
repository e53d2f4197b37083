package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.client.gallery.api.GalleryApi;
import io.atelier.client.session.api.CommandsApi;
import io.atelier.client.session.model.NewSession;
import io.atelier.client.session.model.NewStep;
import io.atelier.client.session.model.Problem;
import io.atelier.imaging.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every refusal in the README's walkthrough, read through the generated clients as their typed
 * {@code Problem}: its status, type and detail are what a caller acts on.
 */
@ExtendWith(RunningStack.class)
class ClientProblemsTest {
    private static final CommandsApi commands = Clients.sessionCommands();
    private static final GalleryApi gallery = Clients.gallery();
    private static UUID session;
    private static UUID root;

    @BeforeAll
    static void aSessionWithItsSource() throws Exception {
        session = commands.startSession(new NewSession().title("refusals")).getSessionId();
        root = commands.uploadSource(session, Clients.file("coffee.png", Api.coffee())).getStepId();
    }

    private static void is(Problem p, int status, String slug) {
        assertThat(p.getStatus()).isEqualTo(status);
        assertThat(p.getType()).isEqualTo(URI.create("https://atelier.dev/problems/" + slug));
        assertThat(p.getTitle()).isNotBlank();
        assertThat(p.getDetail()).isNotBlank();
    }

    @Test
    void anEmptyInstructionIs400() {
        Problem p = Clients.sessionProblem(() -> commands.requestStep(session, new NewStep().parentStepId(root).instruction("   "), null));
        is(p, 400, "empty-instruction");
        assertThat(p.getDetail()).contains("one concrete change");
        assertThat(p.getInstance()).isEqualTo("/api/sessions/" + session + "/steps");
    }

    @Test
    void anUnknownSessionIs404ForCommandsAndReads() {
        UUID nobody = UUID.randomUUID();
        is(Clients.sessionProblem(() -> commands.requestStep(nobody, new NewStep().parentStepId(root).instruction("warmer"), null)),
                404, "not-found");
        io.atelier.client.gallery.model.Problem read = Clients.galleryProblem(() -> gallery.getSessionTree(nobody));
        assertThat(read.getStatus()).isEqualTo(404);
        assertThat(read.getDetail()).contains(nobody.toString());
        assertThat(Clients.galleryProblem(() -> gallery.getStepImage(session, UUID.randomUUID(), null)).getStatus()).isEqualTo(404);
    }

    @Test
    void refiningAStepStillRenderingIs409() throws Exception {
        // finding the subject makes this render take seconds; the next request comes within milliseconds
        UUID slow = commands.requestStep(session, new NewStep().parentStepId(root).instruction("blur the background so only the cup stays sharp"),
                null).getStepId();
        Problem p = Clients.sessionProblem(() -> commands.requestStep(session, new NewStep().parentStepId(slow).instruction("warmer"), null));
        is(p, 409, "parent-pending");
        assertThat(p.getDetail()).contains(slow.toString());
    }

    @Test
    void refiningAFailedStepIs409() throws Exception {
        UUID failed = commands.requestStep(session, new NewStep().parentStepId(root).instruction("add a weapon next to the cup"), null)
                .getStepId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> gallery.getSessionTree(session).getSteps()
                .stream().anyMatch(s -> s.getStepId().equals(failed) && s.getStatus() == io.atelier.client.gallery.model.Step.StatusEnum.FAILED));
        is(Clients.sessionProblem(() -> commands.requestStep(session, new NewStep().parentStepId(failed).instruction("warmer"), null)),
                409, "parent-failed");
    }

    @Test
    void uploadsThatAreNotAUsablePhotoAreRefusedWithTheirReason() throws Exception {
        UUID fresh = commands.startSession(new NewSession().title("bad uploads")).getSessionId();
        is(Clients.sessionProblem(() -> commands.uploadSource(fresh, Clients.file("huge.png", TestImages.pngHeaderClaiming(100_000, 100_000)))),
                413, "image-too-large");
        is(Clients.sessionProblem(() -> commands.uploadSource(fresh, Clients.file("photo.png", "just some text, not pixels".getBytes()))),
                415, "unsupported-image");
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(Api.coffee())), "jpeg", jpeg);
        is(Clients.sessionProblem(() -> commands.uploadSource(fresh, Clients.file("cut.jpg", Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2)))),
                422, "corrupt-image");
        is(Clients.sessionProblem(() -> commands.uploadSource(session, Clients.file("coffee.png", Api.coffee()))), 409, "source-exists");
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIs422() throws Exception {
        String key = "reused-" + UUID.randomUUID();
        commands.requestStep(session, new NewStep().parentStepId(root).instruction("make it 10% brighter"), key);
        Problem p = Clients.sessionProblem(() -> commands.requestStep(session, new NewStep().parentStepId(root).instruction("make it 20% brighter"),
                key));
        is(p, 422, "idempotency-key-reused");
        assertThat(p.getDetail()).contains("new key");
    }

    @Test
    void aStepOfAnotherSessionIs422AndARevokedKeyIs401() throws Exception {
        UUID other = commands.startSession(new NewSession().title("another")).getSessionId();
        UUID otherRoot = commands.uploadSource(other, Clients.file("coffee.png", Api.coffee())).getStepId();
        is(Clients.sessionProblem(() -> commands.requestStep(session, new NewStep().parentStepId(otherRoot).instruction("warmer"), null)),
                422, "unknown-parent-step");
        String revoked = RunningStack.newKey("default");
        RunningStack.stack().keys().revoke(revoked.substring(4, 12));
        is(Clients.sessionProblem(() -> Clients.sessionCommands(revoked).startSession(new NewSession().title("x"))), 401, "unauthorized");
        is(Clients.sessionProblem(() -> commands.startSession(new NewSession().title("t".repeat(201)))), 400, "title-too-long");
    }

    @Test
    void theGalleryForwardsRefusalsAsTheyAre() {
        io.atelier.client.gallery.model.Problem p = Clients.galleryProblem(() -> Clients.galleryCommands().requestStep(session,
                new io.atelier.client.gallery.model.NewStep().parentStepId(root).instruction(""), null));
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getType()).hasToString("https://atelier.dev/problems/empty-instruction");
    }
}
