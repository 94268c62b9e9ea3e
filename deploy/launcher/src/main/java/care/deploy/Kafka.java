package care.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A single-node Kafka broker in KRaft mode, run as a child JVM from the kafka_2.13 jars. */
public final class Kafka implements AutoCloseable {

    public static final List<String> TOPICS = List.of("filing-events", "registry-events", "subsidy-events");

    private final ChildProcess process;
    private final int port;

    private Kafka(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Kafka start(Path dir, int port, int controllerPort) {
        Path classpath = Repo.runtime().resolve("kafka-lib");
        Path logDirs = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        Path logConfig = dir.resolve("log4j2.properties");
        try {
            Files.createDirectories(logDirs);
            Files.writeString(logConfig, String.join("\n",
                    "appender.out.type=Console",
                    "appender.out.name=OUT",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=OUT",
                    "logger.state.name=state.change.logger",
                    "logger.state.level=WARN",
                    ""));
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + logDirs,
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cp = classpath + "/*";
        Path log = dir.resolve("kafka.log");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ChildProcess format = ChildProcess.start("kafka-storage-format",
                    List.of(Repo.javaBinary(), "-Xmx256m", "-cp", cp, "kafka.tools.StorageTool",
                            "format", "--cluster-id=" + clusterId(), "-c", config.toString()),
                    Map.of(), dir, log);
            try {
                if (format.waitFor() != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        ChildProcess broker = ChildProcess.start("kafka",
                List.of(Repo.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                        "-Dlog4j2.configurationFile=" + logConfig, "-cp", cp,
                        "kafka.Kafka", config.toString()),
                Map.of(), dir, log);
        Kafka kafka = new Kafka(broker, port);
        // a minute was not enough on the shared 2-core machine at load 35 (47 s from the first log line, more to start the JVM)
        broker.awaitReady(() -> broker.logContains("Kafka Server started"), Duration.ofSeconds(120));
        kafka.createTopics();
        return kafka;
    }

    /**
     * One topic per producing service, made before any service starts, so that no consumer
     * waits on a topic that auto-creation makes only when the first event arrives.
     */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the platform's topics", e);
        }
    }

    // KRaft cluster ids are 16 random bytes in URL-safe base64 (which may start with "-": hence --cluster-id=)
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The broker's process, for a fault test or the supervisor to kill and start again. */
    public ChildProcess process() {
        return process;
    }

    /** Starts the broker again after it died, on its port and data, and waits until it serves. */
    public void startAgain() {
        process.restart();
        process.awaitReady(Duration.ofSeconds(90));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
