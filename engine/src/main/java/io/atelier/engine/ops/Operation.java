package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Region;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One typed step of an edit plan: the closed set of what the built-in engine can do. Each operation
 * is one record in this package holding its parameters (declared with {@link Param}), its "what I
 * did" sentence and its pixel maths. The {@code permits} lists below are the one place an operation
 * is registered: JSON names, validation, the schema and the docs table all read them. All light maths
 * happen in linear light; the result is encoded to 8-bit sRGB once, at the end.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonTypeIdResolver(OperationNames.class)
public sealed interface Operation permits Operation.Local, Operation.Geometric, Operation.Global, Operation.Generative {

    /** A short phrase saying what the operation does, shown to the user as "what I did". */
    String describe();

    /**
     * Edits limited to a region: computed on the whole frame and blended back through the region's
     * soft mask, so pixels outside it stay exactly as they were.
     */
    sealed interface Local extends Operation permits PerPixel, WhiteBalance, Glow, Monochrome, Blur {
        Region region();

        /**
         * The edit on the whole frame; {@code weights} is the region's mask when it is not the whole
         * frame (most edits ignore it; a blur averages only within it).
         */
        LinearImage apply(LinearImage image, Optional<float[]> weights);

        /**
         * The same pixels as {@link #apply}, possibly written over {@code image}'s own planes: the renderer calls it
         * only on a frame nobody else holds and never reads again (see Renderer#runConsuming). By default a copy.
         */
        default LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
            return apply(image, weights);
        }

        /**
         * The pixels of {@code image.blend(apply(image, Optional.of(mask)), mask)}, written over {@code image}'s own colour
         * planes, for a frame nobody else holds (see Renderer#runConsuming). By default a whole edited copy is made and
         * blended back; an edit whose colour planes do not depend on each other can go a plane at a time and hold one
         * edited plane instead of three.
         */
        default LinearImage applyBlendedInPlace(LinearImage image, float[] mask) {
            return image.blendInPlace(apply(image, Optional.of(mask)), mask);
        }
    }

    /**
     * Local edits that change each pixel from its own value and place, and from what they computed from the whole frame
     * before any pixel changes (a blurred lightness plane, say). They run over a frame the renderer owns in place,
     * blending through the region's mask pixel by pixel, so neither a copy of the frame nor an edited frame beside it is
     * needed (at 50 MP, 600 MB each).
     */
    sealed interface PerPixel extends Local permits Exposure, Contrast, ToneRecovery, Saturation, Vibrance, PaletteGrade, ColourOverlay,
            Gradient, HueAdjust, Sharpen, Clarity {
        /**
         * The change to one pixel, made for {@code image}: anything it needs from the frame is read here, before the
         * function runs; the function itself reads only the pixel it is given and its place, never other pixels.
         */
        LinearImage.PositionalPixelFunction pixels(LinearImage image);

        @Override
        default LinearImage apply(LinearImage image, Optional<float[]> weights) {
            return image.mapPixels(pixels(image));
        }

        @Override
        default LinearImage applyInPlace(LinearImage image, Optional<float[]> weights) {
            return image.mapPixelsInPlace(pixels(image), Optional.empty());
        }

        @Override
        default LinearImage applyBlendedInPlace(LinearImage image, float[] mask) {
            return image.mapPixelsInPlace(pixels(image), Optional.of(mask));
        }
    }

    /** Operations that move pixels: the subject matte moves with them when the move is exact. */
    sealed interface Geometric extends Operation permits CropToAspect, Reframe, Rotate, Flip, Resize {
        /** How this operation moves the pixels of {@code image}, whose subject is {@code subject} (asked only if needed). */
        Move move(LinearImage image, Supplier<SubjectMatte> subject);
    }

    /** Whole-frame operations that keep pixels in place and may read the subject. */
    sealed interface Global extends Operation permits TimeOfDay, DirectionalLight, SplitTone, Vignette, AutoLevel,
            AutoWhiteBalance, Text, Border, Grain, Dust, LightLeak, Steam, Overlay {
        LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject);
    }

    /** New content from a generative engine: run by the renderer through its generative stage, not by pixel maths here. */
    sealed interface Generative extends Operation permits Synthesize {
        /** Where the new content may be committed. */
        Region region();

        /** What to paint. */
        String prompt();
    }
}
