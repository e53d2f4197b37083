package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.engine.generative.GenerativeEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which generative engine a worker builds from its settings: OpenAI, then BFL, then ComfyUI; a wrong template stops the start. */
class GenerativeEnginesTest {

    @Test
    void comfyUiIsUsedWhenOnlyItsUrlIsSetAndOpenAiWinsWhenBothAre() {
        Optional<GenerativeEngine> comfy = GenerativeEngines.configured(openAi(Optional.empty()), bfl(Optional.empty()),
                comfy(Optional.of(URI.create("http://gpu-box:8188")), Optional.empty()));
        assertThat(comfy).map(GenerativeEngine::provider).contains("comfyui");
        assertThat(comfy.get().acceptedSizes()).hasSize(7);
        assertThat(GenerativeEngines.configured(openAi(Optional.of("sk-test")), bfl(Optional.empty()),
                comfy(Optional.of(URI.create("http://gpu-box:8188")), Optional.empty()))).map(GenerativeEngine::provider).contains("openai");
        assertThat(GenerativeEngines.configured(openAi(Optional.empty()), bfl(Optional.of("bfl-key")),
                comfy(Optional.of(URI.create("http://gpu-box:8188")), Optional.empty()))).map(GenerativeEngine::provider).contains("bfl");
        assertThat(GenerativeEngines.configured(openAi(Optional.of(" ")), bfl(Optional.empty()), comfy(Optional.empty(), Optional.empty())))
                .isEmpty();
    }

    @Test
    void aTemplateInTheEditorsFormatStopsTheWorkerSayingHowToExportIt(@TempDir Path dir) throws Exception {
        Path ui = Files.writeString(dir.resolve("workflow.json"), "{\"nodes\": [], \"links\": [], \"version\": 0.4}");
        assertThatThrownBy(() -> GenerativeEngines.configured(openAi(Optional.empty()), bfl(Optional.empty()),
                comfy(Optional.of(URI.create("http://gpu-box:8188")), Optional.of(ui)))).hasMessageContaining("API format");
    }

    private static GenerativeSettings openAi(Optional<String> key) {
        return new GenerativeSettings() {
            public URI baseUrl() {
                return URI.create("https://api.openai.com/v1");
            }

            public Optional<String> apiKey() {
                return key;
            }

            public String imageModel() {
                return "gpt-image-1";
            }

            public String imageSizes() {
                return "1024x1024";
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public int attempts() {
                return 1;
            }
        };
    }

    private static BflSettings bfl(Optional<String> key) {
        return new BflSettings() {
            public URI baseUrl() {
                return URI.create("https://api.bfl.ai");
            }

            public Optional<String> apiKey() {
                return key;
            }

            public String model() {
                return "flux-kontext-pro";
            }

            public Duration pollEvery() {
                return Duration.ofSeconds(1);
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }

    private static ComfyUiConfig comfy(Optional<URI> url, Optional<Path> inpaint) {
        return new ComfyUiConfig() {
            public Optional<URI> url() {
                return url;
            }

            public String checkpoint() {
                return "sd_xl_base_1.0.safetensors";
            }

            public Optional<Path> inpaintWorkflow() {
                return inpaint;
            }

            public Optional<Path> draftWorkflow() {
                return Optional.empty();
            }

            public String imageSizes() {
                return "1024x1024,1152x896,896x1152,1216x832,832x1216,1344x768,768x1344";
            }

            public Duration pollEvery() {
                return Duration.ofSeconds(1);
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
