package io.atelier.engine.render;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.ColourFill;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Dust;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.Grain;
import io.atelier.engine.ops.LightLeak;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.Sharpen;
import io.atelier.engine.ops.SplitTone;
import io.atelier.engine.ops.Steam;
import io.atelier.engine.ops.TextOverlay;
import io.atelier.engine.ops.TimeOfDay;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Operation;
import io.atelier.engine.plan.Region;
import io.atelier.engine.region.RegionMasks;
import io.atelier.engine.subject.SubjectDetector;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs an edit plan's operations in order on a linear-light image. Local operations are computed on
 * the frame and blended back through their region's mask; the subject matte is estimated only when an
 * operation needs it, and again after an operation that moves pixels.
 */
public final class Renderer {
    private final SubjectDetector detector;

    public Renderer(SubjectDetector detector) {
        this.detector = detector;
    }

    /**
     * The rendered image; the subject method used, if any operation needed the subject; the matte
     * detected on the input (to cache for it), and the matte of the result, when it is known exactly.
     */
    public record Rendering(LinearImage image, Optional<String> subjectMethod, Optional<SubjectMatte> inputMatte,
                            Optional<SubjectMatte> resultMatte) {
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
        Subject subject = new Subject(detector, () -> cachedMatte.get().filter(m -> m.width() == input.width() && m.height() == input.height()));
        LinearImage image = input;
        for (Operation operation : plan.operations()) {
            subject.current = image;
            LinearImage next = apply(operation, image, subject);
            if (moves(operation)) {
                subject.moved(operation, image, next);
            }
            image = next;
        }
        return new Rendering(image, Optional.ofNullable(subject.method), Optional.ofNullable(subject.detectedOnInput),
                Optional.ofNullable(subject.matte));
    }

    private static boolean moves(Operation operation) {
        return operation instanceof Operation.Flip || operation instanceof Operation.Rotate
                || operation instanceof Operation.CropToAspect || operation instanceof Operation.Reframe;
    }

    private static LinearImage apply(Operation operation, LinearImage image, Subject subject) {
        if (operation instanceof Operation.Local local) {
            Optional<float[]> mask = RegionMasks.mask(local.region(), image, subject::matte);
            LinearImage edited = local(local, image, mask);
            return mask.map(m -> image.blend(edited, m)).orElse(edited);
        }
        int w = image.width();
        int h = image.height();
        return switch (operation) {
            case Operation.TimeOfDay t -> TimeOfDay.apply(image, t.mood(), t.strength());
            case Operation.DirectionalLight d -> {
                LinearImage lit = DirectionalLight.apply(image, d.from(), d.strength(), d.colour(), d.softness());
                yield d.shadow() > 0 ? DirectionalLight.castShadow(lit, subject.matte(), d.from(), d.shadow(), d.softness()) : lit;
            }
            case Operation.SplitTone s -> SplitTone.apply(image, s.highlights(), s.shadows(), s.strength());
            case Operation.Vignette v -> {
                double[] centre = v.aroundSubject() ? subject.matte().centroid() : new double[] {0.5, 0.5};
                yield Vignette.apply(image, v.amount(), v.midpoint(), centre[0], centre[1]);
            }
            case Operation.CropToAspect c -> {
                double[] anchor = switch (c.anchor()) {
                    case SUBJECT -> subject.matte().centroid();
                    case CENTRE -> new double[] {0.5, 0.5};
                    case LEFT -> new double[] {0, 0.5};
                    case RIGHT -> new double[] {1, 0.5};
                    case TOP -> new double[] {0.5, 0};
                    case BOTTOM -> new double[] {0.5, 1};
                };
                subject.lastAnchor = anchor;
                yield CropToAspect.apply(image, c.width(), c.height(), anchor[0], anchor[1]);
            }
            case Operation.Reframe r -> {
                subject.lastBounds = subject.matte().bounds();
                yield Reframe.apply(image, r.width(), r.height(), r.roomOn(), r.room(), subject.lastBounds);
            }
            case Operation.Rotate r -> Rotate.apply(image, r.degrees(), r.cropToFill());
            case Operation.Flip f -> Flip.apply(image, f.horizontal());
            case Operation.Text t -> TextOverlay.apply(image, t.text(), t.placement(), t.colour(), t.size(),
                    t.placement() == Operation.Text.Placement.AUTO ? Optional.of(subject.matte().alpha()) : Optional.empty());
            case Operation.Grain g -> Grain.apply(image, g.amount(), g.size(), g.seed());
            case Operation.Dust d -> Dust.apply(image, d.density(), d.lightFrom(), d.seed());
            case Operation.LightLeak l -> LightLeak.apply(image, l.colour(), l.from(), l.strength(), l.flare());
            case Operation.Steam s -> {
                SubjectMatte m = subject.matte();
                int[] b = m.bounds();
                double[] centre = m.centroid();
                double top = (b[1] + (b[3] - b[1]) * 0.25) / (double) h; // inside the rim: steam leaves the drink's surface
                yield Steam.apply(image, s.strength(), s.height(), s.seed(), centre[0], top, (b[2] - b[0]) * 0.3 / w);
            }
            case Operation.Local l -> throw new IllegalStateException("handled above");
        };
    }

    private static LinearImage local(Operation.Local operation, LinearImage image, Optional<float[]> mask) {
        return switch (operation) {
            case Operation.Exposure e -> Exposure.apply(image, e.stops());
            case Operation.WhiteBalance wb -> WhiteBalance.apply(image, wb.temperature(), wb.tint());
            case Operation.Contrast c -> Contrast.apply(image, c.amount());
            case Operation.ToneRecovery t -> ToneRecovery.apply(image, t.highlights(), t.shadows());
            case Operation.Glow g -> g.kind() == Operation.Glow.Kind.GLOW ? Glow.glow(image, g.amount()) : Glow.haze(image, g.amount());
            case Operation.Saturation s -> Saturation.apply(image, s.amount());
            case Operation.Vibrance v -> Vibrance.apply(image, v.amount());
            case Operation.Monochrome m -> Monochrome.apply(image);
            case Operation.PaletteGrade p -> PaletteGrade.apply(image, p.palette(), p.strength());
            case Operation.ColourOverlay o -> ColourFill.flat(image, o.colour(), o.opacity());
            case Operation.Gradient g -> ColourFill.gradient(image, g.from(), g.to(), g.start(), g.opacity());
            case Operation.Blur b -> Blur.apply(image, b.radius() / 100.0 * Math.max(image.width(), image.height()),
                    b.region() instanceof Region.Subject || b.region() instanceof Region.Background ? mask : Optional.empty());
            case Operation.Sharpen s -> Sharpen.sharpen(image, s.amount(), s.radius());
            case Operation.Clarity c -> Sharpen.clarity(image, c.amount());
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

        void moved(Operation operation, LinearImage before, LinearImage after) {
            moved = true;
            if (matte == null) {
                return;
            }
            LinearImage m = asImage(matte);
            LinearImage carried = switch (operation) {
                case Operation.Flip f -> Flip.apply(m, f.horizontal());
                case Operation.Rotate r when r.degrees() % 90 == 0 -> Rotate.apply(m, r.degrees(), false);
                case Operation.CropToAspect c -> CropToAspect.apply(m, c.width(), c.height(), lastAnchor[0], lastAnchor[1]);
                case Operation.Reframe r when (long) after.width() * after.height() <= (long) before.width() * before.height() ->
                        Reframe.apply(m, r.width(), r.height(), r.roomOn(), r.room(), lastBounds);
                default -> null; // resampled or extended: not exact, estimate again when needed
            };
            matte = carried == null || carried.width() != after.width() || carried.height() != after.height() ? null
                    : new SubjectMatte(carried.channel(0), carried.width(), carried.height(), matte.method());
        }

        // where the last crop was anchored and the subject bounds the last reframe used, to move the matte the same way
        private double[] lastAnchor = {0.5, 0.5};
        private int[] lastBounds = {0, 0, 1, 1};

        private static LinearImage asImage(SubjectMatte m) {
            float[] a = m.alpha();
            return LinearImage.blank(m.width(), m.height(), false).withPlanes(a, a.clone(), a.clone());
        }
    }
}
