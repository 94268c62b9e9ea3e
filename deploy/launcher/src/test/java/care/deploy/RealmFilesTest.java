package care.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        assertEquals(List.of("care-portal", "finance-kunming", "finance-qujing", "registry-accounts"),
                new ArrayList<>(clientsById(production).keySet()));
    }

    /**
     * Exactly what differs between the two files, and why. Anything else that differs fails here: a setting added to
     * one file only is either a mistake or belongs in this list with its reason.
     */
    @Test
    void theRealmsDifferOnlyWhereTheDemoMustStaySimple() throws IOException {
        JsonNode demo = realm("care-realm.json");
        JsonNode production = realm("care-realm.production.json");
        Set<String> differing = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        demo.fieldNames().forEachRemaining(keys::add);
        production.fieldNames().forEachRemaining(keys::add);
        keys.stream().filter(key -> !demo.path(key).equals(production.path(key))).forEach(differing::add);
        assertEquals(new TreeSet<>(List.of(
                "displayName",        // the demo says it is one
                "sslRequired",        // demo: plain HTTP on localhost ("external"); production: TLS everywhere ("all")
                "users",              // demo people with the password "demo"; production: service accounts only
                "clients",            // demo: care-cli (password grant) and secrets in the file; production: finance
                                      // clients sign a JWT (private_key_jwt), other secrets come from the environment
                "ssoSessionIdleTimeout", "ssoSessionMaxLifespan",  // production: short sessions (15 min idle, 8 h)
                "passwordPolicy",     // production: ≥ 12, not the username, not the last 5; demo passwords are "demo"
                "authenticationFlows", "authenticatorConfig", "browserFlow",  // production: TOTP for staff roles;
                "otpPolicyType", "otpPolicyAlgorithm", "otpPolicyDigits", "otpPolicyPeriod", "otpPolicyLookAheadWindow",
                // demo: the browser tests and the README's tour sign in with a password alone
                "permanentLockout", "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds",
                "maxDeltaTimeSeconds", "quickLoginCheckMilliSeconds", "minimumQuickLoginWaitSeconds"
                // production: a lockout that grows from 1 to 15 minutes after 5 failures; the demo keeps Keycloak's
                // defaults, so that a test that types a wrong password on purpose locks no one out for long
        )), differing);
    }

    @Test
    void productionDemandsASecondFactorOfEveryStaffRole() throws IOException {
        JsonNode production = realm("care-realm.production.json");
        assertEquals("care browser", production.path("browserFlow").asText());
        Map<String, String> roleOfConfig = new TreeMap<>();
        production.path("authenticatorConfig").forEach(config ->
                roleOfConfig.put(config.path("alias").asText(), config.path("config").path("condUserRole").asText()));
        Set<String> rolesWithOtp = new TreeSet<>();
        for (JsonNode flow : production.path("authenticationFlows")) {
            List<String> authenticators = new ArrayList<>();
            String role = null;
            for (JsonNode step : flow.path("authenticationExecutions")) {
                authenticators.add(step.path("authenticator").asText());
                if (step.path("authenticator").asText().equals("conditional-user-role")) {
                    role = roleOfConfig.get(step.path("authenticatorConfig").asText());
                    assertEquals("REQUIRED", step.path("requirement").asText());
                }
            }
            if (role != null && authenticators.contains("auth-otp-form")) {
                rolesWithOtp.add(role);
            }
        }
        assertEquals(new TreeSet<>(List.of("auditor", "city-admin", "civil-affairs-reviewer", "health-reviewer")),
                rolesWithOtp);
        String policy = production.path("passwordPolicy").asText();
        assertTrue(policy.contains("length(12)") && policy.contains("notUsername")
                && policy.contains("passwordHistory("), policy);
        assertTrue(production.path("ssoSessionIdleTimeout").asInt() <= 900);
        assertTrue(production.path("ssoSessionMaxLifespan").asInt() <= 8 * 3600);
        assertFalse(production.path("permanentLockout").asBoolean());
        assertTrue(production.path("failureFactor").asInt() <= 5);
        for (JsonNode client : production.path("clients")) {
            if (client.path("clientId").asText().startsWith("finance-")) {
                assertEquals("client-jwt", client.path("clientAuthenticatorType").asText());
                assertFalse(client.has("secret"));
            }
        }
        assertFalse(realm("care-realm.json").has("browserFlow"), "the demo realm signs in with a password alone");
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
