package care.deploy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** Reads and writes the test broker's topics directly, as another service would. */
public final class TestTopics {

    private TestTopics() {
    }

    public static void publish(String topic, String key, String value) {
        publish(topic, key, List.of(value));
    }

    /** One record with headers, as another service's producer would send them (a traceparent, say). */
    public static void publish(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        send(List.of(record));
    }

    /** Several records of one key, sent together (a consumer then most likely receives them in one poll). */
    public static void publish(String topic, String key, List<String> values) {
        send(values.stream().map(value -> new ProducerRecord<>(topic, key, value)).toList());
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, CareTestResource.infra().kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + records.get(0).topic() + " failed", e.getCause());
        }
    }

    /**
     * Every record of {@code topic} matching {@code match}, read from the beginning: waits up to {@code wait} for
     * the first, then two more seconds so that a duplicate would be seen too.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Duration wait,
                                                            Predicate<ConsumerRecord<String, String>> match) {
        return read(CareTestResource.infra().kafka.bootstrapServers(), topic, wait, match);
    }

    /** As {@link #read(String, Duration, Predicate)}, from the broker at {@code bootstrapServers}. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, Duration wait,
                                                            Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
            if (!found.isEmpty()) {
                consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
