package io.atelier.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers. */
final class Ports {
    private Ports() {
    }

    // below the kernel's ephemeral range (and above ./atelier up's fixed ports), where only servers bind
    private static final int LOW = 20_000;
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago and that no outgoing connection will take before a server binds it. A port
     * from the kernel's ephemeral range can be: a client that keeps reconnecting to a stopped server can take the very
     * port it dials as its own local port (TCP connects to itself), and a Kafka node then failed to start with "Address
     * already in use". Ports below that range are handed out at most once per JVM.
     */
    static int free() {
        int high = Math.min(ephemeralLow(), 32_768);
        java.util.random.RandomGenerator random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; high - LOW >= 1_000 && attempt < 500; attempt++) {
            int port = LOW + random.nextInt(high - LOW);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // an unusual port range: the kernel's choice, as before
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers bind: a port whose last connection is in TIME_WAIT is usable
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // Linux says where outgoing connections take their ports; elsewhere assume the IANA range's start
    static int ephemeralLow() {
        try {
            // readString trusts the size procfs reports and returned "3" here; reading lines reads to the end
            String range = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    static boolean inUse(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
