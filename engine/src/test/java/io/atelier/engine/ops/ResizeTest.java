package io.atelier.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import org.junit.jupiter.api.Test;

/** Resize gives the longer side the asked size, keeps the aspect, and says before any pixel moves what size it makes. */
class ResizeTest {
    @Test
    void theLongerSideBecomesTheAskedSizeInEitherOrientation() {
        Resize resize = new Resize(2048);
        assertThat(resize.size(6000, 4000)).containsExactly(2048, 1365);
        assertThat(resize.size(4000, 6000)).containsExactly(1365, 2048);
        assertThat(new Resize(16).size(1000, 10)).containsExactly(16, 1);
    }

    @Test
    void shrinkingAveragesAndEnlargingInterpolatesToTheAnnouncedSize() {
        LinearImage image = LinearImage.blank(300, 200, false).mapPixels(px -> {
            px[0] = 0.5f;
            px[1] = 0.25f;
            px[2] = 0.125f;
        });
        for (int side : new int[] {120, 450}) {
            Move move = new Resize(side).move(image, () -> { throw new AssertionError("a resize needs no subject"); });
            LinearImage out = move.apply(image);
            assertThat(out.width()).isEqualTo(move.width()).isEqualTo(side);
            assertThat(out.height()).isEqualTo(move.height()).isEqualTo(side * 2 / 3);
            assertThat(move.exact()).isFalse();
            int centre = out.height() / 2 * out.width() + out.width() / 2;
            assertThat(out.channel(0)[centre]).isCloseTo(0.5f, within(1e-5f));
            assertThat(out.channel(2)[centre]).isCloseTo(0.125f, within(1e-5f));
        }
        assertThat(new Resize(300).move(image, () -> (SubjectMatte) null).exact()).as("the same size moves nothing").isTrue();
    }
}
