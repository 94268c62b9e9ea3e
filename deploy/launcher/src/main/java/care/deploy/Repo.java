package care.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Where things are in a checkout, found by walking up from the working directory. */
public final class Repo {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Repo() {
    }

    public static Path root() {
        String configured = System.getProperty("care.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/runtime/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the care-platform checkout: " + Path.of("").toAbsolutePath());
    }

    /** Laid out by the deploy/runtime module: the Kafka broker's classpath and the unpacked Keycloak. */
    public static Path runtime() {
        Path target = root().resolve("deploy/runtime/target");
        if (!Files.isDirectory(target.resolve("kafka-lib"))) {
            throw new IllegalStateException(target + " is missing: run ./mvnw install -pl deploy/runtime first");
        }
        return target;
    }

    /** The Keycloak distribution unpacked by deploy/runtime. */
    public static Path keycloakHome() {
        try (var dirs = Files.list(runtime())) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked in " + runtime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port nothing listens on, never one this JVM handed out before: a platform's ports are all chosen before its
     * processes bind them, and the system may offer a port again once the probe closes (a registry was once given
     * its own Kafka broker's port and did not start).
     */
    public static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
