package io.atelier.worker;

import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Size;
import io.atelier.generative.ComfyUi;
import io.atelier.generative.ComfyUiSettings;
import io.atelier.generative.ComfyWorkflow;
import io.atelier.generative.OpenAiImages;
import io.atelier.generative.OpenAiImagesSettings;
import io.atelier.generative.Resilience;
import io.atelier.generative.Resilient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Builds the configured generative engine, if any, wrapped in retries and a circuit breaker. */
final class GenerativeEngines {
    private GenerativeEngines() {
    }

    /** OpenAI first, then BFL, then ComfyUI: the first whose key or URL is set; watched, so a step's call shows as progress. */
    static Optional<GenerativeEngine> configured(GenerativeSettings s, BflSettings bfl, ComfyUiConfig comfy) {
        return unwatched(s, bfl, comfy).map(WatchedEngine::new);
    }

    private static Optional<GenerativeEngine> unwatched(GenerativeSettings s, BflSettings bfl, ComfyUiConfig comfy) {
        return openAi(s).or(() -> bfl.apiKey().map(String::trim).filter(k -> !k.isEmpty()).map(key -> (GenerativeEngine) new Resilient(
                new io.atelier.generative.BflKontext(new io.atelier.generative.BflKontextSettings(bfl.baseUrl(), key, bfl.model(), bfl.pollEvery(),
                        bfl.timeout())), Resilience.DEFAULT))).or(() -> comfyUi(comfy));
    }

    private static Optional<GenerativeEngine> comfyUi(ComfyUiConfig c) {
        return c.url().filter(u -> !u.toString().isBlank()).map(url -> new Resilient(new ComfyUi(new ComfyUiSettings(url, c.checkpoint(),
                c.inpaintWorkflow().map(p -> ComfyWorkflow.fromFile(p, true)).orElseGet(ComfyWorkflow::bundledInpaint),
                c.draftWorkflow().map(p -> ComfyWorkflow.fromFile(p, false)).orElseGet(ComfyWorkflow::bundledTextToImage),
                Arrays.stream(c.imageSizes().split(",")).map(Size::parse).toList(), c.pollEvery(), c.timeout())), Resilience.DEFAULT));
    }

    private static Optional<GenerativeEngine> openAi(GenerativeSettings s) {
        return s.apiKey().map(String::trim).filter(k -> !k.isEmpty()).map(key -> {
            OpenAiImagesSettings openAi = new OpenAiImagesSettings(s.baseUrl(), key, s.imageModel(),
                    Arrays.stream(s.imageSizes().split(",")).map(Size::parse).toList(), s.timeout());
            return new Resilient(new OpenAiImages(openAi), new Resilience(s.attempts(), Duration.ofSeconds(2), Duration.ofSeconds(30), 5,
                    Duration.ofSeconds(60)));
        });
    }
}
