package io.atelier.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the tests run on containers and when on the embedded stack. The container path itself needs an engine, which CI lacks. */
class InfrastructureChoiceTest {

    @Test
    void noEngineMeansEmbedded() {
        InfrastructureChoice choice = InfrastructureChoice.detect(Optional.empty(), Map.of("HOME", "/home/a"), p -> false);
        assertThat(choice.kind()).isEqualTo(InfrastructureChoice.Kind.EMBEDDED);
        assertThat(choice.reason()).contains("no Docker engine", "/var/run/docker.sock", "/home/a/.docker/run/docker.sock");
    }

    @Test
    void aDockerSocketMeansContainers() {
        Set<Path> present = Set.of(Path.of("/run/user/1000/docker.sock"));
        InfrastructureChoice choice = InfrastructureChoice.detect(Optional.empty(), Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), present::contains);
        assertThat(choice).isEqualTo(new InfrastructureChoice(InfrastructureChoice.Kind.CONTAINERS, "Docker socket /run/user/1000/docker.sock"));
        assertThat(InfrastructureChoice.detect(Optional.empty(), Map.of(), Path.of("/var/run/docker.sock")::equals).kind())
                .isEqualTo(InfrastructureChoice.Kind.CONTAINERS);
    }

    @Test
    void dockerHostMeansContainers() {
        InfrastructureChoice choice = InfrastructureChoice.detect(Optional.empty(), Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), p -> false);
        assertThat(choice.kind()).isEqualTo(InfrastructureChoice.Kind.CONTAINERS);
        assertThat(choice.reason()).contains("tcp://10.0.0.5:2375");
    }

    @Test
    void thePropertyDecidesOutright() {
        assertThat(InfrastructureChoice.detect(Optional.of("embedded"), Map.of("DOCKER_HOST", "unix:///x"), p -> true).kind())
                .isEqualTo(InfrastructureChoice.Kind.EMBEDDED);
        assertThat(InfrastructureChoice.detect(Optional.of("containers"), Map.of(), p -> false).kind())
                .isEqualTo(InfrastructureChoice.Kind.CONTAINERS);
        assertThatThrownBy(() -> InfrastructureChoice.detect(Optional.of("docker"), Map.of(), p -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded or containers");
    }

    @Test
    void onThisMachineTheChoiceIsExplained() {
        // whatever this machine has, the answer names its reason (CI here has no engine: embedded)
        InfrastructureChoice choice = InfrastructureChoice.detect();
        assertThat(choice.reason()).isNotBlank();
    }

    @Test
    void aReplicatedClusterRunsEmbeddedOnly() {
        assertThatThrownBy(() -> LocalStack.start(Path.of("."), Path.of("target/unused"), StackPorts.random(), 1, 3,
                InfrastructureChoice.Kind.CONTAINERS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded only");
    }
}
