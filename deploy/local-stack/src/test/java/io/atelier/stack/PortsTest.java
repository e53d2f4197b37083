package io.atelier.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portsForServersComeFromBelowTheRangeOutgoingConnectionsUseAndAreNeverHandedOutTwice() throws Exception {
        int ephemeralLow = Ports.ephemeralLow();
        org.junit.jupiter.api.Assumptions.assumeTrue(ephemeralLow >= 21_000,
                "this machine's ephemeral ports start at " + ephemeralLow + ", leaving no room below them: the kernel chooses");
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = Ports.free();
            assertThat(port).as("a server port").isBetween(20_000, Math.min(ephemeralLow, 32_768) - 1);
            assertThat(ports.add(port)).as("port %d handed out once", port).isTrue();
        }
        int port = Ports.free();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortAServerHoldsIsNotHandedOut() throws Exception {
        Set<Integer> handed = new HashSet<>();
        try (ServerSocket held = new ServerSocket(Ports.free(), 1, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 500; i++) {
                handed.add(Ports.free());
            }
            assertThat(handed).doesNotContain(held.getLocalPort());
        }
    }
}
