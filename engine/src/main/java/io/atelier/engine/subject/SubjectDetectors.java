package io.atelier.engine.subject;

import java.nio.file.Path;

/** Picks the subject detector: the IS-Net model when it is installed, else the classical estimate. */
public final class SubjectDetectors {
    private SubjectDetectors() {
    }

    /** The detector to use, the method name its mattes carry, and why it was chosen. */
    public record Choice(SubjectDetector detector, String method, String description) {
    }

    /**
     * What the model needs beyond the JVM's heap: ONNX Runtime's weights and, during an inference, its activations
     * (allocated without its arena, so they are returned after each run). Measured ~0.95–1.0 GiB at the peak of a
     * render with the model against the same render without it (RenderMain bgblur at 24 and 50 MP); 1280 MiB leaves a
     * quarter to spare. docs/deploy.md, Memory.
     */
    public static final long MODEL_NATIVE_BYTES = 1280L << 20;
    /** The worker's own memory beyond its heap (JVM, OpenCV, the planner's sentence model): measured 240–270 MiB. */
    public static final long JVM_NATIVE_BYTES = 288L << 20;

    /** The memory a worker with {@code maxHeap} bytes of heap needs to load the model and render with it. */
    public static long bytesNeeded(long maxHeap) {
        return maxHeap + MODEL_NATIVE_BYTES + JVM_NATIVE_BYTES;
    }

    public static Choice choose(Path modelsDirectory) {
        return choose(modelsDirectory, Runtime.getRuntime().maxMemory(), memoryLimit());
    }

    /**
     * As {@link #choose(Path)}, for a JVM with {@code maxHeap} bytes of heap in a container (or machine) of
     * {@code memoryLimit} bytes: the model is loaded only if heap, model and the JVM's own needs fit under the limit,
     * so a worker too small for it renders with the classical estimate and says why, instead of being killed mid-render.
     */
    static Choice choose(Path modelsDirectory, long maxHeap, long memoryLimit) {
        long needed = bytesNeeded(maxHeap);
        if (IsNetModel.installed(modelsDirectory).isPresent() && memoryLimit < needed) {
            return new Choice(new CentrePriorGrabCut(), CentrePriorGrabCut.METHOD, String.format(java.util.Locale.ROOT,
                    "classical estimate (%s): the IS-Net model at %s is installed but NOT loaded: it needs %d MiB (heap %d + model %d + JVM %d)"
                            + " and this worker's memory limit is %d MiB; raise the limit or lower -Xmx (docs/deploy.md, Memory)",
                    CentrePriorGrabCut.METHOD, IsNetModel.file(modelsDirectory), needed >> 20, maxHeap >> 20, MODEL_NATIVE_BYTES >> 20,
                    JVM_NATIVE_BYTES >> 20, memoryLimit >> 20));
        }
        return IsNetModel.installed(modelsDirectory)
                .map(file -> new Choice(IsNetSegmenter.load(file, IsNetModel.METHOD), IsNetModel.METHOD, "IS-Net model " + file))
                .orElseGet(() -> new Choice(new CentrePriorGrabCut(), CentrePriorGrabCut.METHOD, "classical estimate (" + CentrePriorGrabCut.METHOD
                        + "): no model at " + IsNetModel.file(modelsDirectory) + "; install it with ./atelier models install isnet"));
    }

    // the container's memory limit when the JVM runs in one (the JDK reads cgroups), else the machine's memory
    private static long memoryLimit() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }
}
