package io.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.engine.kit.KitContext;
import io.atelier.engine.render.RenderOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A parent read from the store as it is decoded renders to the same bytes as one handed over whole. */
class StoredParentTest {
    private static final Engine ENGINE = Engine.standard();

    @Test
    void aStreamedParentRendersAsTheSameBytes() throws Exception {
        byte[] png = rendered(ParentImage.of(Photos.COFFEE_PNG.clone()), "make it warmer"); // an engine-written PNG: streamed
        byte[] jpeg = jpeg();                                   // not a PNG: read whole
        for (byte[] parent : new byte[][] {png, jpeg, Photos.COFFEE_PNG.clone()}) {
            AtomicInteger opened = new AtomicInteger();
            byte[] streamed = rendered(ParentImage.stored(() -> {
                opened.incrementAndGet();
                return new ByteArrayInputStream(parent);
            }), "mirror it, then a little brighter");
            assertThat(streamed).isEqualTo(rendered(ParentImage.of(parent.clone()), "mirror it, then a little brighter"));
            assertThat(opened).as("opened once").hasValue(1);
        }
    }

    @Test
    void aStoreThatFailsMidReadIsTheStoresFailureNotTheImages() throws Exception {
        byte[] png = rendered(ParentImage.of(Photos.COFFEE_PNG.clone()), "make it warmer");
        ParentImage failing = ParentImage.stored(() -> new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at >= png.length / 2) {
                    throw new IOException("connection reset");
                }
                return png[at++] & 0xFF;
            }
        });
        assertThatThrownBy(() -> ENGINE.render(failing, "mirror it", KitContext.NONE, Optional::empty))
                .isInstanceOf(ParentImage.Unreadable.class).hasMessageContaining("connection reset");
    }

    @Test
    void aDamagedStreamedParentIsReportedAsTheFullDecoderReportsIt() throws Exception {
        byte[] png = rendered(ParentImage.of(Photos.COFFEE_PNG.clone()), "make it warmer");
        byte[] damaged = png.clone();
        damaged[damaged.length / 2] ^= 0x5A;
        RenderOutcome streamed = ENGINE.render(ParentImage.stored(() -> new ByteArrayInputStream(damaged)), "mirror it", KitContext.NONE,
                Optional::empty);
        RenderOutcome whole = ENGINE.render(ParentImage.of(damaged.clone()), "mirror it", KitContext.NONE, Optional::empty);
        assertThat(streamed).isInstanceOf(RenderOutcome.Failed.class).isEqualTo(whole);
    }

    private static byte[] jpeg() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(Photos.COFFEE, "jpg", out);
        return out.toByteArray();
    }

    private static byte[] rendered(ParentImage parent, String instruction) {
        RenderOutcome outcome = ENGINE.render(parent, instruction, KitContext.NONE, Optional::empty);
        assertThat(outcome).isInstanceOf(RenderOutcome.Rendered.class);
        try (var png = ((RenderOutcome.Rendered) outcome).png()) {
            return png.bytes();
        }
    }
}
