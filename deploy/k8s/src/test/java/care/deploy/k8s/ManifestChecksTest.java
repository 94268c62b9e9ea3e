package care.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks catch what they are for: each case breaks the rendered production overlay in one way. */
class ManifestChecksTest {

    static List<ObjectNode> production;
    static Map<String, ServiceConfig> services;
    static JsonNode realm;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(Overlays.kubectlAvailable(), "kubectl is not on the PATH: the manifests are not rendered or checked");
        production = K8sManifestsTest.production();
        services = Platform.services();
        realm = Platform.productionRealm();
    }

    @Test
    void theProductionOverlayAsItIsHasNoProblems() {
        assertEquals(List.of(), ManifestChecks.problems(production, services, realm));
    }

    @Test
    void aMisspelledDeploymentFieldFails() {
        List<String> problems = problemsAfter(docs -> deployment(docs, "gateway").with("spec").put("replica", 3));
        assertEquals(List.of("Deployment gateway: unknown field spec.replica"), problems);
    }

    @Test
    void aMisspelledFieldDeepInAPodFails() {
        List<String> problems = problemsAfter(docs -> {
            ObjectNode container = (ObjectNode) deployment(docs, "registry-service").at("/spec/template/spec/containers/0");
            container.set("livenesProbe", container.remove("livenessProbe"));
        });
        assertTrue(problems.contains("Deployment registry-service: unknown field spec.template.spec.containers[0].livenesProbe"),
                problems.toString());
    }

    @Test
    void aMisspelledStrimziFieldFails() {
        List<String> problems = problemsAfter(docs -> {
            ObjectNode spec = (ObjectNode) named(docs, "KafkaTopic", "filing-events").get("spec");
            spec.set("partitons", spec.remove("partitions"));
        });
        assertTrue(problems.contains("KafkaTopic filing-events: unknown field spec.partitons"), problems.toString());
    }

    @Test
    void aTopicAServiceReadsWithoutAKafkaTopicFails() {
        List<String> problems = problemsAfter(docs -> docs.remove(named(docs, "KafkaTopic", "registry-events")));
        assertTrue(problems.contains("registry-service uses topic registry-events but no KafkaTopic declares it"), problems.toString());
        assertTrue(problems.contains("subsidy-service uses topic registry-events but no KafkaTopic declares it"), problems.toString());
    }

    @Test
    void aTopicRenamedInAServicesConfigurationFails() {
        Properties renamed = (Properties) services.get("subsidy-service").properties().clone();
        renamed.setProperty("mp.messaging.incoming.registry-events.topic", "registry-events-v2");
        Map<String, ServiceConfig> changed = new TreeMap<>(services);
        changed.put("subsidy-service", ServiceConfig.of(renamed));

        List<String> problems = ManifestChecks.problems(production, changed, realm);

        assertTrue(problems.contains("subsidy-service uses topic registry-events-v2 but no KafkaTopic declares it"), problems.toString());
        assertTrue(problems.contains("KafkaUser subsidy-service lacks topic:registry-events-v2:Read, which its configuration needs"),
                problems.toString());
        assertTrue(problems.contains("KafkaUser subsidy-service is allowed topic:registry-events:Read, which its configuration does not use"),
                problems.toString());
    }

    @Test
    void anAclBeyondWhatTheServiceDoesFails() {
        List<String> problems = problemsAfter(docs -> {
            ArrayNode acls = (ArrayNode) named(docs, "KafkaUser", "subsidy-service").at("/spec/authorization/acls");
            acls.addObject().putObject("resource").put("type", "topic").put("name", "filing-events").put("patternType", "literal");
            ((ObjectNode) acls.get(acls.size() - 1)).putArray("operations").add("Write");
        });
        assertEquals(List.of("KafkaUser subsidy-service is allowed topic:filing-events:Write, which its configuration does not use"),
                problems);
    }

    @Test
    void swaggerUiOrMetricsOnTheIngressFail() {
        List<String> problems = problemsAfter(docs -> {
            ArrayNode paths = (ArrayNode) named(docs, "Ingress", "care").at("/spec/rules/0/http/paths");
            ObjectNode q = paths.get(0).deepCopy();
            q.put("path", "/q");
            paths.add(q);
        });
        assertEquals(List.of("Ingress care exposes /q of gateway"), problems);
    }

    @Test
    void aServiceReadingAnotherServicesDatabaseCredentialsFails() {
        List<String> problems = problemsAfter(docs -> {
            ArrayNode env = (ArrayNode) deployment(docs, "filing-service").at("/spec/template/spec/containers/0/env");
            env.forEach(variable -> {
                if (variable.path("name").asText().startsWith("DB_")) {
                    ((ObjectNode) variable.at("/valueFrom/secretKeyRef")).put("name", "care-db-registry");
                }
            });
        });
        assertEquals(List.of(
                "Deployment filing-service: DB_USER should come from Secret care-db-filing key username",
                "Deployment filing-service: DB_PASSWORD should come from Secret care-db-filing key password"), problems);
    }

    @Test
    void aRequiredSecretLeftOutFails() {
        List<String> problems = problemsAfter(docs -> {
            ArrayNode env = (ArrayNode) deployment(docs, "registry-service").at("/spec/template/spec/containers/0/env");
            for (int i = env.size() - 1; i >= 0; i--) {
                if (env.get(i).path("name").asText().equals("CARE_PII_HASH_KEY")) {
                    env.remove(i);
                }
            }
        });
        assertEquals(List.of("Deployment registry-service does not set CARE_PII_HASH_KEY, which registry-service needs"), problems);
    }

    @Test
    void aResourceOutsideTheNamespaceFails() {
        List<String> problems = problemsAfter(docs -> named(docs, "Secret", "care-realm-settings").with("metadata").remove("namespace"));
        assertEquals(List.of("Secret care-realm-settings is not in the namespace care"), problems);
    }

    @Test
    void moreGatewayReplicasThanTheirRateLimitShareAssumesFails() {
        List<String> problems = problemsAfter(docs -> deployment(docs, "gateway").with("spec").put("replicas", 3));
        assertEquals(List.of("Deployment gateway runs 3 replicas but tells each GATEWAY_REPLICAS=2"), problems);
    }

    @Test
    void anAutoscalerOnTheGatewayFails() {
        List<String> problems = problemsAfter(docs -> {
            ObjectNode hpa = named(docs, "HorizontalPodAutoscaler", "portal").deepCopy();
            hpa.with("metadata").put("name", "gateway");
            hpa.with("spec").with("scaleTargetRef").put("name", "gateway");
            docs.add(hpa);
        });
        assertEquals(List.of("Deployment gateway shares its rate limits by a fixed replica count: an autoscaler would break the share"),
                problems);
    }

    @Test
    void jvmFlagsInTheDeploymentFail() {
        List<String> problems = problemsAfter(docs -> ((ArrayNode) deployment(docs, "portal")
                .at("/spec/template/spec/containers/0/env")).addObject().put("name", "JAVA_OPTS_APPEND").put("value", "-Xmx1g"));
        assertEquals(List.of("Deployment portal sets JAVA_OPTS_APPEND, which replaces its image's JVM flags"), problems);
    }

    @Test
    void anImageAsRootOnAFloatingBaseAndWithBuildTimesFails() {
        Properties image = (Properties) services.get("gateway").properties().clone();
        image.remove("quarkus.jib.user");
        image.setProperty("quarkus.jib.base-jvm-image", "registry.access.redhat.com/ubi9/openjdk-17-runtime");
        image.remove("quarkus.jib.use-current-timestamp");
        Map<String, ServiceConfig> changed = new TreeMap<>(services);
        changed.put("gateway", ServiceConfig.of(image));

        assertEquals(List.of(
                "gateway: its image runs as the base image's user, not a numeric non-root user (quarkus.jib.user)",
                "gateway: its image's base is not pinned (quarkus.jib.base-jvm-image with a tag or digest)",
                "gateway: its image is not reproducible (quarkus.jib.use-current-timestamp is not false)"),
                ManifestChecks.problems(production, changed, realm));
    }

    @Test
    void messagesSentBySmsWithoutALetOutFail() {
        List<String> problems = problemsAfter(docs -> named(docs, "ConfigMap", "care-platform").with("data").put("NOTIFY_CHANNEL", "sms"));
        assertEquals(List.of("NOTIFY_CHANNEL is sms but no NetworkPolicy lets registry-service out to a gateway "
                + "(components/notifier-egress)"), problems);
    }

    @Test
    void messagesSentBySmsThroughTheNotifierComponentPassOnlyWithTheGatewaysAddress() throws Exception {
        // the README's example: production, NOTIFY_CHANNEL=sms, the component with the gateway's address
        List<ObjectNode> sms = Overlays.render(Overlays.moduleDir().resolve("src/test/resources/notifier-sms"));
        assertEquals(List.of(), ManifestChecks.problems(sms, services, realm));
        ObjectNode policy = named(sms, "NetworkPolicy", "registry-notifier");
        assertEquals("registry-service", policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText());

        ((ObjectNode) policy.at("/spec/egress/0/to/0/ipBlock")).put("cidr", ManifestChecks.NOTIFIER_PLACEHOLDER);
        assertEquals(List.of("NOTIFY_CHANNEL is sms but registry-service is let out to the placeholder 192.0.2.10/32, "
                + "not a gateway"), ManifestChecks.problems(sms, services, realm));
    }

    private static List<String> problemsAfter(Consumer<List<ObjectNode>> change) {
        List<ObjectNode> copy = new ArrayList<>(production.stream().map(ObjectNode::deepCopy).toList());
        change.accept(copy);
        return ManifestChecks.problems(copy, services, realm);
    }

    private static ObjectNode deployment(List<ObjectNode> docs, String name) {
        return named(docs, "Deployment", name);
    }

    private static ObjectNode named(List<ObjectNode> docs, String kind, String name) {
        return docs.stream()
                .filter(doc -> doc.path("kind").asText().equals(kind) && doc.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow();
    }
}
