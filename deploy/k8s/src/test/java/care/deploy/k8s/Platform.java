package care.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** The platform's side of the checks: the deployed modules' configuration and the production realm. */
final class Platform {

    private Platform() {
    }

    static Map<String, ServiceConfig> services() throws IOException {
        Map<String, ServiceConfig> services = new TreeMap<>();
        for (String module : ServiceConfig.MODULES) {
            ServiceConfig service = ServiceConfig.of(module);
            services.put(service.name(), service);
        }
        return services;
    }

    static JsonNode productionRealm() throws IOException {
        return TypedModels.MAPPER.readTree(Overlays.repoRoot().resolve("deploy/keycloak/care-realm.production.json").toFile());
    }
}
