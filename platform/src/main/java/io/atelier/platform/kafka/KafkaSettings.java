package io.atelier.platform.kafka;

import io.smallrye.config.ConfigMapping;

/** How services reach the Kafka cluster. */
@ConfigMapping(prefix = "atelier.kafka")
public interface KafkaSettings {
    String bootstrapServers();
}
