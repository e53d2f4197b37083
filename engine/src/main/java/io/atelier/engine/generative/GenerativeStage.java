package io.atelier.engine.generative;

import io.atelier.engine.image.LinearImage;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.subject.SubjectMatte;
import io.atelier.imaging.DecodedImage;
import io.atelier.imaging.ImageDecoder;
import io.atelier.imaging.ImageLimits;
import io.atelier.imaging.PngEncoder;
import io.atelier.imaging.RejectedImageException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Runs a generative operation so that only what the instruction points at changes. With a region, a
 * padded crop around it is scaled to a size the provider accepts, sent with a mask of the region, and
 * the answer scaled back and composited at full resolution through the region's feathered mask, narrowed
 * to where the answer really changed ({@link ChangeMask}). Without a region, the whole image is sent and
 * only the regions that really changed are kept.
 * Either way every pixel outside the committed mask is the parent's, exactly.
 */
public final class GenerativeStage {
    /** Padding around the region's box, as a fraction of the box's size on each side. */
    static final double PADDING = 0.15;

    private final GenerativeEngine engine;
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    public GenerativeStage(GenerativeEngine engine) {
        this.engine = engine;
    }

    public String provider() {
        return engine.provider();
    }

    /**
     * What was committed: the provider's provenance and raw answer, the committed mask (grey PNG at the
     * result's size, white = new content), the share of the frame it covers, and how it was found.
     */
    public record Committed(Provenance provenance, byte[] maskPng, double fraction, String mode, byte[] rawAnswer, String rawAnswerType) {
        /** A region was named: the answer was committed through its mask. */
        public static final String REGION = "region";
        /** No region: only what changed was committed. */
        public static final String CHANGES = "changes";
        /** Painted from a prompt alone: all of it is new. */
        public static final String DRAFT = "draft";
    }

    /** The result image and what was committed. */
    public record Painted(LinearImage image, Committed committed) {
    }

    /** Paints {@code op} on {@code image}; {@code subject} is asked only if the region needs it. */
    public Painted paint(Operation.Generative op, LinearImage image, Supplier<SubjectMatte> subject) {
        Optional<float[]> mask = SynthesisMasks.mask(op.region(), image, subject);
        return mask.isPresent() ? inRegion(op, image, mask.get()) : whereChanged(op, image);
    }

    /** A picture painted from nothing at the accepted size closest in shape to {@code size}; all of it is new. */
    public Painted draft(String prompt, Size size) {
        Size sent = engine.closestSize(size.width(), size.height());
        Generation answer = engine.generate(GenerationRequest.draft(prompt, sent));
        LinearImage image = decode(answer);
        float[] all = new float[image.width() * image.height()];
        java.util.Arrays.fill(all, 1f);
        return new Painted(image, committed(answer, all, image.width(), image.height(), Committed.DRAFT));
    }

    private Painted inRegion(Operation.Generative op, LinearImage image, float[] mask) {
        int w = image.width();
        int h = image.height();
        int[] box = box(mask, w, h);
        if (box == null) {
            throw new GenerationException(GenerationException.Kind.REJECTED, "The region for \"" + op.prompt() + "\" is empty in this image.",
                    "Name another region (the subject, the background, a side), or leave the region out.", Optional.empty());
        }
        int bw = box[2] - box[0];
        int bh = box[3] - box[1];
        Size size = engine.closestSize(bw, bh);
        int[] crop = fitAspect(box, size, w, h);
        int cx = crop[0];
        int cy = crop[1];
        int cw = crop[2] - crop[0];
        int ch = crop[3] - crop[1];
        LinearImage sent = Planes.scale(image.region(cx, cy, cw, ch), size.width(), size.height());
        float[] cropMask = new float[cw * ch];
        for (int row = 0; row < ch; row++) {
            System.arraycopy(mask, (cy + row) * w + cx, cropMask, row * cw, cw);
        }
        float[] sentMask = Planes.scaleMask(cropMask, cw, ch, size.width(), size.height());
        Generation answer = engine.generate(new GenerationRequest(op.prompt(), Optional.of(PngEncoder.encode(sent.toBufferedImage())),
                Optional.of(Planes.repaintMaskPng(sentMask, size.width(), size.height())), size, OptionalLong.empty()));
        LinearImage reply = Planes.scale(decode(answer), size.width(), size.height());
        // inside the region, too, only what really changed is kept: a model repaints the whole masked area
        // (and often a little outside it), and unchanged surroundings must stay the parent's own pixels
        ChangeMask.Found found = ChangeMask.find(sent, reply);
        float[] changed = Planes.scaleMask(found.mask(), size.width(), size.height(), cw, ch);
        float[] committed = new float[w * h];
        for (int row = 0; row < ch; row++) {
            for (int col = 0; col < cw; col++) {
                int i = (cy + row) * w + cx + col;
                committed[i] = mask[i] * changed[row * cw + col];
            }
        }
        requireChange(committed, answer);
        LinearImage edited = Planes.paste(image, Planes.scale(found.aligned(), cw, ch), cx, cy);
        LinearImage result = image.blend(edited, committed);
        return new Painted(result, committed(answer, committed, w, h, Committed.REGION));
    }

    private Painted whereChanged(Operation.Generative op, LinearImage image) {
        int w = image.width();
        int h = image.height();
        Size size = engine.closestSize(w, h);
        LinearImage sent = Planes.scale(image, size.width(), size.height());
        Generation answer = engine.generate(new GenerationRequest(op.prompt(), Optional.of(PngEncoder.encode(sent.toBufferedImage())),
                Optional.empty(), size, OptionalLong.empty()));
        LinearImage reply = Planes.scale(decode(answer), size.width(), size.height());
        // compared at the size that was sent, so the parent went through the same resampling as the answer's input
        ChangeMask.Found found = ChangeMask.find(sent, reply);
        float[] mask = Planes.scaleMask(found.mask(), size.width(), size.height(), w, h);
        requireChange(mask, answer);
        LinearImage edited = Planes.scale(found.aligned(), w, h);
        LinearImage result = image.blend(edited, mask);
        return new Painted(result, committed(answer, mask, w, h, Committed.CHANGES));
    }

    private void requireChange(float[] mask, Generation answer) {
        for (float v : mask) {
            if (v > 0f) {
                return;
            }
        }
        throw new GenerationException(GenerationException.Kind.REJECTED, engine.provider() + " answered, but changed nothing visible where the instruction points.",
                "Say more precisely what to add or remove and where (e.g. \"next to the cup\", \"on the left\").", Optional.of(answer.rawAnswer()));
    }

    private static Committed committed(Generation answer, float[] mask, int w, int h, String mode) {
        double sum = 0;
        for (float v : mask) {
            sum += v;
        }
        return new Committed(answer.provenance(), Planes.greyPng(mask, w, h), sum / mask.length, mode, answer.rawAnswer(), answer.rawAnswerType());
    }

    private LinearImage decode(Generation answer) {
        try {
            DecodedImage decoded = decoder.decode(answer.image());
            return LinearImage.from(decoded.image());
        } catch (RejectedImageException e) {
            throw new GenerationException(GenerationException.Kind.REJECTED, engine.provider() + " answered with an image that cannot be read: " + e.getMessage(),
                    "Try again; if it keeps happening, check the provider's output format setting.", Optional.of(answer.rawAnswer()));
        }
    }

    // Bounding box {x0, y0, x1, y1} (exclusive ends) of the mask's non-zero pixels, padded; null when the mask is empty.
    static int[] box(float[] mask, int w, int h) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] > 0f) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        int padX = (int) Math.max(16, (x1 - x0 + 1) * PADDING);
        int padY = (int) Math.max(16, (y1 - y0 + 1) * PADDING);
        return new int[] {Math.max(0, x0 - padX), Math.max(0, y0 - padY), Math.min(w, x1 + 1 + padX), Math.min(h, y1 + 1 + padY)};
    }

    // Grows the box to the aspect of the size sent, centred on it and kept inside the image (shifted, then cut if it must be).
    static int[] fitAspect(int[] box, Size size, int w, int h) {
        double aspect = (double) size.width() / size.height();
        double bw = box[2] - box[0];
        double bh = box[3] - box[1];
        if (bw / bh < aspect) {
            bw = bh * aspect;
        } else {
            bh = bw / aspect;
        }
        int cw = (int) Math.min(w, Math.round(bw));
        int ch = (int) Math.min(h, Math.round(bh));
        double cx = (box[0] + box[2]) / 2.0;
        double cy = (box[1] + box[3]) / 2.0;
        int x0 = (int) Math.round(cx - cw / 2.0);
        int y0 = (int) Math.round(cy - ch / 2.0);
        x0 = Math.max(0, Math.min(w - cw, x0));
        y0 = Math.max(0, Math.min(h - ch, y0));
        return new int[] {x0, y0, x0 + cw, y0 + ch};
    }
}
