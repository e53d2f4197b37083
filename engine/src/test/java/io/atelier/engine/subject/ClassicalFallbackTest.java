package io.atelier.engine.subject;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.COFFEE_PNG;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Engine;
import io.atelier.imaging.ImageLimits;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.RenderOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the model everything still works: the classical estimate is chosen, is good enough, and says so. */
class ClassicalFallbackTest {

    @Test
    void withoutAModelTheClassicalEstimateIsChosenAndRecorded(@TempDir Path emptyModels) {
        SubjectDetectors.Choice choice = SubjectDetectors.choose(emptyModels);
        assertThat(choice.detector()).isInstanceOf(CentrePriorGrabCut.class);
        assertThat(choice.description()).contains("./atelier models install isnet");
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, choice.detector());
        RenderOutcome outcome = engine.render(COFFEE_PNG, "blur the background so only the cup stays sharp");
        assertThat(outcome).isInstanceOfSatisfying(RenderOutcome.Rendered.class,
                r -> assertThat(r.subjectMethod()).contains(CentrePriorGrabCut.METHOD));
        assertThat(engine.render(COFFEE_PNG, "black and white")).isInstanceOfSatisfying(RenderOutcome.Rendered.class,
                r -> assertThat(r.subjectMethod()).isEmpty());
    }

    @Test
    void theClassicalEstimateCoversTheCupAndSaucer() {
        assertThat(SubjectMasks.iou(new CentrePriorGrabCut().detect(LinearImage.from(COFFEE)), SubjectMasks.reference()))
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aFlatImageFallsBackToTheCentredEllipseAndSaysSo() {
        java.awt.image.BufferedImage flat = new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        SubjectMatte matte = new CentrePriorGrabCut().detect(LinearImage.from(flat));
        assertThat(matte.method()).isEqualTo(CentrePriorGrabCut.FALLBACK_METHOD);
        assertThat(matte.centroid()[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }
}
