package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * What the server shows of itself to the network: which sockets the Payara process listens on (read from
 * Linux's /proc, not from the configuration), the headers it sends, and what answers outside the
 * application ({@code /}, {@code /metrics}, {@code /health}).
 */
@ExtendWith(SystemExtension.class)
class ListenersIT {

    /** TCP state LISTEN in /proc/net/tcp. */
    private static final String LISTEN = "0A";

    @Test
    void thePayaraProcessListensOnLoopbackOnlyAndRunsNoJmsBrokerNorHttps(RunningSystem system) {
        List<Listening> sockets = listeningSockets(system.payaraProcess());
        int base = system.portBase();

        assertTrue(sockets.stream().anyMatch(s -> s.port() == base + 80), "HTTP is among " + sockets);
        assertTrue(sockets.stream().anyMatch(s -> s.port() == base + 48), "admin is among " + sockets);
        for (Listening socket : sockets) {
            assertFalse(socket.address().isAnyLocalAddress(), "listens on all interfaces: " + socket);
            // 127.0.0.0/8 or ::1 (InetAddress makes an IPv4-mapped ::ffff:127.0.0.1 plain 127.0.0.1)
            assertTrue(socket.address().isLoopbackAddress(), "listens beyond this machine: " + socket);
        }
        assertTrue(sockets.stream().noneMatch(s -> s.port() == base + 76), "the JMS broker is off: " + sockets);
        assertTrue(sockets.stream().noneMatch(s -> s.port() == base + 81), "HTTPS is off by default: " + sockets);
    }

    @Test
    void noAnswerNamesTheServerOrItsVersion(RunningSystem system) {
        Api anonymous = Api.anonymous(system);
        List<Reply> replies = List.of(
                anonymous.get("/login.xhtml"),
                Api.asAdmin(system).get("/api/me"),
                anonymous.get("/api/me"),
                anonymous.get("/no-such-page.xhtml"),
                anonymous.getFromServerRoot("/no-such-thing"),
                anonymous.getFromServerRoot("/"));
        assertEquals(200, replies.get(0).status(), replies.get(0)::toString);
        assertEquals(200, replies.get(1).status(), replies.get(1)::toString);
        assertEquals(401, replies.get(2).status(), replies.get(2)::toString);
        assertEquals(404, replies.get(3).status(), replies.get(3)::toString);
        assertEquals(404, replies.get(4).status(), replies.get(4)::toString);
        assertFalse(replies.get(4).body().contains("Payara"), "Payara's error page names it: " + replies.get(4));
        for (Reply reply : replies) {
            assertFalse(reply.header("Server").isPresent(), "Server header: " + reply.headers());
            assertFalse(reply.header("X-Powered-By").isPresent(), "X-Powered-By header: " + reply.headers());
        }
    }

    @Test
    void metricsAreNotPublic(RunningSystem system) {
        Api anonymous = Api.anonymous(system);
        for (String path : List.of("/metrics", "/metrics/base", "/metrics/vendor", "/metrics/application")) {
            Reply metrics = anonymous.getFromServerRoot(path);
            assertNotEquals(200, metrics.status(), path + " answered " + metrics);
            assertFalse(metrics.body().contains("# TYPE") || metrics.body().contains("memory"),
                    path + " shows metrics: " + metrics);
            assertFalse(metrics.body().contains("Payara"), path + " names the server: " + metrics);
        }
    }

    @Test
    void healthSaysNothingInternal(RunningSystem system) {
        Reply health = Api.anonymous(system).getFromServerRoot("/health");
        if (health.status() == 200 || health.status() == 503) {
            String body = health.body().toLowerCase(Locale.ROOT);
            for (String internal : List.of("pool", "jdbc", "heap", "memory", "thread", "cpu", "trustfund", "payara",
                    "hazelcast", "mysql", "mariadb", "version")) {
                assertFalse(body.contains(internal), "/health names " + internal + ": " + health);
            }
            assertTrue(body.length() < 200, "/health says more than up or down: " + health);
        } else {
            assertEquals(404, health.status(), health::toString);
        }
    }

    @Test
    void theServerRootLeadsToTheApplication(RunningSystem system) {
        Reply root = Api.anonymous(system).getFromServerRoot("/");
        assertEquals(302, root.status(), root::toString);
        URI rootUri = URI.create(system.baseUrl()).resolve("/");
        URI target = rootUri.resolve(root.header("Location").orElseThrow());
        assertEquals(URI.create(system.baseUrl() + "/"), target, "Location: " + root.headers());
        assertFalse(root.body().contains("Payara"), "no Payara welcome page: " + root);

        Reply application = Api.anonymous(system).get("/");
        assertTrue(application.status() == 200 || application.status() == 302, application::toString);
    }

    // ---------------------------------------------------------------------------------------------------

    private record Listening(InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    /**
     * The TCP sockets in LISTEN state that the process (or a process it started) holds: the socket inodes of
     * /proc/PID/fd, matched with the rows of /proc/PID/net/tcp and tcp6.
     */
    private static List<Listening> listeningSockets(ProcessHandle process) {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(child -> pids.add(child.pid()));
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                fds.forEach(fd -> {
                    try {
                        String link = Files.readSymbolicLink(fd).toString();
                        if (link.startsWith("socket:[")) {
                            inodes.add(link.substring("socket:[".length(), link.length() - 1));
                        }
                    } catch (NoSuchFileException e) {
                        // closed while we looked
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sockets of pid " + pid, e);
            }
        }
        assertFalse(inodes.isEmpty(), "the Payara process holds no sockets: is this Linux?");
        List<Listening> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(process.pid()), "net", table);
            List<String> rows;
            try {
                rows = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String row : rows.subList(1, rows.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] columns = row.trim().split("\\s+");
                if (columns[3].equals(LISTEN) && inodes.contains(columns[9])) {
                    String[] local = columns[1].split(":");
                    listening.add(new Listening(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        assertFalse(listening.isEmpty(), "found no listening socket of pid " + process.pid());
        return listening;
    }

    /** /proc/net/tcp* writes an address as 32-bit words in host (little-endian) byte order, in hex. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(hex, e);
        }
    }
}
