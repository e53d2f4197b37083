package io.atelier.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** An S3-compatible server (S3Proxy) storing objects on local disk, with SigV4 authentication enforced. */
final class S3Server {
    static final String ACCESS_KEY = "atelier";
    static final String SECRET_KEY = "atelier-local-secret";

    private S3Server() {
    }

    static ManagedProcess start(Path root, Path dataDir, Path logDir, Path runDir, int port) {
        String classpath = Jvm.classpathFile(root.resolve("deploy/s3-runtime/target/classpath.txt"));
        Path dir = dataDir.resolve("s3");
        Path config = dir.resolve("s3proxy.properties");
        try {
            Files.createDirectories(dir.resolve("objects"));
            Files.writeString(config, """
                    s3proxy.endpoint=http://127.0.0.1:%d
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=filesystem-nio2
                    jclouds.filesystem.basedir=%s
                    """.formatted(port, ACCESS_KEY, SECRET_KEY, dir.resolve("objects").toString().replace('\\', '/')));
            // S3Proxy ships logback without a configuration, which means DEBUG: Jetty then logs every buffer of every
            // body, and a 450 KB put took ~300 ms instead of ~50 (issue 15). Warnings and errors still reach the log.
            Files.writeString(dir.resolve("logback.xml"), """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess server = ManagedProcess.start("s3", Jvm.command(
                List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                        "-Dlogback.configurationFile=" + dir.resolve("logback.xml")),
                "-cp", classpath, "org.gaul.s3proxy.Main", "--properties", config.toString()), dir, logDir, runDir);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        // Anonymous GET / answers 403 once the server is listening and enforcing auth.
        server.awaitReady(Duration.ofSeconds(60), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 403;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return server;
    }
}
