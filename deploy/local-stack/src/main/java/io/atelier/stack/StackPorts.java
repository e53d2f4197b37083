package io.atelier.stack;

/** The loopback ports of every part of the local stack. */
public record StackPorts(int kafka, int kafkaController, int postgres, int s3, int session, int gallery, int worker) {

    /** The fixed ports of {@code ./atelier up}, so URLs stay the same between runs. */
    public static StackPorts defaults() {
        return new StackPorts(19092, 19093, 15432, 19000, 8081, 8080, 8082);
    }

    /** Fresh free ports, for tests running beside anything else. */
    public static StackPorts random() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }
}
