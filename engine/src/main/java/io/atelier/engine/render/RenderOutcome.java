package io.atelier.engine.render;

import io.atelier.engine.plan.EditPlan;
import java.util.List;

/** What the engine made of one step: a rendered image, or a failure a person can act on. */
public sealed interface RenderOutcome {

    /**
     * The rendered PNG and its thumbnail, with the plan that produced them, the subject method if one
     * was used, the mattes worth caching (the one detected for the source image, and the result's own), its drift
     * against its parent, and the image as drift measures it (to measure it against another image of its session).
     * The receiver closes {@code png} once it has stored it (a big render's is a temporary file).
     */
    record Rendered(EditPlan plan, EncodedPng png, int width, int height, byte[] thumbnailPng, int thumbnailWidth,
                    int thumbnailHeight, byte[] previewJpeg, java.util.Optional<String> subjectMethod,
                    java.util.Optional<io.atelier.engine.subject.SubjectMatte> sourceMatte,
                    java.util.Optional<io.atelier.engine.subject.SubjectMatte> resultMatte,
                    java.util.Optional<io.atelier.engine.generative.GenerativeStage.Committed> generated,
                    java.util.Optional<io.atelier.engine.measure.DriftMeasures> againstParent,
                    io.atelier.engine.measure.DriftCandidate driftCandidate) implements RenderOutcome {
    }

    /** The step cannot be rendered: why, what would work, and the parts of the instruction not understood. */
    record Failed(String reason, String hint, List<String> notUnderstood) implements RenderOutcome {
        public Failed {
            notUnderstood = List.copyOf(notUnderstood);
        }
    }
}
