package care.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two realm files: care-realm.json for the local stack and tests (demo users, password grant for curl) and
 * care-realm.production.json for a real deployment, which must have neither and must otherwise grant the same.
 */
class RealmFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode realm(String file) throws IOException {
        return JSON.readTree(Repo.root().resolve("deploy/keycloak").resolve(file).toFile());
    }

    @Test
    void productionHasNoDemoUsersNoPasswordGrantAndNoSecrets() throws IOException {
        JsonNode production = realm("care-realm.production.json");
        for (JsonNode user : production.path("users")) {
            assertTrue(user.path("username").asText().startsWith("service-account-"),
                    "a person in the production realm: " + user.path("username"));
            assertFalse(user.has("credentials"));
        }
        for (JsonNode client : production.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + " allows the password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(), id + " allows the implicit flow");
            if (client.has("secret")) {
                assertTrue(client.path("secret").asText().matches("\\$\\{[A-Z_]+}"), id + " has a literal secret");
            }
            client.path("redirectUris").forEach(uri -> assertFalse(uri.asText().contains("localhost"), id));
        }
        assertEquals("all", production.path("sslRequired").asText());
        assertTrue(production.path("bruteForceProtected").asBoolean());
    }

    @Test
    void bothRealmsGrantTheSameRolesClaimsAndTokenLifetimes() throws IOException {
        JsonNode demo = realm("care-realm.json");
        JsonNode production = realm("care-realm.production.json");
        assertEquals(demo.path("roles"), production.path("roles"));
        assertEquals(demo.path("components"), production.path("components"), "the user profile (claims) differs");
        assertEquals(demo.path("accessTokenLifespan"), production.path("accessTokenLifespan"));
        Map<String, JsonNode> demoClients = clientsById(demo);
        clientsById(production).forEach((id, client) -> {
            assertTrue(demoClients.containsKey(id), id + " is missing from the demo realm");
            assertEquals(demoClients.get(id).path("protocolMappers"), client.path("protocolMappers"), id);
            assertEquals(demoClients.get(id).path("serviceAccountsEnabled"), client.path("serviceAccountsEnabled"), id);
        });
        assertEquals(List.of("care-portal", "finance-kunming", "finance-qujing"), new ArrayList<>(clientsById(production).keySet()));
    }

    @Test
    void everyDemoUserIsBoundToWhatTheirRoleNeeds() throws IOException {
        for (JsonNode user : realm("care-realm.json").path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String role = user.path("realmRoles").get(0).asText();
            JsonNode attributes = user.path("attributes");
            List<String> needed = switch (role) {
                case "institution" -> List.of("uscc", "sector", "division_code", "city_code");
                case "civil-affairs-reviewer", "health-reviewer" -> List.of("sector", "division_code", "city_code");
                default -> List.of("city_code");
            };
            needed.forEach(claim -> assertTrue(attributes.has(claim), user.path("username") + " lacks " + claim));
        }
    }

    private static Map<String, JsonNode> clientsById(JsonNode realm) {
        Map<String, JsonNode> clients = new TreeMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
        return clients;
    }
}
