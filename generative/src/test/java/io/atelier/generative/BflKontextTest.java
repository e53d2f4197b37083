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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BflKontextTest {
    private final FakeBflKontext fake = FakeBflKontext.start();
    private final List<Duration> polls = new ArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private BflKontext adapter(String key) {
        return new BflKontext(new BflKontextSettings(URI.create(fake.baseUrl()), key, "flux-kontext-pro", Duration.ofMillis(500),
                Duration.ofSeconds(30)), polls::add);
    }

    @Test
    void anEditIsSubmittedPolledUntilReadyAndItsSampleFetchedWithCostAndSeed() throws IOException {
        BufferedImage image = new BufferedImage(1248, 832, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Generation g = adapter(FakeBflKontext.KEY).generate(new GenerationRequest("add hands holding the mug", Optional.of(png.toByteArray()),
                Optional.empty(), new Size(1248, 832), OptionalLong.of(7)));
        assertThat(fake.violations()).isEmpty();
        assertThat(polls).hasSize(3); // two Pending, then Ready
        assertThat(ImageIO.read(new ByteArrayInputStream(g.image())).getWidth()).isEqualTo(1248);
        assertThat(g.provenance().provider()).isEqualTo("bfl");
        assertThat(g.provenance().requestId()).isEqualTo("task-1");
        assertThat(g.provenance().seed()).hasValue(7);
        assertThat(g.provenance().usage()).containsKeys("cost", "input_mp", "output_mp");
        assertThat(new String(g.rawAnswer())).contains("polling_url").contains("Ready");
    }

    @Test
    void moderationEndsInARefusalWithTheProvidersReasons() {
        assertThatThrownBy(() -> adapter(FakeBflKontext.KEY).generate(GenerationRequest.draft("a weapon on the table", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.REFUSED);
                    assertThat(e.reason()).contains("Request Moderated").contains("Violence");
                });
    }

    @Test
    void aWrongKeyIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> adapter("nope").generate(GenerationRequest.draft("a cup", new Size(1024, 1024))))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.hint()).contains("ATELIER_BFL_API_KEY"));
    }

    @Test
    void aspectRatiosAreKontextsOwn() {
        assertThat(BflKontext.ratio(new Size(1248, 832))).isEqualTo("3:2");
        assertThat(BflKontext.ratio(new Size(832, 1248))).isEqualTo("2:3");
        assertThat(BflKontext.ratio(new Size(1024, 1024))).isEqualTo("1:1");
    }
}
