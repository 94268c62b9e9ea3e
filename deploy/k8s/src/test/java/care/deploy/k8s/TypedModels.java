package care.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every resource the overlays render, read into the typed model of its API: fabric8's for Kubernetes' own kinds,
 * Strimzi's (io.strimzi:api) for Kafka's. Both models keep fields they do not know in an additionalProperties map
 * instead of refusing them, as the API server prunes them: {@link #unknownFields} finds every such field, so a
 * misspelled field is a failure here rather than a setting silently dropped at apply time.
 */
final class TypedModels {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** apiVersion/kind → model. A kind missing here fails: add its model before adding the resource. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /**
     * CloudNativePG's and the Keycloak Operator's kinds: neither publishes a Java model or its CRD schemas to Maven
     * Central, so these are read untyped; ManifestChecks checks the fields the platform depends on.
     */
    static final Set<String> UNTYPED = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io/v1/Database",
            "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    private TypedModels() {
    }

    static String typeOf(ObjectNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    static Object read(ObjectNode doc) {
        String type = typeOf(doc);
        Class<?> model = MODELS.get(type);
        if (model == null) {
            if (!UNTYPED.contains(type)) {
                throw new IllegalArgumentException("no model for " + type + " (" + doc.path("metadata").path("name").asText()
                        + "): a new kind needs its model in TypedModels");
            }
            model = GenericKubernetesResource.class;
        }
        try {
            return MAPPER.treeToValue(doc, model);
        } catch (Exception e) {
            throw new IllegalArgumentException(type + " " + doc.path("metadata").path("name").asText() + ": " + e.getMessage(), e);
        }
    }

    /** The paths of the fields the model did not know, e.g. spec.template.spec.containers[0].livenesProbe. */
    static List<String> unknownFields(Object resource) {
        if (resource instanceof GenericKubernetesResource) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        walk(resource, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            // free-form maps (labels, Kafka's config) hold strings and numbers; typed values inside are walked
            map.forEach((key, item) -> walk(item, path + "." + key, found, seen));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : GETTERS.get(value.getClass())) {
            boolean additional = getter.getName().equals("getAdditionalProperties");
            Object child = invoke(getter, value);
            if (additional) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    unknown.keySet().forEach(key -> found.add(path.isEmpty() ? String.valueOf(key) : path + "." + key));
                }
                continue;
            }
            walk(child, path.isEmpty() ? property(getter) : path + "." + property(getter), found, seen);
        }
    }

    /** Per model class, the getters that may lead to unknown fields: typed children, collections, maps. */
    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> model) {
            List<Method> getters = new ArrayList<>();
            for (Method getter : model.getMethods()) {
                if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                        || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                        || getter.getName().equals("getClass")) {
                    continue;
                }
                Class<?> type = getter.getReturnType();
                if (getter.getName().equals("getAdditionalProperties") || isModel(type)
                        || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type == Object.class) {
                    getters.add(getter);
                }
            }
            return List.copyOf(getters);
        }
    };

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
