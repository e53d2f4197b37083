package io.atelier.engine.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker whose memory limit cannot hold heap + model refuses to load the model, and says so, rather than being killed later. */
class ModelMemoryBudgetTest {
    private static final long MIB = 1L << 20;

    @Test
    void anInstalledModelIsNotLoadedWhenTheLimitCannotHoldItBesideTheHeap(@TempDir Path models) throws Exception {
        Path file = IsNetModel.file(models);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(IsNetModel.SIZE); // the right size is what "installed" checks; its bytes are never read here
        }
        assertThat(IsNetModel.installed(models)).isPresent();

        SubjectDetectors.Choice choice = SubjectDetectors.choose(models, 900 * MIB, 1024 * MIB);

        assertThat(choice.detector()).isInstanceOf(CentrePriorGrabCut.class);
        assertThat(choice.description()).contains("NOT loaded").contains("memory limit is 1024 MiB").contains("heap 900");
    }

    @Test
    void withoutTheModelTheBudgetIsNotTheReasonGiven(@TempDir Path models) {
        SubjectDetectors.Choice choice = SubjectDetectors.choose(models, 900 * MIB, 1024 * MIB);
        assertThat(choice.detector()).isInstanceOf(CentrePriorGrabCut.class);
        assertThat(choice.description()).contains("no model at").doesNotContain("NOT loaded");
    }
}
