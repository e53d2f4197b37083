package io.atelier.engine.subject;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.CUP_CORE;
import static io.atelier.engine.Photos.TABLE_CORNERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.engine.Photos;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.ImageStats;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Region;
import io.atelier.engine.render.Renderer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IS-Net model on the real coffee photo. Runs when the model is installed
 * ({@code ./atelier models install isnet}, which .ci/run does); skipped, saying so, otherwise.
 */
class IsNetSegmenterTest {
    private static IsNetSegmenter segmenter;

    @BeforeAll
    static void load() {
        Optional<Path> model = IsNetModel.installed(IsNetModel.defaultDirectory());
        model.ifPresent(file -> segmenter = IsNetSegmenter.load(file, IsNetModel.METHOD));
    }

    @BeforeEach
    void requireTheModel() {
        assumeTrue(segmenter != null, "IS-Net is not installed in " + IsNetModel.defaultDirectory()
                + ": this test runs after ./atelier models install isnet (as .ci/run does)");
    }

    @AfterAll
    static void close() {
        if (segmenter != null) {
            segmenter.close();
        }
    }

    @Test
    void theMaskCoversCupAndSaucerAndLittleOfTheTable() {
        SubjectMatte matte = segmenter.detect(LinearImage.from(COFFEE));
        assertThat(matte.method()).isEqualTo(IsNetModel.METHOD);
        assertThat(SubjectMasks.iou(matte, SubjectMasks.reference())).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void backgroundBlurKeepsTheCupSharpAndHalvesTheTablesDetail() {
        Renderer renderer = new Renderer(segmenter);
        BufferedImage out = renderer.run(EditPlan.of("blur the background so only the cup stays sharp", "test",
                List.of(new Blur(1.0, new Region.Background()))), LinearImage.from(COFFEE)).image().toBufferedImage();
        assertThat(ImageStats.edgeEnergy(out, CUP_CORE)).isBetween(ImageStats.edgeEnergy(COFFEE, CUP_CORE) * 0.9,
                ImageStats.edgeEnergy(COFFEE, CUP_CORE) * 1.1);
        assertThat(ImageStats.edgeEnergy(out, TABLE_CORNERS)).isLessThanOrEqualTo(ImageStats.edgeEnergy(COFFEE, TABLE_CORNERS) * 0.5);
    }

    @Test
    void theSameImageGivesTheSameMatte() {
        LinearImage image = LinearImage.from(Photos.COFFEE);
        assertThat(segmenter.detect(image).alpha()).isEqualTo(segmenter.detect(image).alpha());
    }
}
