package care.bench;

import care.deploy.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The machine's own limits, taken on the stack's PostgreSQL and Kafka in the same run as the platform's figures. */
final class Raw {

    private Raw() {
    }

    static Connection connect(Stack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.infra.postgres.jdbcUrl(database), "postgres", "postgres");
    }

    /**
     * The least an approval's way into the registry can cost: a row committed in PostgreSQL, then a record produced
     * with acks=all and read back by a consumer, offered at {@code rate} per second and timed as the approvals are
     * (from the moment each was due). The platform does this twice (filing, then registry) plus its own work.
     */
    static Load.Result commitAndProduce(Stack stack, int rate, double seconds) throws Exception {
        stack.infra.postgres.createDatabaseIfMissing("bench");
        String topic = "bench-round-trip";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infra.kafka.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
        }
        int connections = 8;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection c = connect(stack, "bench");
            pool.add(c);
        }
        try (Statement ddl = pool.peek().createStatement()) {
            ddl.execute("create table if not exists round_trip (id uuid primary key, at timestamptz not null, "
                    + "body text not null)");
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafka.bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all"); // as the services' outbox relays send
        Map<String, CompletableFuture<Integer>> seen = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch positioned = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafka.bootstrapServers());
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                positioned.countDown();
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                        CompletableFuture<Integer> f = seen.remove(r.key());
                        if (f != null) {
                            f.complete(200);
                        }
                    });
                }
            }
        }, "bench-round-trip");
        reader.setDaemon(true);
        reader.start();
        positioned.await(60, TimeUnit.SECONDS);
        ExecutorService writers = Executors.newFixedThreadPool(connections);
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            return Load.fixedRate(rate, seconds, i -> {
                String id = UUID.randomUUID().toString();
                CompletableFuture<Integer> done = new CompletableFuture<>();
                seen.put(id, done);
                writers.execute(() -> {
                    Connection c = null;
                    try {
                        c = pool.take();
                        try (PreparedStatement insert = c.prepareStatement(
                                "insert into round_trip (id, at, body) values (?, now(), ?)")) {
                            insert.setObject(1, UUID.fromString(id));
                            insert.setString(2, "{\"type\":\"BenchRoundTrip\",\"n\":" + i + "}");
                            insert.executeUpdate(); // autocommit: one commit each
                        }
                        producer.send(new ProducerRecord<>(topic, id, "{\"n\":" + i + "}"), (meta, error) -> {
                            if (error != null) {
                                seen.remove(id);
                                done.complete(500);
                            }
                        });
                    } catch (Exception e) {
                        seen.remove(id);
                        done.complete(500);
                    } finally {
                        if (c != null) {
                            pool.add(c);
                        }
                    }
                });
                return done.orTimeout(60, TimeUnit.SECONDS);
            });
        } finally {
            running.set(false);
            reader.join(5000);
            writers.shutdownNow();
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    /**
     * Single-row inserts, each committed on its own, by {@code clients} connections for {@code seconds}: what the
     * database takes of the smallest write a finance result could be, at the concurrency the finance clients use.
     */
    static double singleRowInserts(Stack stack, int clients, double seconds) throws Exception {
        stack.infra.postgres.createDatabaseIfMissing("bench");
        try (Connection c = connect(stack, "bench"); Statement ddl = c.createStatement()) {
            ddl.execute("create table if not exists single_row (id uuid primary key, instruction_id uuid not null, "
                    + "outcome text not null, amount_fen bigint not null, bank_reference text, paid_on date, "
                    + "at timestamptz not null default now())");
        }
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            pool.execute(() -> {
                try (Connection c = connect(stack, "bench"); PreparedStatement insert = c.prepareStatement(
                        "insert into single_row (id, instruction_id, outcome, amount_fen, bank_reference, paid_on) "
                                + "values (?, ?, 'PAID', 60000, 'B1', current_date)")) {
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, UUID.randomUUID());
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) seconds + 60, TimeUnit.SECONDS);
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * A batch's rows written again by one INSERT … SELECT each, into copies of payment_line and payment_instruction
     * with the same columns, keys, constraints and indexes (LIKE … INCLUDING ALL; not the foreign keys, which LIKE
     * does not copy): the cost of the writes alone, without deciding who is owed what. Seconds.
     */
    static double insertSelect(Stack stack, String batchId) throws SQLException {
        try (Connection c = connect(stack, "subsidy"); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_payment_instruction, bench_payment_line");
            s.execute("create table bench_payment_line (like payment_line including all)");
            s.execute("create table bench_payment_instruction (like payment_instruction including all)");
            c.setAutoCommit(false);
            long start = System.nanoTime();
            s.executeUpdate("insert into bench_payment_line overriding system value select l.* from payment_line l "
                    + "where l.id in (select line_id from payment_instruction where batch_id = '" + batchId + "')");
            s.executeUpdate("insert into bench_payment_instruction overriding system value "
                    + "select * from payment_instruction where batch_id = '" + batchId + "'");
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            s.execute("drop table bench_payment_instruction, bench_payment_line");
            return seconds;
        }
    }
}
