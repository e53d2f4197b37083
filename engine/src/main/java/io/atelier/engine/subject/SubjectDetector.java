package io.atelier.engine.subject;

import io.atelier.engine.image.LinearImage;

/** Finds the main subject of a photo; the classical estimate and the segmentation model both plug in here. */
public interface SubjectDetector {
    /** A soft matte at the image's own size. Deterministic: the same pixels give the same matte. */
    SubjectMatte detect(LinearImage image);
}
