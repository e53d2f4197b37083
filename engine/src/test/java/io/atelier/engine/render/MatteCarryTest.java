package io.atelier.engine.render;

import static io.atelier.engine.Photos.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.CropToAspect.Anchor;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Region;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.engine.subject.MattePng;
import io.atelier.engine.subject.SubjectDetector;
import io.atelier.engine.subject.SubjectMatte;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The subject is estimated once per image and carried through exact moves; a cached matte renders the same bytes. */
class MatteCarryTest {
    private final AtomicInteger detections = new AtomicInteger();
    private final SubjectDetector counting = image -> {
        detections.incrementAndGet();
        return new CentrePriorGrabCut().detect(image);
    };

    private static EditPlan plan(Operation... operations) {
        return EditPlan.of("test", "test", List.of(operations));
    }

    @Test
    void aCropCarriesTheMatteSoTheNextSubjectEditDoesNotEstimateAgain() {
        LinearImage input = LinearImage.from(COFFEE);
        Renderer.Rendering r = new Renderer(counting).run(plan(new CropToAspect(1, 1, Anchor.SUBJECT),
                new Flip(true), new Blur(1, new Region.Background())), input);
        assertThat(detections).hasValue(1);
        SubjectMatte full = r.inputMatte().orElseThrow();
        SubjectMatte carried = r.resultMatte().orElseThrow();
        assertThat(carried.width()).isEqualTo(400);
        // the carried matte is the input's, cropped and mirrored: compare one row exactly
        int x0 = io.atelier.engine.ops.CropToAspect.frame(600, 400, 1, 1, full.centroid()[0], full.centroid()[1])[0];
        for (int x = 0; x < 400; x++) {
            assertThat(carried.alpha()[200 * 400 + (399 - x)]).isEqualTo(full.alpha()[200 * 600 + x0 + x]);
        }
    }

    @Test
    void aCachedMatteIsUsedAndRendersTheSameBytes() {
        EditPlan plan = plan(new Blur(1, new Region.Background()), new Vignette(-30, 0.3, true));
        Renderer renderer = new Renderer(counting);
        Renderer.Rendering fresh = renderer.run(plan, LinearImage.from(COFFEE));
        assertThat(detections).hasValue(1);
        // through the PNG cache and back
        SubjectMatte cached = MattePng.decode(MattePng.encode(fresh.inputMatte().orElseThrow()), 600, 400, CentrePriorGrabCut.METHOD).orElseThrow();
        Renderer.Rendering again = renderer.run(plan, LinearImage.from(COFFEE), Optional.of(cached));
        assertThat(detections).hasValue(1);
        assertThat(again.inputMatte()).isEmpty();
        assertThat(again.subjectMethod()).contains(CentrePriorGrabCut.METHOD);
        assertThat(again.image().toBufferedImage().getRGB(0, 0, 600, 400, null, 0, 600))
                .isEqualTo(fresh.image().toBufferedImage().getRGB(0, 0, 600, 400, null, 0, 600));
    }

    @Test
    void aResamplingMoveDropsTheMatteAndItIsEstimatedAgainWhenNeeded() {
        Renderer.Rendering r = new Renderer(counting).run(plan(new Vignette(-30, 0.3, true), new Rotate(3, true),
                new Blur(1, new Region.Background())), LinearImage.from(COFFEE));
        assertThat(detections).hasValue(2);
        assertThat(r.resultMatte()).isPresent();
        assertThat(r.resultMatte().get().width()).isEqualTo(r.image().width());
    }

    @Test
    void theCacheIsAskedOnlyWhenTheSubjectIsNeeded() {
        AtomicInteger lookups = new AtomicInteger();
        java.util.function.Supplier<Optional<SubjectMatte>> cache = () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        };
        Renderer renderer = new Renderer(counting);
        renderer.run(plan(new Exposure(0.5, Region.WHOLE), new Monochrome(Region.WHOLE)), LinearImage.from(COFFEE), cache);
        assertThat(lookups).hasValue(0);
        renderer.run(plan(new Blur(1, new Region.Background()), new Vignette(-30, 0.3, true)), LinearImage.from(COFFEE), cache);
        assertThat(lookups).hasValue(1);
        assertThat(detections).hasValue(1);
    }

    @Test
    void aMatteOfAnotherSizeIsIgnored() {
        SubjectMatte wrong = new SubjectMatte(new float[10 * 10], 10, 10, "x");
        new Renderer(counting).run(plan(new Blur(1, new Region.Background())), LinearImage.from(COFFEE), Optional.of(wrong));
        assertThat(detections).hasValue(1);
    }
}
