package io.atelier.system;

import io.atelier.generative.FakeOpenAiImages;
import io.atelier.stack.Endpoints;
import io.atelier.stack.InfrastructureChoice;
import io.atelier.stack.LocalStack;
import io.atelier.stack.StackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack (Kafka, PostgreSQL, S3, the three packaged services) once per test JVM,
 * on random ports in a fresh directory, and stops it when the JVM's tests are done. Kafka, PostgreSQL and S3
 * run in containers where a Docker engine is found, embedded otherwise; the log says which and why.
 */
public final class RunningStack implements BeforeAllCallback {
    private static LocalStack stack;
    private static FakeOpenAiImages openAi;
    private static OtlpCollector traces;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (RunningStack.class) {
            if (stack == null) {
                Path root = Path.of(System.getProperty("atelier.root", "..")).toAbsolutePath().normalize();
                Path data = Files.createDirectories(root.resolve("system-tests/target/stack"));
                Path run = Files.createTempDirectory(data, "run-");
                InfrastructureChoice choice = InfrastructureChoice.detect();
                // the workers' generative engine is a local fake of the paid OpenAI Images API; everything else is real
                openAi = FakeOpenAiImages.start();
                System.setProperty("atelier.openai.base-url", openAi.baseUrl());
                System.setProperty("atelier.openai.api-key", FakeOpenAiImages.KEY);
                System.setProperty("atelier.openai.image-model", FakeOpenAiImages.MODEL);
                // 20 s unless a benchmark allows more: on a saturated machine the fake itself paints slowly (ScaleBenchmark)
                System.setProperty("atelier.openai.timeout", System.getProperty("atelier.openai.timeout", "20s"));
                // tracing is off by default; here the services export to a collector stand-in, so TracingTest can follow a step
                traces = OtlpCollector.start();
                System.setProperty("quarkus.otel.sdk.disabled", "false");
                System.setProperty("quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint());
                System.setProperty("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
                System.setProperty("quarkus.otel.bsp.schedule.delay", "200ms");
                System.out.println("[RunningStack] infrastructure: " + choice.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " (" + choice.reason() + ")");
                // two workers unless a benchmark asks for another start (ScaleBenchmark starts with one)
                int workers = Integer.getInteger("atelier.stack.workers", 2);
                stack = LocalStack.start(root, run, StackPorts.random(), workers, 1, choice.kind());
                LocalStack current = stack;
                FakeOpenAiImages fake = openAi;
                OtlpCollector collector = traces;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("atelier-stack",
                        (ExtensionContext.Store.CloseableResource) () -> {
                            current.close();
                            fake.close();
                            collector.close();
                        });
                // every request carries the default workspace's key unless a test sets its own Authorization (which replaces it)
                io.restassured.RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                        .addHeader("Authorization", "Bearer " + stack.apiKey()).build();
                io.restassured.RestAssured.config = io.restassured.RestAssured.config().headerConfig(
                        io.restassured.config.HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization", "Content-Type", "Accept"));
            }
        }
    }

    /**
     * The default workspace's key, which the stack created at its first start: every RestAssured request and
     * every generated client of these tests carries it. New tests need nothing more; for another workspace, see {@link #newKey}.
     */
    static String apiKey() {
        return stack.apiKey();
    }

    /** A fresh key of the workspace (created if new), through the same admin path as {@code ./atelier keys create}. */
    static String newKey(String workspace) {
        return stack.keys().create(workspace).key();
    }

    static LocalStack stack() {
        return stack;
    }

    /** The fake OpenAI Images API the workers call. */
    static FakeOpenAiImages openAi() {
        return openAi;
    }

    /** What the services exported as traces (OTLP over HTTP). */
    static OtlpCollector traces() {
        return traces;
    }

    static Endpoints endpoints() {
        return stack.endpoints();
    }
}
