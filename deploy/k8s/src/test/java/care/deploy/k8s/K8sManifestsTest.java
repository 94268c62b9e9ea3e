package care.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders into resources the Kubernetes and Strimzi models accept, wired as the services expect. */
class K8sManifestsTest {

    static Map<String, ServiceConfig> services;
    static JsonNode realm;

    @BeforeAll
    static void platform() throws Exception {
        assumeTrue(Overlays.kubectlAvailable(), "kubectl is not on the PATH: the manifests are not rendered or checked");
        services = Platform.services();
        realm = Platform.productionRealm();
    }

    static List<Path> overlays() throws Exception {
        return Overlays.all();
    }

    @Test
    void theOverlaysAreDevAndProduction() throws Exception {
        assertEquals(List.of("dev", "production"), overlays().stream().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayHasNoProblems(Path overlay) throws Exception {
        List<String> problems = ManifestChecks.problems(Overlays.render(overlay), services, realm);
        assertEquals(List.of(), problems, overlay.getFileName() + " has problems");
    }

    @Test
    void productionRunsThreeBrokersThreeCopiesTwoInSync() throws Exception {
        List<ObjectNode> docs = production();
        ObjectNode pool = single(docs, "KafkaNodePool");
        assertEquals(3, pool.at("/spec/replicas").asInt());
        ObjectNode kafka = single(docs, "Kafka");
        assertEquals(3, kafka.at("/spec/kafka/config/default.replication.factor").asInt());
        assertEquals(2, kafka.at("/spec/kafka/config/min.insync.replicas").asInt());
        assertEquals(2, kafka.at("/spec/kafka/config/transaction.state.log.min.isr").asInt());
        for (ObjectNode topic : ofKind(docs, "KafkaTopic")) {
            assertEquals(3, topic.at("/spec/replicas").asInt(), topic.at("/metadata/name").asText());
            assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt(), topic.at("/metadata/name").asText());
        }
    }

    @Test
    void productionDeclaresEveryDeadLetterTopic() throws Exception {
        Set<String> topics = ofKind(production(), "KafkaTopic").stream()
                .map(topic -> topic.at("/metadata/name").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("filing-events", "registry-events", "subsidy-events",
                "dead-letter-topic-filing-events", "dead-letter-topic-registry-events"), topics);
    }

    @Test
    void productionHasReplicatedBackedUpPostgresWithARolePerService() throws Exception {
        List<ObjectNode> docs = production();
        ObjectNode cluster = single(docs, "Cluster");
        assertEquals(3, cluster.at("/spec/instances").asInt());
        assertTrue(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText().startsWith("s3://"));
        assertEquals("care-db", single(docs, "ScheduledBackup").at("/spec/cluster/name").asText());
        Set<String> roles = ofKind(docs, "Database").stream()
                .map(db -> db.at("/spec/name").asText() + "/" + db.at("/spec/owner").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("registry/registry", "filing/filing", "subsidy/subsidy", "keycloak/keycloak"), roles);
    }

    @Test
    void productionIsLockedDown() throws Exception {
        List<ObjectNode> docs = production();
        Set<String> deployments = names(docs, "Deployment");
        assertEquals(Set.of("registry-service", "filing-service", "subsidy-service", "gateway", "portal"), deployments);
        assertTrue(names(docs, "PodDisruptionBudget").containsAll(deployments));
        assertTrue(names(docs, "PodDisruptionBudget").contains("keycloak"));
        // the gateway's count is fixed: its replicas share the rate limits by that count
        assertEquals(Set.of("registry-service", "filing-service", "subsidy-service", "portal"),
                names(docs, "HorizontalPodAutoscaler"));
        assertTrue(names(docs, "NetworkPolicy").containsAll(Set.of("default-deny-ingress", "default-deny-egress-platform")));
        for (ObjectNode deployment : ofKind(docs, "Deployment")) {
            assertTrue(deployment.at("/spec/replicas").asInt() >= 2, deployment.at("/metadata/name").asText());
        }
        assertEquals("k8s.keycloak.org/v2alpha1", single(docs, "KeycloakRealmImport").path("apiVersion").asText());
    }

    static List<ObjectNode> production() throws Exception {
        return Overlays.render(Overlays.moduleDir().resolve("overlays/production"));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
    }

    static Set<String> names(List<ObjectNode> docs, String kind) {
        return ofKind(docs, kind).stream().map(doc -> doc.at("/metadata/name").asText()).collect(Collectors.toSet());
    }

    static ObjectNode single(List<ObjectNode> docs, String kind) {
        List<ObjectNode> found = ofKind(docs, kind);
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }
}
