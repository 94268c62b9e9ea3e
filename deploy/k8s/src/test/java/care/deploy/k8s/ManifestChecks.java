package care.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The checks of one rendered overlay: each returns what is wrong, in words, so that a test lists every problem at
 * once. The services' side comes from their application.properties ({@link ServiceConfig}), never from a copy.
 */
final class ManifestChecks {

    /** What the Ingress may expose: the API, the portal, the published OpenAPI document. */
    static final Set<String> PUBLIC_PATHS = Set.of("/api", "/portal", "/openapi");
    /** What the Keycloak Ingress may expose (Keycloak's guide: the realms' endpoints and their static resources). */
    static final Set<String> KEYCLOAK_PUBLIC_PATHS = Set.of("/realms/", "/resources/");
    /** The address components/notifier-egress ships with, for the environment to replace. */
    static final String NOTIFIER_PLACEHOLDER = "192.0.2.10/32";
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(:\\d+)?/([^?]+).*");
    private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private final List<ObjectNode> docs;
    private final Map<String, ServiceConfig> services;
    private final List<String> problems = new ArrayList<>();

    private ManifestChecks(List<ObjectNode> docs, Map<String, ServiceConfig> services) {
        this.docs = docs;
        this.services = services;
    }

    /** Every problem of the rendered resources, against the services' configuration and the production realm. */
    static List<String> problems(List<ObjectNode> docs, Map<String, ServiceConfig> services, JsonNode productionRealm) {
        ManifestChecks checks = new ManifestChecks(docs, services);
        checks.typedModels();
        checks.namespaces();
        checks.topics();
        checks.kafkaUsers();
        checks.replication();
        services.values().forEach(checks::deployment);
        checks.ingress();
        checks.networkPolicies();
        checks.postgres();
        checks.realmImport(productionRealm);
        return checks.problems;
    }

    private void typedModels() {
        for (ObjectNode doc : docs) {
            try {
                TypedModels.unknownFields(TypedModels.read(doc)).forEach(field ->
                        problems.add(name(doc) + ": unknown field " + field));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /** Everything in the one namespace the overlay makes: a resource outside it would go wherever kubectl points. */
    private void namespaces() {
        List<ObjectNode> namespaces = ofKind("Namespace");
        if (namespaces.size() != 1) {
            problems.add(namespaces.size() + " Namespaces rendered, not one");
            return;
        }
        String namespace = nameOf(namespaces.get(0));
        docs.stream()
                .filter(doc -> !doc.path("kind").asText().equals("Namespace"))
                .filter(doc -> !namespace.equals(doc.at("/metadata/namespace").asText()))
                .forEach(doc -> problems.add(name(doc) + " is not in the namespace " + namespace));
    }

    // --- Kafka ---

    private void topics() {
        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : ofKind("KafkaTopic")) {
            declared.add(text(topic, "spec/topicName").orElse(topic.path("metadata").path("name").asText()));
            clusterLabel(topic);
        }
        Set<String> used = new TreeSet<>();
        for (ServiceConfig service : services.values()) {
            for (String topic : union(service.reads(), service.writes())) {
                used.add(topic);
                if (!declared.contains(topic)) {
                    problems.add(service.name() + " uses topic " + topic + " but no KafkaTopic declares it");
                }
            }
        }
        declared.stream().filter(topic -> !used.contains(topic))
                .forEach(topic -> problems.add("KafkaTopic " + topic + " is used by no service"));
    }

    private void kafkaUsers() {
        Map<String, ObjectNode> users = ofKind("KafkaUser").stream()
                .collect(Collectors.toMap(user -> user.path("metadata").path("name").asText(), user -> user));
        for (ServiceConfig service : services.values()) {
            ObjectNode user = users.remove(service.name());
            if (!service.usesKafka()) {
                continue;
            }
            if (user == null) {
                problems.add(service.name() + " uses Kafka but has no KafkaUser of its name");
                continue;
            }
            clusterLabel(user);
            if (!"scram-sha-512".equals(user.at("/spec/authentication/type").asText())) {
                problems.add("KafkaUser " + service.name() + " does not authenticate with scram-sha-512");
            }
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if (!"literal".equals(acl.at("/resource/patternType").asText("literal"))
                        || !"allow".equals(acl.path("type").asText("allow"))) {
                    problems.add("KafkaUser " + service.name() + " has an ACL that is not a literal allow: " + acl);
                }
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(acl.at("/resource/type").asText() + ":" + acl.at("/resource/name").asText() + ":"
                            + operation.asText());
                }
            }
            Set<String> expected = service.expectedAcls();
            difference(granted, expected).forEach(acl ->
                    problems.add("KafkaUser " + service.name() + " is allowed " + acl + ", which its configuration does not use"));
            difference(expected, granted).forEach(acl ->
                    problems.add("KafkaUser " + service.name() + " lacks " + acl + ", which its configuration needs"));
        }
        users.keySet().forEach(user -> problems.add("KafkaUser " + user + " belongs to no service"));

        for (ObjectNode kafka : ofKind("Kafka")) {
            if (!"simple".equals(kafka.at("/spec/kafka/authorization/type").asText())) {
                problems.add("Kafka " + name(kafka) + " does not enforce ACLs (spec.kafka.authorization simple)");
            }
            for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                if (!listener.path("tls").asBoolean() || !"scram-sha-512".equals(listener.at("/authentication/type").asText())) {
                    problems.add("Kafka listener " + listener.path("name").asText() + " is not TLS with scram-sha-512");
                }
            }
        }
    }

    /** The topics' copies fit the brokers, and one broker may be down without refusing writes. */
    private void replication() {
        int brokers = ofKind("KafkaNodePool").stream()
                .filter(pool -> StreamSupport.stream(pool.at("/spec/roles").spliterator(), false)
                        .anyMatch(role -> role.asText().equals("broker")))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
        for (ObjectNode topic : ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            int minInSync = topic.at("/spec/config/min.insync.replicas").asInt(1);
            if (replicas > brokers) {
                problems.add(name(topic) + " wants " + replicas + " replicas on " + brokers + " brokers");
            }
            if (replicas > 1 && minInSync >= replicas) {
                problems.add(name(topic) + ": min.insync.replicas " + minInSync + " of " + replicas
                        + " refuses writes while one broker is down");
            }
        }
    }

    // --- the platform's Deployments ---

    private void deployment(ServiceConfig service) {
        Optional<ObjectNode> found = named("Deployment", service.name());
        if (found.isEmpty()) {
            problems.add(service.name() + " has no Deployment");
            return;
        }
        ObjectNode deployment = found.get();
        String who = "Deployment " + service.name();
        JsonNode pod = deployment.at("/spec/template/spec");
        if (!pod.has("automountServiceAccountToken") || pod.path("automountServiceAccountToken").asBoolean()) {
            problems.add(who + " mounts a service-account token it does not use");
        }
        JsonNode container = pod.path("containers").path(0);
        String image = container.path("image").asText().replaceFirst(":[^/:]+$", "");
        String group = service.properties().getProperty("quarkus.container-image.group");
        if (!image.endsWith(group + "/" + service.name())) {
            problems.add(who + " runs image " + image + ", not the one Jib builds (" + group + "/" + service.name() + ")");
        }
        image(service);

        Map<String, JsonNode> env = environment(container);
        String port = Optional.ofNullable(env.get("QUARKUS_HTTP_PORT")).map(JsonNode::asText).orElse(null);
        boolean portDeclared = StreamSupport.stream(container.path("ports").spliterator(), false)
                .anyMatch(p -> p.path("name").asText().equals("http") && p.path("containerPort").asText().equals(port));
        if (!portDeclared) {
            problems.add(who + ": the container port http is not QUARKUS_HTTP_PORT (" + port + ")");
        }
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            if (!path.startsWith("/q/health/") || !container.at("/" + probe + "/httpGet/port").asText().equals("http")) {
                problems.add(who + ": " + probe + " is not a SmallRye Health path on port http");
            }
        }
        JsonNode resources = container.path("resources");
        for (String field : List.of("/requests/cpu", "/requests/memory", "/limits/memory")) {
            if (resources.at(field).isMissingNode()) {
                problems.add(who + " has no resources" + field.replace('/', '.'));
            }
        }

        // Jib puts the image's JVM flags (quarkus.jib.jvm-arguments and -additional-arguments: the logging manager, the
        // code cache, ...) in JAVA_OPTS_APPEND; a Deployment that sets it replaces them all
        if (env.containsKey("JAVA_OPTS_APPEND")) {
            problems.add(who + " sets JAVA_OPTS_APPEND, which replaces its image's JVM flags");
        }
        service.requiredVariables().stream().filter(variable -> !env.containsKey(variable))
                .forEach(variable -> problems.add(who + " does not set " + variable + ", which " + service.name() + " needs"));
        env.keySet().stream()
                .filter(variable -> variable.startsWith("KAFKA_") && !service.usesKafka())
                .forEach(variable -> problems.add(who + " gets " + variable + " but uses no Kafka"));

        if (service.usesKafka()) {
            expectSecret(who, env, "KAFKA_SASL_JAAS_CONFIG", service.name(), "sasl.jaas.config");
            String kafkaName = ofKind("Kafka").stream().findFirst().map(ManifestChecks::nameOf).orElse("?");
            String bootstrap = Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")).map(JsonNode::asText).orElse("");
            if (!bootstrap.equals(kafkaName + "-kafka-bootstrap:9093")) {
                problems.add(who + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not the tls listener of " + kafkaName);
            }
        }
        service.variableOf("quarkus.datasource.jdbc.url").ifPresent(urlVariable -> database(who, service, env, urlVariable));

        if (ofKind("PodDisruptionBudget").stream().noneMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), deployment))) {
            problems.add(who + " has no PodDisruptionBudget");
        }
        boolean autoscaled = ofKind("HorizontalPodAutoscaler").stream().anyMatch(hpa ->
                hpa.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                        && hpa.at("/spec/scaleTargetRef/name").asText().equals(service.name()));
        Optional<String> replicasVariable = service.variableOf("gateway.rate-limit.replicas");
        if (replicasVariable.isPresent()) {
            // each replica allows 1/replicas of every rate limit: the count it is told must be the count that runs
            String told = Optional.ofNullable(env.get(replicasVariable.get())).map(JsonNode::asText).orElse("1");
            String runs = deployment.at("/spec/replicas").asText("1");
            if (!told.equals(runs)) {
                problems.add(who + " runs " + runs + " replicas but tells each " + replicasVariable.get() + "=" + told);
            }
            if (autoscaled) {
                problems.add(who + " shares its rate limits by a fixed replica count: an autoscaler would break the share");
            }
        } else if (!autoscaled) {
            problems.add(who + " has no HorizontalPodAutoscaler");
        }
    }

    /**
     * The image Jib builds for the service: non-root by a numeric user (runAsNonRoot can verify only a number), on a
     * base image pinned by tag or digest, and reproducible (no build time in the image or its files).
     */
    private void image(ServiceConfig service) {
        Properties config = service.properties();
        if (!config.getProperty("quarkus.jib.user", "").matches("[1-9][0-9]*")) {
            problems.add(service.name() + ": its image runs as " + config.getProperty("quarkus.jib.user", "the base image's user")
                    + ", not a numeric non-root user (quarkus.jib.user)");
        }
        if (!config.getProperty("quarkus.jib.base-jvm-image", "").matches(".+(:[^/:]+|@sha256:[0-9a-f]{64})")) {
            problems.add(service.name() + ": its image's base is not pinned (quarkus.jib.base-jvm-image with a tag or digest)");
        }
        for (String timestamp : List.of("quarkus.jib.use-current-timestamp", "quarkus.jib.use-current-timestamp-file-modification")) {
            if (!"false".equals(config.getProperty(timestamp))) {
                problems.add(service.name() + ": its image is not reproducible (" + timestamp + " is not false)");
            }
        }
    }

    /** The service's own role, owner of the database its JDBC URL names, on the cluster's read-write service. */
    private void database(String who, ServiceConfig service, Map<String, JsonNode> env, String urlVariable) {
        String url = Optional.ofNullable(env.get(urlVariable)).map(JsonNode::asText).orElse("");
        Matcher jdbc = JDBC.matcher(url);
        if (!jdbc.matches()) {
            problems.add(who + ": " + urlVariable + " is not a PostgreSQL JDBC URL: " + url);
            return;
        }
        Optional<ObjectNode> cluster = ofKind("Cluster").stream()
                .filter(c -> jdbc.group(1).equals(nameOf(c) + "-rw")).findFirst();
        if (cluster.isEmpty()) {
            problems.add(who + ": " + urlVariable + " names host " + jdbc.group(1) + ", no CloudNativePG cluster's -rw service");
            return;
        }
        Optional<ObjectNode> database = ofKind("Database").stream()
                .filter(d -> d.at("/spec/name").asText().equals(jdbc.group(3))
                        && d.at("/spec/cluster/name").asText().equals(nameOf(cluster.get())))
                .findFirst();
        if (database.isEmpty()) {
            problems.add(who + ": no Database resource makes " + jdbc.group(3));
            return;
        }
        String owner = database.get().at("/spec/owner").asText();
        Optional<JsonNode> role = StreamSupport.stream(cluster.get().at("/spec/managed/roles").spliterator(), false)
                .filter(r -> r.path("name").asText().equals(owner)).findFirst();
        if (role.isEmpty()) {
            problems.add(who + ": the owner " + owner + " of " + jdbc.group(3) + " is not a managed role");
            return;
        }
        String secret = role.get().at("/passwordSecret/name").asText();
        service.variableOf("quarkus.datasource.username").ifPresent(v -> expectSecret(who, env, v, secret, "username"));
        service.variableOf("quarkus.datasource.password").ifPresent(v -> expectSecret(who, env, v, secret, "password"));
    }

    private void expectSecret(String who, Map<String, JsonNode> env, String variable, String secret, String key) {
        JsonNode ref = Optional.ofNullable(env.get(variable)).map(value -> value.at("/secretKeyRef")).orElse(null);
        if (ref == null || !ref.path("name").asText().equals(secret) || !ref.path("key").asText().equals(key)) {
            problems.add(who + ": " + variable + " should come from Secret " + secret + " key " + key);
        }
    }

    /** The container's variables: env entries (values or valueFrom) and the keys of the ConfigMaps it loads. */
    private Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> env = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.at("/configMapRef/name").asText(null);
            if (configMap == null) {
                problems.add("envFrom " + source + ": only ConfigMaps, so that every secret key is named in the manifests");
                continue;
            }
            named("ConfigMap", configMap).ifPresentOrElse(
                    map -> map.path("data").fields().forEachRemaining(entry -> env.put(entry.getKey(), entry.getValue())),
                    () -> problems.add("envFrom names ConfigMap " + configMap + ", which is not rendered"));
        }
        for (JsonNode variable : container.path("env")) {
            env.put(variable.path("name").asText(),
                    variable.has("valueFrom") ? variable.path("valueFrom") : variable.path("value"));
        }
        return env;
    }

    // --- exposure and isolation ---

    private void ingress() {
        for (ObjectNode ingress : ofKind("Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    String backend = path.at("/backend/service/name").asText();
                    String value = path.path("path").asText();
                    Set<String> allowed = backend.equals("gateway") ? PUBLIC_PATHS
                            : backend.startsWith("keycloak") ? KEYCLOAK_PUBLIC_PATHS : Set.of();
                    if (!allowed.contains(value)) {
                        problems.add(name(ingress) + " exposes " + value + " of " + backend);
                    }
                }
            }
        }
    }

    private void networkPolicies() {
        boolean denyAll = ofKind("NetworkPolicy").stream().anyMatch(policy ->
                policy.at("/spec/podSelector").isEmpty() && !policy.at("/spec/podSelector").isMissingNode()
                        && policy.at("/spec/ingress").isMissingNode()
                        && StreamSupport.stream(policy.at("/spec/policyTypes").spliterator(), false)
                                .anyMatch(type -> type.asText().equals("Ingress")));
        if (!denyAll) {
            problems.add("no default-deny NetworkPolicy for ingress (empty podSelector, no ingress rule)");
        }
        notifierEgress();
    }

    /**
     * A notifier that sends out of the cluster (NOTIFY_CHANNEL sms or mail) needs registry-service let out to its
     * gateway's address: otherwise every message fails quietly into its retries. The component's documentation
     * address (RFC 5737) is a placeholder, not a gateway.
     */
    private void notifierEgress() {
        String channel = named("ConfigMap", "care-platform").flatMap(map -> text(map, "data/NOTIFY_CHANNEL")).orElse("log");
        if (channel.equals("log")) {
            return;
        }
        Optional<ObjectNode> registry = named("Deployment", "registry-service");
        List<String> outside = ofKind("NetworkPolicy").stream()
                .filter(policy -> registry.isPresent() && selects(policy.at("/spec/podSelector/matchLabels"), registry.get()))
                .flatMap(policy -> StreamSupport.stream(policy.at("/spec/egress").spliterator(), false))
                .flatMap(rule -> StreamSupport.stream(rule.path("to").spliterator(), false))
                .map(peer -> peer.at("/ipBlock/cidr").asText("")).filter(cidr -> !cidr.isEmpty()).toList();
        if (outside.isEmpty()) {
            problems.add("NOTIFY_CHANNEL is " + channel + " but no NetworkPolicy lets registry-service out to a gateway "
                    + "(components/notifier-egress)");
        } else if (outside.contains(NOTIFIER_PLACEHOLDER)) {
            problems.add("NOTIFY_CHANNEL is " + channel + " but registry-service is let out to the placeholder "
                    + NOTIFIER_PLACEHOLDER + ", not a gateway");
        }
    }

    // --- PostgreSQL and Keycloak (untyped: their fields checked here) ---

    private void postgres() {
        for (ObjectNode cluster : ofKind("Cluster")) {
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                if (role.path("superuser").asBoolean() || role.path("createrole").asBoolean()
                        || !role.path("login").asBoolean() || role.at("/passwordSecret/name").asText().isEmpty()) {
                    problems.add("Cluster " + name(cluster) + ": role " + role.path("name").asText()
                            + " should be a plain login role with a password Secret");
                }
            }
        }
        Set<String> owners = new HashSet<>();
        for (ObjectNode database : ofKind("Database")) {
            if (!owners.add(database.at("/spec/owner").asText())) {
                problems.add(name(database) + ": its owner owns another database too");
            }
        }
        for (ObjectNode backup : ofKind("ScheduledBackup")) {
            if (named("Cluster", backup.at("/spec/cluster/name").asText()).filter(c -> c.at("/spec/backup").isObject()).isEmpty()) {
                problems.add(name(backup) + " backs up a cluster without a backup destination");
            }
        }
    }

    private void realmImport(JsonNode productionRealm) {
        for (ObjectNode realmImport : ofKind("KeycloakRealmImport")) {
            if (!realmImport.at("/spec/realm").equals(productionRealm)) {
                problems.add(name(realmImport) + " differs from deploy/keycloak/care-realm.production.json");
            }
            Set<String> needed = new TreeSet<>();
            Matcher placeholder = REALM_PLACEHOLDER.matcher(productionRealm.toString());
            while (placeholder.find()) {
                needed.add(placeholder.group(1));
            }
            Set<String> given = new TreeSet<>();
            realmImport.at("/spec/placeholders").fieldNames().forEachRemaining(given::add);
            difference(needed, given).forEach(missing -> problems.add(name(realmImport) + " does not resolve ${" + missing + "}"));
            String keycloak = realmImport.at("/spec/keycloakCRName").asText();
            if (named("Keycloak", keycloak).isEmpty()) {
                problems.add(name(realmImport) + " imports into Keycloak " + keycloak + ", which is not rendered");
            }
        }
    }

    // --- helpers ---

    private void clusterLabel(ObjectNode resource) {
        String cluster = resource.at("/metadata/labels/strimzi.io~1cluster").asText();
        if (named("Kafka", cluster).isEmpty()) {
            problems.add(name(resource) + " names Kafka cluster '" + cluster + "', which is not rendered");
        }
    }

    private List<ObjectNode> ofKind(String kind) {
        return docs.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
    }

    private Optional<ObjectNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(doc -> nameOf(doc).equals(name)).findFirst();
    }

    private static boolean selects(JsonNode matchLabels, ObjectNode deployment) {
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) matchLabels::fields).spliterator(), false)
                .allMatch(entry -> Objects.equals(labels.path(entry.getKey()).asText(null), entry.getValue().asText()));
    }

    private static String nameOf(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    private static String name(JsonNode doc) {
        return doc.path("kind").asText() + " " + nameOf(doc);
    }

    private static Optional<String> text(JsonNode doc, String pointer) {
        JsonNode node = doc.at("/" + pointer);
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
