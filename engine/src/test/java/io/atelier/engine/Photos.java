package io.atelier.engine;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.measure.ImageStats.Selection;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.render.Renderer;
import io.atelier.engine.subject.CentrePriorGrabCut;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** The test photos and a way to run operations on them and get 8-bit results to measure. */
public final class Photos {
    public static final byte[] COFFEE_PNG = load("/photos/coffee.png");
    public static final BufferedImage COFFEE = decode(COFFEE_PNG);

    /** Pixels certainly on the cup (its rim, the coffee, the top of the handle) in coffee.png (600×400). */
    public static final Selection CUP_CORE = (x, y) -> sq((x - 292) / 105.0) + sq((y - 160) / 115.0) <= 1;
    /** Pixels certainly on the table, away from the cup and saucer: the four corners. */
    public static final Selection TABLE_CORNERS = (x, y) -> (x < 70 || x >= 530) && (y < 60 || y >= 340);

    private static final Renderer RENDERER = new Renderer(new CentrePriorGrabCut());

    private Photos() {
    }

    /** Runs the operations on an image through the renderer (regions, subject and all) and encodes to 8-bit. */
    public static BufferedImage run(BufferedImage image, Operation... operations) {
        EditPlan plan = EditPlan.of("test", "test", List.of(operations));
        return RENDERER.run(plan, LinearImage.from(image)).image().toBufferedImage();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static byte[] load(String resource) {
        try (InputStream in = Photos.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
