package io.atelier.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many Kafka nodes the stack runs, and what it refuses: the broker-kill system test covers the running cluster. */
class KafkaClusterShapeTest {

    @Test
    void threeNodesReplicateThreeTimesWithTwoInSync() {
        assertThat(KafkaBroker.Replication.forNodes(3)).isEqualTo(new KafkaBroker.Replication(3, 2));
        assertThat(KafkaBroker.Replication.forNodes(1)).isEqualTo(new KafkaBroker.Replication(1, 1));
    }

    @Test
    void fixedPortsContinueTwoByTwoAndRandomPortsStayDistinct() {
        StackPorts fixed = StackPorts.defaults();
        assertThat(fixed.kafkaNode(1)).isEqualTo(new KafkaBroker.Node(1, 19092, 19093));
        assertThat(fixed.kafkaNode(3)).isEqualTo(new KafkaBroker.Node(3, 19096, 19097));
        StackPorts random = StackPorts.random();
        KafkaBroker.Node second = random.kafkaNode(2);
        assertThat(second.port()).isNotIn(random.kafka(), random.kafkaController(), second.controllerPort());
    }

    @Test
    void refusesToStartTheOtherClusterShapeOnExistingData(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("kafka/data"));
        assertThatThrownBy(() -> LocalStack.start(Path.of("."), data, StackPorts.random(), 1, 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1-broker Kafka").hasMessageContaining("--brokers 1");
    }

    @Test
    void acceptsOnlyOneOrThreeBrokers(@TempDir Path data) {
        assertThatThrownBy(() -> LocalStack.start(Path.of("."), data, StackPorts.random(), 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 3");
    }
}
