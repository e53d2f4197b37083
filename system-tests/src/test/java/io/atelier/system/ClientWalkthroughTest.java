package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.client.gallery.api.GalleryApi;
import io.atelier.client.gallery.model.SessionSummary;
import io.atelier.client.gallery.model.SessionTree;
import io.atelier.client.gallery.model.Step;
import io.atelier.client.session.api.CommandsApi;
import io.atelier.client.session.model.NewSession;
import io.atelier.client.session.model.NewStep;
import io.atelier.client.session.model.SessionCreated;
import io.atelier.client.session.model.SourceAdded;
import io.atelier.client.session.model.StepAccepted;
import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's walkthrough, driven only through the Java clients generated at build time from the
 * services' OpenAPI documents: if a document lied about a status, a body or a header, these calls fail.
 */
@ExtendWith(RunningStack.class)
class ClientWalkthroughTest {
    private final CommandsApi commands = Clients.sessionCommands();
    private final GalleryApi gallery = Clients.gallery();

    @Test
    void createUploadRefineBranchReadTheTreeAndFetchImages() throws Exception {
        SessionCreated session = commands.startSession(new NewSession().title("TerraBrew hero"));
        assertThat(session.getTitle()).isEqualTo("TerraBrew hero");
        assertThat(session.getWorkspaceId()).isEqualTo("default");
        UUID id = session.getSessionId();

        SourceAdded root = commands.uploadSource(id, Clients.file("coffee.png", Api.coffee()));
        assertThat(root.getSessionId()).isEqualTo(id);
        assertThat(root.getContentType()).isEqualTo(SourceAdded.ContentTypeEnum.IMAGE_PNG);

        NewStep cropBody = new NewStep().parentStepId(root.getStepId()).instruction("crop to a 1:1 square, keeping the cup centred");
        StepAccepted crop = commands.requestStep(id, cropBody, "walkthrough-crop-" + id);
        assertThat(crop.getStatus()).isEqualTo("pending");
        assertThat(crop.getParentStepId()).isEqualTo(root.getStepId());
        // a retry with the same Idempotency-Key and body gets the same step back
        assertThat(commands.requestStep(id, cropBody, "walkthrough-crop-" + id).getStepId()).isEqualTo(crop.getStepId());
        assertThat(awaitFinished(id, crop.getStepId())).isEqualTo(Step.StatusEnum.RENDERED);

        StepAccepted warm = commands.requestStep(id, new NewStep().parentStepId(crop.getStepId()).instruction("warm the light slightly"), null);
        StepAccepted mono = commands.requestStep(id, new NewStep().parentStepId(root.getStepId()).instruction("black and white"), null);
        assertThat(awaitFinished(id, warm.getStepId())).isEqualTo(Step.StatusEnum.RENDERED);
        assertThat(awaitFinished(id, mono.getStepId())).isEqualTo(Step.StatusEnum.RENDERED);

        SessionTree tree = gallery.getSessionTree(id);
        assertThat(tree.getRootStepId()).isEqualTo(root.getStepId());
        assertThat(tree.getSteps()).extracting(Step::getStepId)
                .containsExactly(root.getStepId(), crop.getStepId(), warm.getStepId(), mono.getStepId());
        Step rootStep = step(tree, root.getStepId());
        assertThat(rootStep.getParentStepId()).isNull();
        assertThat(rootStep.getChildStepIds()).containsExactlyInAnyOrder(crop.getStepId(), mono.getStepId());
        Step cropStep = step(tree, crop.getStepId());
        assertThat(cropStep.getChildStepIds()).containsExactly(warm.getStepId());
        assertThat(cropStep.getInstruction()).isEqualTo(cropBody.getInstruction());
        assertThat(cropStep.getPlan()).isInstanceOf(Map.class);
        assertThat(cropStep.getImage().getWidth()).isEqualTo(cropStep.getImage().getHeight());

        File png = gallery.getStepImage(id, crop.getStepId(), null);
        BufferedImage decoded = ImageIO.read(png);
        assertThat(decoded.getWidth()).isEqualTo(cropStep.getImage().getWidth()).isEqualTo(decoded.getHeight());
        var withHeaders = gallery.getStepImageWithHttpInfo(id, crop.getStepId(), null);
        assertThat(withHeaders.getHeaders().get("etag")).containsExactly("\"" + cropStep.getImage().getSha256() + "\"");
        assertThat(withHeaders.getHeaders().get("cache-control")).singleElement().asString().contains("immutable");
        BufferedImage thumb = ImageIO.read(gallery.getStepThumbnail(id, mono.getStepId(), null));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isLessThanOrEqualTo(320);
        // the original comes back byte for byte
        assertThat(java.nio.file.Files.readAllBytes(gallery.getStepImage(id, root.getStepId(), null).toPath()))
                .isEqualTo(Api.coffee());

        assertThat(gallery.listSessions(500)).filteredOn(s -> s.getSessionId().equals(id)).singleElement()
                .satisfies(s -> assertThat(s.getSteps()).isEqualTo(4))
                .extracting(SessionSummary::getThumbnailUrl).asString().contains("/thumbnail");
    }

    @Test
    void theStudioUrlAloneTakesTheSameCommands() throws Exception {
        var studio = Clients.galleryCommands();
        var session = studio.startSession(new io.atelier.client.gallery.model.NewSession().title("through the gallery"));
        var root = studio.uploadSource(session.getSessionId(), Clients.file("coffee.png", Api.coffee()));
        var step = studio.requestStep(session.getSessionId(), new io.atelier.client.gallery.model.NewStep().parentStepId(root.getStepId())
                .instruction("make it 20% darker"), "studio-" + session.getSessionId());
        assertThat(step.getStatus()).isEqualTo("pending");
        assertThat(awaitFinished(session.getSessionId(), step.getStepId())).isEqualTo(Step.StatusEnum.RENDERED);
    }

    private Step.StatusEnum awaitFinished(UUID session, UUID stepId) {
        Step.StatusEnum[] status = {Step.StatusEnum.PENDING};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            // the gallery shows a step once the projection has it: absent is still pending
            status[0] = gallery.getSessionTree(session).getSteps().stream().filter(s -> s.getStepId().equals(stepId))
                    .map(Step::getStatus).findFirst().orElse(Step.StatusEnum.PENDING);
            return status[0] != Step.StatusEnum.PENDING;
        });
        return status[0];
    }

    private static Step step(SessionTree tree, UUID stepId) {
        return tree.getSteps().stream().filter(s -> s.getStepId().equals(stepId)).findFirst()
                .orElseThrow(() -> new AssertionError("step " + stepId + " is not in the tree yet"));
    }
}
