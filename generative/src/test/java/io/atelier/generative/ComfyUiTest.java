package io.atelier.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.Size;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComfyUiTest {
    private final FakeComfyUi fake = FakeComfyUi.start();
    private final List<Duration> polls = new ArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ComfyUi adapter(ComfyWorkflow inpaint, Duration timeout) {
        return new ComfyUi(new ComfyUiSettings(URI.create(fake.baseUrl() + "/"), FakeComfyUi.CHECKPOINT, inpaint,
                ComfyWorkflow.bundledTextToImage(), ComfyUiSettings.SDXL_SIZES, Duration.ofMillis(20), timeout), d -> {
            polls.add(d);
            Thread.sleep(d.toMillis());
        });
    }

    private ComfyUi adapter() {
        return adapter(ComfyWorkflow.bundledInpaint(), Duration.ofSeconds(20));
    }

    @Test
    void anInpaintUploadsImageAndMaskQueuesTheTemplatePollsHistoryAndViewsTheOutput() throws IOException {
        BufferedImage image = new BufferedImage(1216, 832, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(1216, 832, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 832; y++) {
            for (int x = 0; x < 1216; x++) {
                image.setRGB(x, y, 0x404040);
                mask.setRGB(x, y, x > 300 && x < 900 && y > 200 ? 0 : 0xFFFFFFFF);
            }
        }
        Generation g = adapter().generate(new GenerationRequest("hands holding the mug", Optional.of(png(image)), Optional.of(png(mask)),
                new Size(1216, 832), OptionalLong.of(1234)));

        assertThat(fake.violations()).isEmpty();
        assertThat(fake.calls()).containsExactly("upload/image", "upload/mask", "prompt", "history", "history", "history", "view");
        assertThat(polls).hasSize(3);
        var sent = fake.lastPrompt();
        assertThat(sent.path("3").path("inputs").path("text").asText()).isEqualTo("hands holding the mug");
        assertThat(sent.path("6").path("inputs").path("seed").asLong()).isEqualTo(1234);
        assertThat(sent.path("2").path("inputs").path("image").asText()).startsWith("atelier/atelier-").endsWith("-mask.png");
        BufferedImage answer = ImageIO.read(new ByteArrayInputStream(g.image()));
        assertThat(answer.getWidth()).isEqualTo(1216);
        assertThat(answer.getRGB(10, 10) & 0xFF).as("outside the mask only lifted slightly").isBetween(0x40, 0x46);
        assertThat(answer.getRGB(600, 700) & 0xFFFFFF).as("inside the mask repainted").isNotEqualTo(answer.getRGB(10, 10) & 0xFFFFFF);
        assertThat(g.provenance().provider()).isEqualTo("comfyui");
        assertThat(g.provenance().model()).isEqualTo(FakeComfyUi.CHECKPOINT);
        assertThat(g.provenance().seed()).hasValue(1234);
        assertThat(g.provenance().requestId()).matches("[0-9a-f-]{36}");
        assertThat(new String(g.rawAnswer())).contains("prompt_id").contains("status_str");
    }

    @Test
    void aDraftQueuesTheTextToImageTemplateAtTheAskedSizeWithARecordedSeed() throws IOException {
        Generation g = adapter().generate(GenerationRequest.draft("a cup of coffee on a rustic table", new Size(1344, 768)));
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.calls()).doesNotContain("upload/image", "upload/mask");
        assertThat(fake.lastPrompt().path("2").path("inputs").path("width").asInt()).isEqualTo(1344);
        BufferedImage answer = ImageIO.read(new ByteArrayInputStream(g.image()));
        assertThat(answer.getWidth()).isEqualTo(1344);
        assertThat(answer.getHeight()).isEqualTo(768);
        assertThat(g.provenance().seed()).isPresent();
        assertThat(fake.lastPrompt().path("5").path("inputs").path("seed").asLong()).isEqualTo(g.provenance().seed().getAsLong());
    }

    @Test
    void anEditWithoutAMaskMayRepaintTheWholeImage() throws IOException {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Generation g = adapter().generate(new GenerationRequest("remove the spoon", Optional.of(png(image)), Optional.empty(), new Size(1024, 1024),
                OptionalLong.empty()));
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.calls()).contains("upload/mask");
        assertThat(g.image()).isNotEmpty();
    }

    @Test
    void anErrorInTheRunBecomesAFailureNamingTheNodeAndTheException() {
        assertThatThrownBy(() -> adapter().generate(GenerationRequest.draft("crash the gpu please", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.REJECTED);
                    assertThat(e.reason()).contains("node 5 (KSampler)").contains("torch.OutOfMemoryError").contains("Allocation on device");
                    assertThat(e.rawAnswer()).isPresent();
                });
        assertThat(fake.calls()).doesNotContain("view");
    }

    @Test
    void nodeErrorsOnPromptBecomeARejectionNamingNodeAndSetting(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("mine.json");
        Files.writeString(template, new String(ComfyUiTest.class.getResourceAsStream("/comfyui/inpaint.json").readAllBytes())
                .replace("{{checkpoint}}", "v1-5-pruned-emaonly.safetensors"));
        ComfyUi adapter = adapter(ComfyWorkflow.fromFile(template, true), Duration.ofSeconds(20));
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> adapter.generate(new GenerationRequest("hands", Optional.of(png(image)), Optional.empty(), new Size(1024, 1024),
                OptionalLong.empty()))).isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.REJECTED);
                    assertThat(e.reason()).contains("Prompt outputs failed validation").contains("node 1 (CheckpointLoaderSimple)")
                            .contains("v1-5-pruned-emaonly.safetensors");
                    assertThat(e.hint()).contains("ATELIER_COMFYUI_CHECKPOINT");
                });
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aRunThatOutlastsTheTimeoutIsTakenOffTheQueueAndReported() {
        fake.neverFinish(true);
        ComfyUi adapter = adapter(ComfyWorkflow.bundledInpaint(), Duration.ofMillis(300));
        assertThatThrownBy(() -> adapter.generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.UNAVAILABLE);
                    assertThat(e.reason()).contains("did not finish").contains("taken off the queue");
                    assertThat(e.hint()).contains("ATELIER_COMFYUI_TIMEOUT");
                });
        assertThat(fake.calls()).contains("queue", "interrupt");
        assertThat(fake.cancelled()).hasSize(2).allMatch(id -> id.matches("[0-9a-f-]{36}"));
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aCancelledStepTakesItsRunOffTheQueueAndTheInterruptGoesOn() throws Exception {
        fake.neverFinish(true);
        ComfyUi adapter = adapter(ComfyWorkflow.bundledInpaint(), Duration.ofSeconds(30));
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread step = Thread.ofVirtual().start(() -> {
            try {
                adapter.generate(GenerationRequest.draft("a cup", new Size(1024, 1024)));
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fake.calls().contains("history") && System.nanoTime() < deadline) {
            Thread.sleep(20); // queued, and being polled
        }
        step.interrupt(); // what the render loop does when the step is cancelled
        step.join(10_000);
        assertThat(thrown.get()).isInstanceOf(GenerationException.class);
        assertThat(stillInterrupted).as("the caller still sees the cancel").isTrue();
        assertThat(fake.calls()).contains("queue", "interrupt");
        assertThat(fake.cancelled()).hasSize(2);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void anUnreachableServerIsRetriedThenReportedByTheResilientWrapper() {
        fake.close();
        List<Duration> slept = new ArrayList<>();
        Resilient resilient = new Resilient(adapter(), new Resilience(2, Duration.ofMillis(1), Duration.ofSeconds(1), 5, Duration.ofSeconds(60)),
                slept::add, java.time.Clock.systemUTC());
        assertThatThrownBy(() -> resilient.generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.reason()).contains("comfyui").contains("connection failed"));
        assertThat(slept).hasSize(1);
    }

    @Test
    void templatesAreCheckedWhenLoaded() {
        assertThatThrownBy(() -> ComfyWorkflow.parse("ui.json", "{\"nodes\": [], \"links\": []}", false))
                .hasMessageContaining("API format");
        assertThatThrownBy(() -> ComfyWorkflow.parse("t.json", "{\"1\": {\"class_type\": \"SaveImage\", \"inputs\": {}}}", false))
                .hasMessageContaining("{{prompt}}");
        assertThatThrownBy(() -> ComfyWorkflow.parse("t.json", "{\"1\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"{{prompt}}\"}}}", true))
                .hasMessageContaining("{{image}}");
        assertThatThrownBy(() -> ComfyWorkflow.parse("t.json", "{\"1\": {\"class_type\": \"X\", \"inputs\": {\"text\": \"{{prompt}}\", \"n\": \"{{steps}}\"}}}",
                false).fill(java.util.Map.of(ComfyWorkflow.PROMPT, com.fasterxml.jackson.databind.node.TextNode.valueOf("p"))))
                .hasMessageContaining("{{steps}}");
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
