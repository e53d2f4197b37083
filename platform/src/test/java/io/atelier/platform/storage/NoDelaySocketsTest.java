package io.atelier.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Every socket the S3 client gets sends at once: connected or not, by host name or by address. */
class NoDelaySocketsTest {

    @Test
    void everySocketHasNaglesAlgorithmOff() throws Exception {
        NoDelaySockets sockets = new NoDelaySockets();
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
             Socket unconnected = sockets.createSocket();
             Socket byName = sockets.createSocket("localhost", server.getLocalPort());
             Socket byAddress = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket fromLocal = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort(), InetAddress.getLoopbackAddress(), 0)) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            for (Socket s : new Socket[] {byName, byAddress, fromLocal}) {
                assertThat(s.isConnected()).isTrue();
                assertThat(s.getTcpNoDelay()).as("%s", s).isTrue();
            }
        }
    }
}
