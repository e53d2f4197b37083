package io.atelier.engine.render;

import io.atelier.engine.generative.GenerativeStage;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.Move;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.region.RegionMasks;
import io.atelier.engine.subject.SubjectDetector;
import io.atelier.engine.subject.SubjectMatte;
import io.atelier.imaging.ImageLimits;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an edit plan's operations in order on a linear-light image, one kind at a time: local edits are
 * computed on the frame and blended back through their region's mask; geometric ones move the image
 * and, when the move is exact, the subject matte with it; the rest work on the whole frame. The matte is
 * estimated only when an operation needs it, and again after a move that could not carry it.
 */
public final class Renderer {
    private final SubjectDetector detector;
    private final ImageLimits limits;
    private final Optional<GenerativeStage> generative;

    public Renderer(SubjectDetector detector) {
        this(detector, ImageLimits.DEFAULT, Optional.empty());
    }

    /** A renderer without a generative engine that refuses any operation whose output would be over {@code limits}. */
    public Renderer(SubjectDetector detector, ImageLimits limits) {
        this(detector, limits, Optional.empty());
    }

    /**
     * A renderer that refuses any operation whose output would be over {@code limits}, before allocating
     * it, and runs generative operations through {@code generative} when one is configured.
     */
    public Renderer(SubjectDetector detector, ImageLimits limits, Optional<GenerativeStage> generative) {
        this.detector = detector;
        this.limits = limits;
        this.generative = generative;
    }

    /**
     * The rendered image; the subject method used, if any operation needed the subject; the matte
     * detected on the input (to cache for it), and the matte of the result, when it is known exactly.
     */
    public record Rendering(LinearImage image, Optional<String> subjectMethod, Optional<SubjectMatte> inputMatte,
                            Optional<SubjectMatte> resultMatte, Optional<GenerativeStage.Committed> generated) {
        public Rendering(LinearImage image, Optional<String> subjectMethod, Optional<SubjectMatte> inputMatte, Optional<SubjectMatte> resultMatte) {
            this(image, subjectMethod, inputMatte, resultMatte, Optional.empty());
        }

        /** The same facts without the image (a 1×1 stand-in), so a caller can let the full frame go while it still needs them. */
        public Rendering withoutImage() {
            return new Rendering(LinearImage.blank(1, 1, false), subjectMethod, inputMatte, resultMatte, generated);
        }
    }

    public Rendering run(EditPlan plan, LinearImage input) {
        return run(plan, input, Optional.empty());
    }

    /** Runs the plan; {@code knownMatte} is the input's matte when it is already known (from a cache). */
    public Rendering run(EditPlan plan, LinearImage input, Optional<SubjectMatte> knownMatte) {
        return run(plan, input, () -> knownMatte);
    }

    /**
     * Runs the plan; {@code cachedMatte} looks up the input's matte, and is asked only if an operation
     * needs the subject before any operation moves pixels — so plans without subject edits cost no lookup.
     */
    public Rendering run(EditPlan plan, LinearImage input, Supplier<Optional<SubjectMatte>> cachedMatte) {
        return run(plan, input, cachedMatte, false);
    }

    /**
     * Runs the plan on a frame the caller hands over and never reads again (the engine's freshly decoded source):
     * operations that can may overwrite its planes, and those of every frame made from it, instead of copying, so a
     * render holds one full frame where it would hold two. The result's pixels are those of {@link #run}.
     */
    public Rendering runConsuming(EditPlan plan, LinearImage input, Supplier<Optional<SubjectMatte>> cachedMatte) {
        return run(plan, input, cachedMatte, true);
    }

    // Once owned, every later frame is owned too: an operation's result holds only planes of its own or of its input.
    private Rendering run(EditPlan plan, LinearImage input, Supplier<Optional<SubjectMatte>> cachedMatte, boolean owned) {
        Subject subject = new Subject(detector, () -> cachedMatte.get().filter(m -> m.width() == input.width() && m.height() == input.height()));
        LinearImage image = input;
        GenerativeStage.Committed generated = null;
        for (Operation operation : plan.operations()) {
            subject.current = image;
            if (operation instanceof Operation.Generative g) {
                GenerativeStage.Painted painted = generative.orElseThrow(() -> new IllegalStateException(
                        "the plan has a generative operation and no generative engine is configured")).paint(g, image, subject::matte);
                image = painted.image();
                generated = painted.committed();
                subject.matte = null; // new content may change the subject's outline: estimate again if a later step needs it
                subject.moved = true;
                continue;
            }
            image = apply(operation, image, subject, limits, owned);
        }
        return new Rendering(image, Optional.ofNullable(subject.method), Optional.ofNullable(subject.detectedOnInput),
                Optional.ofNullable(subject.matte), Optional.ofNullable(generated));
    }

    private static LinearImage apply(Operation operation, LinearImage image, Subject subject, ImageLimits limits, boolean owned) {
        return switch (operation) {
            case Operation.Generative g -> throw new IllegalStateException("generative operations run through the generative stage");
            case Operation.Local local -> {
                Optional<float[]> mask = RegionMasks.mask(local.region(), image, subject::matte);
                if (!owned) {
                    LinearImage edited = local.apply(image, mask);
                    yield mask.map(m -> image.blend(edited, m)).orElse(edited);
                }
                // through a mask the edit blends back into the original as it goes: pixel by pixel, a plane at a time, or a copy
                yield mask.isEmpty() ? local.applyInPlace(image, mask) : local.applyBlendedInPlace(image, mask.get());
            }
            case Operation.Geometric geometric -> {
                Move move = geometric.move(image, subject::matte);
                // every other kind keeps the frame's size; a move says its size before making it
                if (move.width() > limits.maxDimension() || move.height() > limits.maxDimension() || move.pixelCount() > limits.maxPixels()) {
                    throw new OutputTooLargeException(operation, move.width(), move.height(), limits);
                }
                LinearImage moved = owned ? move.applyOwned(image) : move.apply(image);
                subject.moved(move, moved);
                yield moved;
            }
            case Operation.Global global -> global.apply(image, subject::matte);
        };
    }

    /**
     * The subject of the image being rendered: estimated once, when first needed, and carried through
     * operations that move pixels when that is exact (crops, flips, quarter turns); otherwise dropped
     * and estimated again if a later operation needs it.
     */
    private static final class Subject {
        private final SubjectDetector detector;
        private LinearImage current;
        private SubjectMatte matte;
        private String method;
        private boolean moved;
        private SubjectMatte detectedOnInput;
        private final Supplier<Optional<SubjectMatte>> cached;

        Subject(SubjectDetector detector, Supplier<Optional<SubjectMatte>> cached) {
            this.detector = detector;
            this.cached = cached;
        }

        SubjectMatte matte() {
            if (matte == null && !moved) {
                matte = cached.get().orElse(null);
            }
            if (matte == null) {
                matte = detector.detect(current);
                if (!moved) {
                    detectedOnInput = matte;
                }
            }
            method = matte.method();
            return matte;
        }

        /** After a move: the matte moves with the pixels when the move is exact, else it is estimated again when needed. */
        void moved(Move move, LinearImage after) {
            moved = true;
            if (matte == null) {
                return;
            }
            LinearImage carried = move.exact() ? move.apply(asImage(matte)) : null;
            matte = carried == null || carried.width() != after.width() || carried.height() != after.height() ? null
                    : new SubjectMatte(carried.channel(0), carried.width(), carried.height(), matte.method());
        }

        private static LinearImage asImage(SubjectMatte m) {
            float[] a = m.alpha();
            return LinearImage.blank(m.width(), m.height(), false).withPlanes(a, a.clone(), a.clone());
        }
    }
}
