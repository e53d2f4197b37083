package io.atelier.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of Atelier's packaged Quarkus services, run as {@code java -jar quarkus-run.jar} with its settings. */
final class ServiceApp {
    private ServiceApp() {
    }

    static ManagedProcess start(Path root, String module, String name, List<String> memory, int port, Map<String, String> settings, Path logDir, Path runDir) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        // memory: the heap flags (-Xmx, and for the worker the young generation's size)
        List<String> jvm = new ArrayList<>(memory);
        jvm.addAll(List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        settings.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        ManagedProcess app = ManagedProcess.start(name, Jvm.command(jvm, "-jar", jar.toString()), root.resolve(module), logDir, runDir);
        // generous: on a loaded machine (CI, several builds at once) a service has taken over 2 minutes to migrate and start
        try {
            awaitReady(app, port);
        } catch (RuntimeException e) {
            // not ready in time: stop it, or it goes on running unowned (a fault test's replay gallery outlived its stack)
            app.close();
            throw e;
        }
        return app;
    }

    private static void awaitReady(ManagedProcess app, int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        app.awaitReady(Duration.ofSeconds(240), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }
}
