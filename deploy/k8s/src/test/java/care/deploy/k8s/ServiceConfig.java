package care.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's application.properties says about its deployment: the topics it reads and writes (SmallRye
 * Kafka channels, their dead-letter topics included), its consumer groups, and the environment variables it cannot
 * start without.
 */
record ServiceConfig(String name, Set<String> writes, Set<String> reads, Set<String> groups,
        Set<String> requiredVariables, Set<String> variables, Properties properties) {

    /** The modules that are deployed, each with its application.properties. */
    static final Set<String> MODULES = Set.of("registry-service", "filing-service", "subsidy-service", "gateway", "portal");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");
    private static final String KAFKA = "smallrye-kafka";

    static ServiceConfig of(String module) throws IOException {
        Path file = Overlays.repoRoot().resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return of(properties);
    }

    static ServiceConfig of(Properties properties) {
        String name = properties.getProperty("quarkus.application.name");
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            // mp.messaging.<direction>.<channel>.connector; a profile's key (%test.) is not production's
            if (parts.length != 5 || !key.startsWith("mp.messaging.") || !parts[4].equals("connector")
                    || !KAFKA.equals(properties.getProperty(key))) {
                continue;
            }
            String prefix = "mp.messaging." + parts[2] + "." + parts[3] + ".";
            String topic = properties.getProperty(prefix + "topic", parts[3]);
            if (parts[2].equals("outgoing")) {
                writes.add(topic);
                continue;
            }
            reads.add(topic);
            // Quarkus's default group id is the application's name
            groups.add(properties.getProperty(prefix + "group.id", name));
            if ("dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy"))) {
                // SmallRye's default dead-letter topic is dead-letter-topic-<channel>
                writes.add(properties.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + parts[3]));
            }
        }
        Set<String> required = new TreeSet<>();
        Set<String> variables = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(properties.getProperty(key));
            while (matcher.find()) {
                variables.add(matcher.group(1));
                // no default, or an empty one: the service refuses to start (or runs without what it needs); a
                // default on this machine (the local stack's addresses) or the database credentials: it would start
                // and talk to the wrong place, or as the local stack's superuser
                String fallback = matcher.group(2) == null ? "" : matcher.group(3);
                if (fallback.isEmpty() || fallback.contains("localhost") || fallback.contains("127.0.0.1")
                        || key.startsWith("quarkus.datasource.username") || key.startsWith("quarkus.datasource.password")) {
                    required.add(matcher.group(1));
                }
            }
        }
        return new ServiceConfig(name, writes, reads, groups, required, variables, properties);
    }

    boolean usesKafka() {
        return !writes.isEmpty() || !reads.isEmpty();
    }

    /** The variable a property takes its value from, e.g. REGISTRY_DB_URL for quarkus.datasource.jdbc.url. */
    Optional<String> variableOf(String property) {
        String value = properties.getProperty(property);
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The Kafka ACLs this service needs, as topic|group:name:Operation. */
    Set<String> expectedAcls() {
        Set<String> acls = new TreeSet<>();
        writes.forEach(topic -> {
            acls.add("topic:" + topic + ":Write");
            acls.add("topic:" + topic + ":Describe");
        });
        reads.forEach(topic -> {
            acls.add("topic:" + topic + ":Read");
            acls.add("topic:" + topic + ":Describe");
        });
        groups.forEach(group -> acls.add("group:" + group + ":Read"));
        return acls;
    }
}
