package io.atelier.stack;

/** The loopback ports of every part of the local stack. */
public record StackPorts(int kafka, int kafkaController, int postgres, int s3, int session, int gallery, int worker) {

    /** The fixed ports of {@code ./atelier up}, so URLs stay the same between runs. */
    public static StackPorts defaults() {
        return new StackPorts(19092, 19093, 15432, 19000, 8081, 8080, 8082);
    }

    /**
     * Ports of Kafka node {@code id}: node 1 uses {@link #kafka()} and {@link #kafkaController()}; the fixed ports of
     * {@code ./atelier up} continue two by two (19094/19095, 19096/19097), random ports stay random.
     */
    KafkaBroker.Node kafkaNode(int id) {
        if (id == 1) {
            return new KafkaBroker.Node(1, kafka, kafkaController);
        }
        if (equals(defaults())) {
            return new KafkaBroker.Node(id, kafka + 2 * (id - 1), kafkaController + 2 * (id - 1));
        }
        return new KafkaBroker.Node(id, Ports.free(), Ports.free());
    }

    /** Fresh free ports, for tests running beside anything else. */
    public static StackPorts random() {
        return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }
}
