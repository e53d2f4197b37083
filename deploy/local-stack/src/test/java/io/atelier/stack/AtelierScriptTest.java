package io.atelier.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.engine.subject.IsNetModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ./atelier script as people run it: its JVM can load the native libraries its commands need. */
class AtelierScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("atelier.root", "../..")).toAbsolutePath().normalize();

    @Test
    void modelsStatusLoadsTheInstalledModelInTheScriptsOwnJvm() throws Exception {
        Path models = IsNetModel.defaultDirectory();
        assumeTrue(IsNetModel.installed(models).isPresent(),
                "the IS-Net model is not installed at " + models + "; .ci/run installs it (./atelier models install isnet)");
        Process process = new ProcessBuilder(ROOT.resolve("atelier").toString(), "models", "status")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        // ONNX Runtime's start-up walks the process's command line recursively: with the classpath on it (~7,000
        // characters) it overflowed the thread's stack and the JVM died of SIGSEGV (exit 139) without a word
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("subject model: loads and runs here");
    }
}
