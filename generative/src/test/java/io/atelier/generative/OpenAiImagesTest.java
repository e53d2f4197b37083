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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiImagesTest {
    private final FakeOpenAiImages fake = FakeOpenAiImages.start();
    private final List<Duration> slept = new ArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private OpenAiImages adapter(String key, Duration timeout) {
        return new OpenAiImages(new OpenAiImagesSettings(URI.create(fake.baseUrl()), key, FakeOpenAiImages.MODEL,
                OpenAiImagesSettings.GPT_IMAGE_SIZES, timeout));
    }

    private Resilient resilient(Clock clock) {
        return new Resilient(adapter(FakeOpenAiImages.KEY, Duration.ofSeconds(10)), new Resilience(3, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 2, Duration.ofSeconds(60)), slept::add, clock);
    }

    @Test
    void anEditSendsImageMaskAndFieldsAndReadsImageRevisedPromptUsageAndRequestId() throws IOException {
        BufferedImage image = new BufferedImage(1536, 1024, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(1536, 1024, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1536; x++) {
                mask.setRGB(x, y, x > 400 && x < 1100 && y > 300 ? 0 : 0xFFFFFFFF);
            }
        }
        Generation g = adapter(FakeOpenAiImages.KEY, Duration.ofSeconds(10)).generate(new GenerationRequest("hands holding the mug",
                Optional.of(png(image)), Optional.of(png(mask)), new Size(1536, 1024), OptionalLong.empty()));

        assertThat(fake.violations()).isEmpty();
        assertThat(fake.calls()).containsExactly("edits");
        BufferedImage answer = ImageIO.read(new ByteArrayInputStream(g.image()));
        assertThat(answer.getWidth()).isEqualTo(1536);
        assertThat(answer.getRGB(10, 10) & 0xFFFFFF).as("outside the mask, lifted only slightly").isLessThan(0x060606);
        assertThat(g.provenance().provider()).isEqualTo("openai");
        assertThat(g.provenance().model()).isEqualTo("gpt-image-1");
        assertThat(g.provenance().requestId()).isEqualTo("req_fake_1");
        assertThat(g.provenance().revisedPrompt()).contains("A photograph: hands holding the mug");
        assertThat(g.provenance().usage()).containsEntry("total_tokens", 4533).containsKey("input_tokens");
        assertThat(new String(g.rawAnswer())).contains("b64_json");
    }

    @Test
    void aDraftIsAJsonGeneration() {
        Generation g = adapter(FakeOpenAiImages.KEY, Duration.ofSeconds(10)).generate(GenerationRequest.draft("a cup of coffee", new Size(1024, 1024)));
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.calls()).containsExactly("generations");
        assertThat(g.image()).isNotEmpty();
    }

    @Test
    void theFakeRejectsWhatTheContractForbids() {
        // a size the model does not take: the fake must say so, or it would let a wrong adapter pass
        assertThatThrownBy(() -> adapter(FakeOpenAiImages.KEY, Duration.ofSeconds(10)).generate(GenerationRequest.draft("x", new Size(600, 400))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.REJECTED);
                    assertThat(e.reason()).contains("size must be one of");
                    assertThat(e.hint()).contains("ATELIER_OPENAI_IMAGE_MODEL");
                });
        assertThat(fake.violations()).isNotEmpty();
    }

    @Test
    void aWrongKeyIsRejectedWithAHintAndNeverEchoed() {
        assertThatThrownBy(() -> adapter("sk-wrong-secret", Duration.ofSeconds(10)).generate(GenerationRequest.draft("x", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.REJECTED);
                    assertThat(e.hint()).contains("ATELIER_OPENAI_API_KEY");
                    assertThat(e.reason() + e.hint()).doesNotContain("sk-wrong-secret");
                });
        assertThat(new OpenAiImagesSettings(URI.create("http://x"), "sk-secret", "m", OpenAiImagesSettings.GPT_IMAGE_SIZES, Duration.ofSeconds(1))
                .toString()).doesNotContain("sk-secret");
    }

    @Test
    void aModerationRefusalBecomesARefusalWithTheProvidersReasonAndIsNotRetried() {
        assertThatThrownBy(() -> resilient(Clock.systemUTC()).generate(GenerationRequest.draft("a cup with a weapon beside it", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.REFUSED);
                    assertThat(e.reason()).contains("rejected by the safety system");
                    assertThat(e.hint()).contains("Rephrase");
                    assertThat(e.rawAnswer()).isPresent();
                });
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void rateLimitsAreRetriedHonouringRetryAfter() {
        fake.script(new FakeOpenAiImages.Scripted(429, Map.of("Retry-After", "7"), "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"),
                new FakeOpenAiImages.Scripted(503, Map.of(), "{\"error\":{\"message\":\"overloaded\"}}"));
        Generation g = resilient(Clock.systemUTC()).generate(GenerationRequest.draft("a cup", new Size(1024, 1024)));
        assertThat(g.image()).isNotEmpty();
        assertThat(fake.calls()).hasSize(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2)); // Retry-After, then doubling backoff
    }

    @Test
    void aRetryAfterLongerThanTheWorkerWaitsEndsTheCallSayingSo() {
        fake.script(new FakeOpenAiImages.Scripted(429, Map.of("Retry-After", "600"), "{\"error\":{\"message\":\"quota\"}}"));
        assertThatThrownBy(() -> resilient(Clock.systemUTC()).generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.UNAVAILABLE);
                    assertThat(e.reason()).contains("600 s");
                });
        assertThat(slept).isEmpty();
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndCallsFailFastUntilItCloses() {
        MutableClock clock = new MutableClock();
        Resilient engine = resilient(clock);
        for (int i = 0; i < 6; i++) {
            fake.script(new FakeOpenAiImages.Scripted(500, Map.of(), "{\"error\":{\"message\":\"server error\"}}"));
        }
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> engine.generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                    .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.kind()).isEqualTo(GenerationException.Kind.UNAVAILABLE));
        }
        assertThat(fake.calls()).hasSize(6);
        assertThatThrownBy(() -> engine.generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.CIRCUIT_OPEN);
                    assertThat(e.hint()).contains("Try again in");
                });
        assertThat(fake.calls()).as("no call while open").hasSize(6);
        clock.now = clock.now.plusSeconds(61);
        assertThat(engine.generate(GenerationRequest.draft("a cup", new Size(1024, 1024))).image()).isNotEmpty();
    }

    @Test
    void aSlowProviderTimesOutAndIsReportedUnavailable() {
        fake.delay(Duration.ofSeconds(3));
        Resilient engine = new Resilient(adapter(FakeOpenAiImages.KEY, Duration.ofMillis(500)), new Resilience(1, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 5, Duration.ofSeconds(60)), slept::add, Clock.systemUTC());
        assertThatThrownBy(() -> engine.generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.UNAVAILABLE);
                    assertThat(e.reason()).contains("no answer within");
                });
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T06:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
