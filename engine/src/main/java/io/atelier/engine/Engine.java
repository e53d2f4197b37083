package io.atelier.engine;

import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.engine.image.BigFrames;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.NativeJpeg;
import io.atelier.engine.image.PngFrames;
import io.atelier.engine.image.PreviewJpeg;
import io.atelier.imaging.PlainJpeg;
import io.atelier.imaging.PlainPng;
import io.atelier.imaging.PngEncoder;
import io.atelier.imaging.StreamedPng;
import io.atelier.imaging.RejectedImageException;
import io.atelier.imaging.Previews;
import io.atelier.imaging.Thumbnails;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.GenerativeStage;
import io.atelier.engine.generative.Size;
import io.atelier.engine.generative.SynthesisRegions;
import io.atelier.engine.kit.KitContext;
import io.atelier.engine.kit.KitPlanner;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Resize;
import io.atelier.engine.ops.Synthesize;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Region;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.planner.Planner;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.EncodedPng;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.render.OutputTooLargeException;
import io.atelier.engine.render.Renderer;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.engine.subject.SubjectDetector;
import io.atelier.engine.subject.SubjectMatte;
import io.atelier.engine.measure.Drift;
import io.atelier.engine.measure.DriftCandidate;
import io.atelier.engine.measure.DriftMeasures;
import io.atelier.engine.measure.DriftReference;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The built-in engine: plans an instruction, runs the plan on an image, encodes the result and its thumbnail. */
public final class Engine {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    /** Recorded with every render; bump when any operation's output bytes may change. */
    public static final String VERSION = "atelier-engine/0.2.4";

    /** The settings that configure a generative engine, named in every refusal for the lack of one. */
    public static final String GENERATIVE_SETTINGS = "ATELIER_OPENAI_API_KEY (with ATELIER_OPENAI_BASE_URL and ATELIER_OPENAI_IMAGE_MODEL), "
            + "or ATELIER_BFL_API_KEY, or ATELIER_COMFYUI_URL";

    private final Planner planner;
    private final ImageDecoder decoder;
    private final Renderer renderer;
    private final Optional<GenerativeStage> generative;

    public Engine(Planner planner, ImageLimits limits, SubjectDetector subjectDetector) {
        this(planner, limits, subjectDetector, Optional.empty());
    }

    /** An engine that also paints new content through {@code generative}, when one is configured. */
    public Engine(Planner planner, ImageLimits limits, SubjectDetector subjectDetector, Optional<GenerativeEngine> generative) {
        this.planner = planner;
        this.decoder = new ImageDecoder(limits);
        this.generative = generative.map(GenerativeStage::new);
        this.renderer = new Renderer(subjectDetector, limits, this.generative);
    }

    /** The generative provider's name, when one is configured. */
    public Optional<String> generativeProvider() {
        return generative.map(GenerativeStage::provider);
    }

    public static Engine standard() {
        return new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, new CentrePriorGrabCut());
    }

    public RenderOutcome render(byte[] sourceImage, String instruction) {
        return render(sourceImage, instruction, Optional::empty);
    }

    /**
     * Renders, asking {@code cachedSourceMatte} for the source image's subject matte (if an operation
     * needs it) before estimating it again.
     */
    public RenderOutcome render(byte[] sourceImage, String instruction, Supplier<Optional<SubjectMatte>> cachedSourceMatte) {
        return render(sourceImage, instruction, KitContext.NONE, cachedSourceMatte);
    }

    /** Renders with a brand kit: the instruction may name its colours, its logo and its saved instructions. */
    public RenderOutcome render(byte[] sourceImage, String instruction, KitContext kit, Supplier<Optional<SubjectMatte>> cachedSourceMatte) {
        return render(ParentImage.of(sourceImage), instruction, kit, cachedSourceMatte);
    }

    /** As {@link #render(byte[], String, KitContext, Supplier)}, letting go of the parent's bytes once they are decoded. */
    public RenderOutcome render(ParentImage parent, String instruction, KitContext kit, Supplier<Optional<SubjectMatte>> cachedSourceMatte) {
        PlanOutcome planned = withSynthesis(new KitPlanner(planner, kit).plan(instruction));
        if (!planned.fullyUnderstood()) {
            return refusal(planned);
        }
        return renderPlan(parent, planned.plan(), cachedSourceMatte);
    }

    /**
     * Runs a plan that was made before (a recorded one, for verification), without planning: the same
     * input bytes, plan and engine version give the same output bytes.
     */
    public RenderOutcome renderPlan(byte[] sourceImage, EditPlan plan, Supplier<Optional<SubjectMatte>> cachedSourceMatte) {
        return renderPlan(ParentImage.of(sourceImage), plan, cachedSourceMatte);
    }

    private RenderOutcome renderPlan(ParentImage parent, EditPlan plan, Supplier<Optional<SubjectMatte>> cachedSourceMatte) {
        Source source;
        try {
            source = source(parent, plan);
        } catch (RejectedImageException e) {
            return new RenderOutcome.Failed("The parent image cannot be read: " + e.getMessage(),
                    "Branch from another step or upload the source again.", List.of());
        } catch (OutOfMemoryError e) {
            return tooBig(-1, -1);
        }
        try {
            // a frame shrunk on load is not the source's size: no source matte fits it, and none found on it is the source's
            return renderAndEncode(plan, source, source.reduced() ? Optional::empty : cachedSourceMatte);
        } catch (OutputTooLargeException e) {
            return new RenderOutcome.Failed(e.getMessage(), "Ask for a less extreme shape (e.g. 3:1 rather than 100:1), or crop instead of extending.",
                    List.of());
        } catch (OutOfMemoryError e) {
            // a frame's planes are a few huge arrays: when one cannot be had, the failed allocation leaves the heap usable,
            // so this render fails with a reason and the worker carries on
            return tooBig(source.width(), source.height());
        }
    }

    private static RenderOutcome tooBig(int width, int height) {
        String photo = width > 0 ? String.format(java.util.Locale.ROOT, "This %d×%d photo", width, height) : "This photo";
        return new RenderOutcome.Failed(String.format(java.util.Locale.ROOT, "%s needs more memory than this render worker has (%d MiB of heap) for this step.",
                photo, Runtime.getRuntime().maxMemory() >> 20),
                "Try a smaller photo (resize it first), or ask the operator for workers with more memory (docs/deploy.md, Memory).", List.of());
    }

    private RenderOutcome renderAndEncode(EditPlan plan, Source source, Supplier<Optional<SubjectMatte>> cachedSourceMatte) {
        Renderer.Rendering result = renderer.runConsuming(plan, source.take(), cachedSourceMatte);
        Renderer.Rendering facts = result.withoutImage();
        AtomicReference<LinearImage> frame = new AtomicReference<>(result.image());
        result = null; // the frame is held by `frame` alone, which encode empties
        Encoded encoded = encode(frame);
        DriftCandidate candidate = new DriftCandidate(encoded.thumbnail(), encoded.width(), encoded.height());
        return new RenderOutcome.Rendered(plan, encoded.png(), encoded.width(), encoded.height(),
                PngEncoder.encode(encoded.thumbnail()), encoded.thumbnail().getWidth(), encoded.thumbnail().getHeight(), encoded.previewJpeg(),
                facts.subjectMethod(),
                source.reduced() ? Optional.empty() : facts.inputMatte(), facts.resultMatte(), facts.generated(),
                Optional.of(Drift.between(source.thumbnail(), source.width(), source.height(), candidate)), candidate);
    }

    /** A rendered frame as its PNG, its thumbnail and its display-sized JPEG preview. */
    record Encoded(EncodedPng png, int width, int height, BufferedImage thumbnail, byte[] previewJpeg) {
    }

    // A big frame's PNG (BigFrames) is written to a temporary file as it is deflated: at the 50 MP cap ~90 MB that
    // would otherwise sit on the heap beside the ~570 MiB frame.
    private static Encoded encode(AtomicReference<LinearImage> owned) {
        return encode(owned, BigFrames.PIXELS);
    }

    // The PNG is deflated from the frame row by row (no 8-bit copy of it). A big frame's file goes to a temporary file
    // as it is made; a small one's is kept in stripes and framed as one array only after the frame is let go (taken
    // out of `owned`, the only reference left to it). Either way the frame and the whole file are never on the heap
    // together (a method's locals keep objects alive until the method returns when it runs interpreted, as a render's
    // methods do, so the caller must not hold the frame).
    static Encoded encode(AtomicReference<LinearImage> owned, long spillPixels) {
        LinearImage frame = owned.getAndSet(null);
        BufferedImage thumbnail = frame.thumbnail(Thumbnails.DEFAULT_SIZE);
        // made here, from the frame, while it is in memory: the studio shows a step by its preview, and a gallery
        // that had to decode the full PNG first kept a 24 MP step off screen for ~0.9 s and could not fit a 50 MP one
        byte[] preview = PreviewJpeg.encode(frame.thumbnail(Previews.LONG_SIDE));
        int width = frame.width();
        int height = frame.height();
        if ((long) width * height >= spillPixels) {
            Optional<EncodedPng> spilled = spill(frame);
            if (spilled.isPresent()) {
                return new Encoded(spilled.get(), width, height, thumbnail, preview);
            }
        }
        PngEncoder.Deflated deflated = PngEncoder.deflate(width, height, frame.hasAlpha(), frame::writeSrgb8Row);
        frame = null;
        return new Encoded(new EncodedPng.InMemory(deflated.join()), width, height, thumbnail, preview);
    }

    // Empty if the temporary directory cannot take the file (full, read-only): the render then keeps it on the heap,
    // which a smaller photo still fits, rather than failing for want of disk.
    private static Optional<EncodedPng> spill(LinearImage frame) {
        Path file = null;
        try {
            file = Files.createTempFile("atelier-render-", ".png");
            long size;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                size = PngEncoder.write(frame.width(), frame.height(), frame.hasAlpha(), frame::writeSrgb8Row, out);
            }
            return Optional.of(new EncodedPng.Spilled(file, size));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write a render to a temporary file, keeping it in memory: " + e.getMessage());
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the warning above says why; a leftover temporary file is the operating system's to clear
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The decoded source as the renderer needs it: its linear frame (handed over once) and, for the drift measure,
     * only its thumbnail (what Drift reduces it to anyway), so the full 8-bit frame is not held while operations run.
     */
    private static final class Source {
        private LinearImage linear;
        private final BufferedImage thumbnail;
        private final int width;
        private final int height;
        private final boolean reduced;

        // the thumbnail is made from the frame as decoded, the way the result's is made from the rendered frame
        Source(LinearImage linear, int width, int height) {
            this.reduced = linear.width() != width || linear.height() != height;
            this.linear = linear;
            this.thumbnail = linear.thumbnail(Drift.ANALYSIS_SIDE);
            this.width = width;
            this.height = height;
        }

        LinearImage take() {
            LinearImage taken = linear;
            linear = null;
            return taken;
        }

        BufferedImage thumbnail() {
            return thumbnail;
        }

        int width() {
            return width;
        }

        /** Whether the frame was shrunk on load (already at a resize's size), so it is not the source's own frame. */
        boolean reduced() {
            return reduced;
        }

        int height() {
            return height;
        }
    }

    /**
     * A plain JPEG (see PlainJpeg) is decoded natively (libjpeg-turbo) straight to linear light; when the plan
     * starts by shrinking it, at the largest DCT reduction that still leaves the resize's target size, then
     * area-averaged to exactly the size a full decode would be resized to. A plain PNG (see PlainPng: what the
     * engine writes, so every parent after the upload) is read row by row straight into the frame, as it streams from
     * the store when the parent is a stored one. Anything else, or a fast path that fails, takes the ImageIO decoder,
     * which reports damage the way every input's is reported.
     */
    private Source source(ParentImage parent, EditPlan plan) throws RejectedImageException {
        Optional<ParentImage.Opener> opener = parent.opener();
        if (opener.isEmpty()) {
            return source(parent.take(), plan);
        }
        try (InputStream in = opener.get().open()) {
            switch (decoder.plainPng(in)) {
                case StreamedPng.Plain plain -> {
                    try {
                        Optional<LinearImage> frame = PngFrames.decode(plain.png());
                        if (frame.isPresent()) {
                            return new Source(frame.get(), plain.png().png().width(), plain.png().png().height());
                        }
                    } catch (RejectedImageException e) {
                        // damaged: read whole below, so the full decoder says what is wrong in the usual words
                    }
                }
                case StreamedPng.Whole whole -> {
                    return source(whole.bytes(), plan);
                }
            }
        } catch (IOException e) {
            throw new ParentImage.Unreadable(e);
        }
        // the end of the file asked for the full decoder (an EXIF turn after the pixels), or the rows were damaged:
        // read it whole, the usual way
        return source(parent.take(), plan);
    }

    private Source source(byte[] sourceImage, EditPlan plan) throws RejectedImageException {
        Optional<PlainJpeg> plain = decoder.plainJpeg(sourceImage);
        if (plain.isPresent()) {
            PlainJpeg jpeg = plain.get();
            Optional<int[]> target = plan.operations().isEmpty() || !(plan.operations().getFirst() instanceof Resize resize)
                    ? Optional.empty() : Optional.of(resize.size(jpeg.width(), jpeg.height()));
            int reduction = target.map(size -> NativeJpeg.reductionFor(jpeg, Math.max(size[0], size[1]))).orElse(1);
            Optional<LinearImage> decoded = NativeJpeg.decode(sourceImage, jpeg, reduction);
            if (decoded.isPresent()) {
                LinearImage linear = decoded.get();
                if (reduction > 1) {
                    linear = Resize.to(linear, target.get()[0], target.get()[1]);
                }
                return new Source(linear, jpeg.width(), jpeg.height());
            }
        }
        Optional<PlainPng> png = decoder.plainPng(sourceImage);
        if (png.isPresent()) {
            try {
                return new Source(PngFrames.decode(sourceImage, png.get()), png.get().width(), png.get().height());
            } catch (RejectedImageException e) {
                // the full decoder says what is wrong with the file in the words every other input's damage is reported in
            }
        }
        BufferedImage decoded = decoder.decode(sourceImage).image();
        return new Source(LinearImage.from(decoded), decoded.getWidth(), decoded.getHeight());
    }

    /**
     * Drift of a rendered step against another image of its session (the original upload), measured on
     * the step's thumbnail; the reference is decoded under the same limits as any input. Empty, and logged by the
     * caller, if the reference cannot be read: drift is a measure, never a reason to fail a render.
     */
    public Optional<DriftMeasures> driftAgainst(byte[] referenceImage, RenderOutcome.Rendered rendered) {
        return driftReference(referenceImage).map(reference -> driftAgainst(reference, rendered));
    }

    /** As {@link #driftAgainst(byte[], RenderOutcome.Rendered)}, against a reference made before (and kept) by {@link #driftReference}. */
    public DriftMeasures driftAgainst(DriftReference reference, RenderOutcome.Rendered rendered) {
        // the render's own side of the measure was worked out against its parent: of the same size, it is not done again
        return Drift.between(reference.thumbnail(), reference.width(), reference.height(), rendered.driftCandidate());
    }

    /**
     * An image (the original upload) made ready to measure drift against, or empty if it cannot be read. Only the
     * drift measure's thumbnail is needed: decoded as for a plan that starts by shrinking to that size, a plain JPEG is
     * read at the largest DCT reduction that still leaves it (at 24 MP, 1/8 scale: ~0.1 s where a full decode took
     * ~0.8 s), and the thumbnail is made from the linear frame, as every render's source thumbnail is.
     */
    public Optional<DriftReference> driftReference(byte[] image) {
        try {
            Source source = source(image, EditPlan.of("drift reference", "engine", List.of(new Resize(Drift.ANALYSIS_SIDE))));
            return Optional.of(new DriftReference(source.thumbnail(), source.width(), source.height()));
        } catch (RejectedImageException e) {
            return Optional.empty();
        }
    }

    /**
     * A first draft painted from a prompt, at {@code size} (a size the provider accepts is chosen
     * closest to it). Without a generative engine it fails, naming the settings to set.
     */
    public RenderOutcome draft(String prompt, Size size) {
        if (generative.isEmpty()) {
            return new RenderOutcome.Failed("Starting from a prompt needs a generative engine, and none is configured.",
                    "Set " + GENERATIVE_SETTINGS + " for the render workers, or start from a photo.", List.of());
        }
        GenerativeStage.Painted painted = generative.get().draft(prompt, size);
        Encoded encoded = encode(new AtomicReference<>(painted.image()));
        BufferedImage thumb = encoded.thumbnail();
        return new RenderOutcome.Rendered(EditPlan.of(prompt, "prompt", List.of(new Synthesize(prompt, Region.WHOLE))), encoded.png(),
                encoded.width(), encoded.height(), PngEncoder.encode(thumb), thumb.getWidth(), thumb.getHeight(), encoded.previewJpeg(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(painted.committed()), Optional.empty(),
                new DriftCandidate(thumb, encoded.width(), encoded.height()));
    }

    // With a generative engine, what the planner set aside as synthesis becomes one synthesize operation, run
    // first so the built-in edits of the same instruction (warmer, a crop) apply to the new content too.
    private PlanOutcome withSynthesis(PlanOutcome planned) {
        if (generative.isEmpty() || planned.synthesis().isEmpty() || !planned.notUnderstood().isEmpty() || !planned.missing().isEmpty()) {
            return planned;
        }
        List<Operation> ops = new ArrayList<>();
        ops.add(new Synthesize(String.join(", ", planned.synthesis()), SynthesisRegions.read(planned.synthesis())));
        ops.addAll(planned.plan().operations());
        EditPlan plan = EditPlan.of(planned.plan().instruction(), planned.plan().planner(), ops, planned.plan().notes());
        return new PlanOutcome(plan, List.of(), List.of(), List.of(), planned.notes(), planned.closest());
    }

    // Nothing is half-done: a step that cannot be fully rendered fails, saying what to do instead.
    private RenderOutcome refusal(PlanOutcome planned) {
        if (!planned.synthesis().isEmpty()) {
            return new RenderOutcome.Failed(
                    "This asks for new things to be painted into the picture (\"" + String.join("\", \"", planned.synthesis())
                            + "\"), which needs a generative engine, and none is configured (set " + GENERATIVE_SETTINGS + ").",
                    "The built-in engine edits what is already in the photo: light, colour, framing (crop, reframe, rotate), focus, text, and finishing "
                            + "touches such as steam, grain, dust in the light or a light leak. Try one of those (e.g. \"add soft light "
                            + "from the left\", \"blur the background\"), or branch from this step once a generative engine is set up.",
                    planned.synthesis());
        }
        if (!planned.missing().isEmpty()) {
            return new RenderOutcome.Failed("I need one more detail for \"" + String.join("\"; \"", planned.missing()) + "\".",
                    "Add that detail to the instruction and send it again.", List.of());
        }
        String reason = planned.notUnderstood().isEmpty()
                ? "The instruction asks for no change I can make."
                : "I did not understand: \"" + String.join("\", \"", planned.notUnderstood()) + "\""
                + (planned.plan().operations().isEmpty() ? "." : " (I did understand the rest, but will not half-do a step).");
        String hint = planned.closest().isEmpty() ? planner.capabilities()
                : "The closest things I can do: " + String.join("; ", planned.closest()) + ". " + planner.capabilities();
        return new RenderOutcome.Failed(reason, hint, planned.notUnderstood());
    }
}
