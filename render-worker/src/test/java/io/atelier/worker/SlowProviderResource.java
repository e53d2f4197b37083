package io.atelier.worker;

import io.atelier.generative.FakeOpenAiImages;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the worker's generative engine at a contract fake of the OpenAI Images API, started before the worker boots. */
public class SlowProviderResource implements QuarkusTestResourceLifecycleManager {
    static volatile FakeOpenAiImages fake;

    @Override
    public Map<String, String> start() {
        fake = FakeOpenAiImages.start();
        return Map.of("atelier.openai.base-url", fake.baseUrl(), "atelier.openai.api-key", FakeOpenAiImages.KEY);
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
