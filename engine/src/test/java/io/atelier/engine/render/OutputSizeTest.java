package io.atelier.engine.render;

import static io.atelier.engine.Photos.COFFEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Move;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.imaging.ImageLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every move says its output size before allocating it, and the renderer refuses one over the limits. */
class OutputSizeTest {
    private static final LinearImage PHOTO = LinearImage.from(COFFEE);
    private static final CentrePriorGrabCut DETECTOR = new CentrePriorGrabCut();

    @Test
    void eachGeometricOperationPredictsTheSizeItProduces() {
        List<Operation.Geometric> ops = List.of(new CropToAspect(1, 1, CropToAspect.Anchor.CENTRE), new CropToAspect(9, 16, CropToAspect.Anchor.SUBJECT),
                new Reframe(16, 9, Edge.RIGHT, 0.4), new Reframe(3, 1, Edge.LEFT, 0.5), new Reframe(1, 3, Edge.TOP, 0.3),
                new Rotate(7, false), new Rotate(-12, true), new Rotate(90, false), new Rotate(180, false), new Flip(true));
        for (Operation.Geometric op : ops) {
            Move move = op.move(PHOTO, () -> DETECTOR.detect(PHOTO));
            LinearImage out = move.apply(PHOTO);
            assertThat(new int[] {move.width(), move.height()}).as(op.describe()).containsExactly(out.width(), out.height());
        }
    }

    @Test
    void aReframeTo100To1IsRefusedBeforeItsCanvasIsAllocated() {
        // 600 × 400 at 100:1 is a 40,000 × 400 canvas: over 16,384 a side
        Reframe extreme = new Reframe(100, 1, Edge.RIGHT, 0.3);
        assertThatThrownBy(() -> new Renderer(DETECTOR).run(EditPlan.of("reframe 100:1 with room on the right", "test", List.of(extreme)), PHOTO))
                .isInstanceOf(OutputTooLargeException.class).hasMessageContaining("40000 × 400");
        // and the pixel cap counts too, not only the side
        ImageLimits tight = new ImageLimits(16_384, 400_000);
        assertThatThrownBy(() -> new Renderer(DETECTOR, tight).run(EditPlan.of("3:1", "test", List.of(new Reframe(3, 1, Edge.RIGHT, 0.5))), PHOTO))
                .isInstanceOf(OutputTooLargeException.class).hasMessageContaining("megapixels");
    }

    @Test
    void theEngineAnswersATooLargeOutputWithAFailureAPersonCanActOn() {
        RenderOutcome outcome = io.atelier.engine.Engine.standard().render(io.atelier.imaging.PngEncoder.encode(COFFEE),
                "reframe to 100:1 with room on the right");
        assertThat(outcome).isInstanceOfSatisfying(RenderOutcome.Failed.class, failed -> {
            assertThat(failed.reason()).contains("40000 × 400");
            assertThat(failed.hint()).contains("less extreme");
        });
    }
}
