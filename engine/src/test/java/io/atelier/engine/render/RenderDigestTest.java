package io.atelier.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.atelier.engine.Photos;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.imaging.PngEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rendered bytes are part of the contract: every plan in {@code golden/plans.json} (one per operation,
 * plus chains that carry the subject through moves) must still render to the PNG digest recorded in
 * {@code golden/render-digests.txt}. A change that alters bytes on purpose bumps {@code Engine.VERSION}
 * and rewrites the digests with {@code -Datelier.golden.update=true}.
 */
class RenderDigestTest {
    private static final Path DIGESTS = Path.of("src/test/resources/golden/render-digests.txt");

    @Test
    void everyGoldenPlanRendersTheRecordedBytes() throws IOException {
        JsonNode plans = JsonMapper.builder().build().readTree(resource("/golden/plans.json"));
        Renderer renderer = new Renderer(new CentrePriorGrabCut());
        LinearImage coffee = LinearImage.from(Photos.COFFEE);
        Map<String, String> actual = new LinkedHashMap<>();
        plans.fields().forEachRemaining(entry -> {
            EditPlan plan = PlanJson.fromTree(entry.getValue());
            actual.put(entry.getKey(), sha256(PngEncoder.encode(renderer.run(plan, coffee).image().toBufferedImage())));
        });
        String text = actual.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
        if (Boolean.getBoolean("atelier.golden.update")) {
            Files.writeString(DIGESTS, text);
        }
        assertThat(actual).hasSizeGreaterThanOrEqualTo(30);
        assertThat(text).isEqualTo(Files.readString(DIGESTS));
    }

    private static byte[] resource(String name) {
        try (InputStream in = RenderDigestTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
