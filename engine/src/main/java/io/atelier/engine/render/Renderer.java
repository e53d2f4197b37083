package io.atelier.engine.render;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Operation;

/** Runs an edit plan's operations in order on a linear-light image. */
public final class Renderer {
    private Renderer() {
    }

    public static LinearImage run(EditPlan plan, LinearImage input) {
        LinearImage image = input;
        for (Operation operation : plan.operations()) {
            image = apply(operation, image);
        }
        return image;
    }

    static LinearImage apply(Operation operation, LinearImage image) {
        return switch (operation) {
            case Operation.Exposure e -> Exposure.apply(image, e.stops());
            case Operation.WhiteBalance wb -> WhiteBalance.apply(image, wb.temperature(), wb.tint());
            case Operation.Monochrome m -> Monochrome.apply(image);
            case Operation.CropToAspect c -> CropToAspect.apply(image, c.width(), c.height(), c.anchorX(), c.anchorY());
        };
    }
}
