package io.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.render.EncodedPng;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A big frame's PNG written to a temporary file as it is deflated is the file kept in memory, and is gone once closed. */
class SpilledEncodeTest {
    @Test
    void aSpilledRenderIsTheSameFileAsOneKeptInMemoryAndIsDeletedOnClose() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            LinearImage frame = LinearImage.from(noise(640, 1800, type));
            Engine.Encoded kept = Engine.encode(new AtomicReference<>(frame), Long.MAX_VALUE);
            Engine.Encoded spilled = Engine.encode(new AtomicReference<>(frame), 640 * 1800);

            assertThat(kept.png()).isInstanceOf(EncodedPng.InMemory.class);
            assertThat(spilled.png()).isInstanceOf(EncodedPng.Spilled.class);
            Path file = ((EncodedPng.Spilled) spilled.png()).file();
            assertThat(Files.size(file)).isEqualTo(spilled.png().size()).isEqualTo(kept.png().size());
            assertThat(spilled.png().bytes()).isEqualTo(kept.png().bytes());
            try (var in = spilled.png().open()) {
                assertThat(in.readAllBytes()).isEqualTo(kept.png().bytes());
            }
            assertThat(spilled.thumbnail().getRGB(0, 0, 20, 20, null, 0, 20)).isEqualTo(kept.thumbnail().getRGB(0, 0, 20, 20, null, 0, 20));

            spilled.png().close();
            assertThat(file).doesNotExist();
            spilled.png().close(); // a second close is harmless
        }
    }

    @Test
    void aFrameBelowTheThresholdStaysInMemory() {
        LinearImage frame = LinearImage.from(noise(64, 48, BufferedImage.TYPE_INT_RGB));
        assertThat(Engine.encode(new AtomicReference<>(frame), 64 * 48 + 1).png()).isInstanceOf(EncodedPng.InMemory.class);
    }

    private static BufferedImage noise(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        SplittableRandom random = new SplittableRandom(w * 7L + h + type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt() | (type == BufferedImage.TYPE_INT_RGB ? 0xFF000000 : 0));
            }
        }
        return image;
    }
}
