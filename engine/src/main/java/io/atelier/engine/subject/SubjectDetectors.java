package io.atelier.engine.subject;

import java.nio.file.Path;

/** Picks the subject detector: the IS-Net model when it is installed, else the classical estimate. */
public final class SubjectDetectors {
    private SubjectDetectors() {
    }

    /** The detector to use, the method name its mattes carry, and why it was chosen. */
    public record Choice(SubjectDetector detector, String method, String description) {
    }

    public static Choice choose(Path modelsDirectory) {
        return IsNetModel.installed(modelsDirectory)
                .map(file -> new Choice(IsNetSegmenter.load(file, IsNetModel.METHOD), IsNetModel.METHOD, "IS-Net model " + file))
                .orElseGet(() -> new Choice(new CentrePriorGrabCut(), CentrePriorGrabCut.METHOD, "classical estimate (" + CentrePriorGrabCut.METHOD
                        + "): no model at " + IsNetModel.file(modelsDirectory) + "; install it with ./atelier models install isnet"));
    }
}
