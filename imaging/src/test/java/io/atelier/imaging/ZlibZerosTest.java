package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The bomb generator's hand-assembled zlib stream really inflates to the zeros it claims. */
class ZlibZerosTest {
    @Test
    void inflatesToExactlyTheClaimedZeros() throws Exception {
        long length = (3L << 20) + 12_345;
        byte[] stream = HostileImages.zlibZeros(length);
        Inflater inflater = new Inflater();
        inflater.setInput(stream);
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        boolean allZero = true;
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            for (int i = 0; i < n && allZero; i++) {
                allZero = buffer[i] == 0;
            }
            total += n;
            assertThat(n > 0 || !inflater.needsInput()).as("stream ended early").isTrue();
        }
        inflater.end(); // a wrong Adler-32 would have thrown DataFormatException above
        assertThat(total).isEqualTo(length);
        assertThat(allZero).isTrue();
        assertThat(stream.length).isLessThan(20_000);
    }
}
