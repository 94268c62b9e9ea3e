package care.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Keycloak from keycloak-quarkus-dist, started in dev mode with the realm {@code care} imported from
 * deploy/keycloak/care-realm.json. Keep the start options the same every time: a change makes Keycloak rebuild.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "care";
    public static final String DEMO_PASSWORD = "demo";
    public static final String CLI_CLIENT = "care-cli";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, String> ENVIRONMENT = Map.of("JAVA_HOME", System.getProperty("java.home"),
            "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
            "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
            "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    // six minutes were too few at load 30 on the shared 2-core machine: the realm import alone took minutes
    static final Duration READY_WITHIN = Duration.ofMinutes(12);

    /** The process this JVM started, or null for the build's shared Keycloak, which this JVM does not stop. */
    private final ChildProcess process;
    private final int port;

    Keycloak(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param keepData keep the accounts of an earlier start (the local stack: its registry keeps theirs too); else
     *                 start from the realm file alone
     */
    public static Keycloak start(Path home, int port, int managementPort, Path log, boolean keepData) {
        if (!keepData || !Files.exists(home.resolve("data/h2"))) {
            freshRealm(home);
        }
        ChildProcess process = ChildProcess.start("keycloak", command(home, port, managementPort), ENVIRONMENT, home, log);
        Keycloak keycloak = new Keycloak(process, port);
        process.awaitReady(() -> ChildProcess.answers200("http://localhost:" + managementPort + "/health/ready"), READY_WITHIN);
        return keycloak;
    }

    static void freshRealm(Path home) {
        try {
            Repo.deleteTree(home.resolve("data/h2"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Repo.root().resolve("deploy/keycloak/care-realm.json"), imports.resolve("care-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(Path home, int port, int managementPort) {
        return List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort,
                "--import-realm", "--health-enabled=true",
                // start-dev turns theme caching off (for theme authors): every login page would parse its
                // templates again and the browser fetch its CSS again
                "--spi-theme--cache-themes=true", "--spi-theme--cache-templates=true",
                "--spi-theme--static-max-age=2592000");
    }

    public String realmUrl() {
        return serverUrl() + "/realms/" + REALM;
    }

    /** The server's root, where its admin API answers (registry-service's accounts). */
    public String serverUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** An access token for a demo user, by the password grant of the local-only client care-cli. */
    public String token(String username) {
        return token(username, DEMO_PASSWORD);
    }

    /**
     * An access token for any user of the realm by its password (accounts the platform made in a test); refused
     * (IllegalStateException) for a disabled user or one that must first change a one-time password.
     */
    public String token(String username, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password));
    }

    /** An access token for a confidential client, by client credentials (the finance bureau's system). */
    public String clientToken(String clientId, String secret) {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private String requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(realmUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request refused: " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The care-portal redirect URIs the realm file names: never dropped. */
    private static List<String> realmFilePortalUris() throws IOException {
        List<String> uris = new ArrayList<>();
        for (var client : JSON.readTree(Repo.root().resolve("deploy/keycloak/care-realm.json").toFile()).path("clients")) {
            if (client.path("clientId").asText().equals("care-portal")) {
                client.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
            }
        }
        return uris;
    }

    /**
     * Lets the portal's client (care-portal) redirect to pages of this origin after login and logout. The demo realm
     * names http://localhost:8080; a stack on free ports (the end-to-end tests, the benchmark) adds its gateway's
     * origin here, through the admin API of this local Keycloak.
     * <p>
     * With {@code replaceEarlier} (a Keycloak copy that only this stack's layout uses) the localhost origins earlier
     * starts added are dropped first. Kept, they went into every access token's allowed-origins: after a day of
     * benchmark runs on one copy (about sixty starts, 1,480 characters of origins) the portal's session cookie
     * was two chunks of 7 KB together, and the gateway answered the page after the login 431 (headers too large).
     */
    public void allowPortalOrigin(String origin, boolean replaceEarlier) {
        try {
            String admin = adminToken();
            String clients = "http://localhost:" + port + "/admin/realms/" + REALM + "/clients";
            var found = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=care-portal"))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            var client = (com.fasterxml.jackson.databind.node.ObjectNode) found.get(0);
            String pattern = origin + "/*";
            List<String> before = new ArrayList<>();
            client.withArray("redirectUris").forEach(uri -> before.add(uri.asText()));
            var attributes = client.get("attributes") instanceof com.fasterxml.jackson.databind.node.ObjectNode a ? a
                    : client.putObject("attributes");
            List<String> logoutBefore = new ArrayList<>(List.of(attributes.path("post.logout.redirect.uris")
                    .asText("").split("##")));
            logoutBefore.remove("");
            List<String> uris = new ArrayList<>(before);
            List<String> logout = new ArrayList<>(logoutBefore);
            if (replaceEarlier) {
                List<String> realmFile = realmFilePortalUris();
                Predicate<String> earlier = uri -> !uri.equals(pattern) && !realmFile.contains(uri)
                        && uri.matches("http://localhost:\\d+/\\*");
                uris.removeIf(earlier);
                logout.removeIf(earlier);
            }
            if (!uris.contains(pattern)) {
                uris.add(pattern);
            }
            if (!logout.contains(pattern)) {
                logout.add(pattern);
            }
            if (uris.equals(before) && logout.equals(logoutBefore)) {
                return;
            }
            var array = client.putArray("redirectUris");
            uris.forEach(array::add);
            attributes.put("post.logout.redirect.uris", String.join("##", logout));
            HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (updated.statusCode() >= 300) {
                throw new IllegalStateException("care-portal redirect not updated: " + updated.statusCode() + " " + updated.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds a demo user with the password {@link #DEMO_PASSWORD}, one realm role and the attributes the tokens carry
     * as claims (uscc, sector, division_code, city_code), through the admin API of this local Keycloak: a test
     * that needs institutions and reviewers of its own, untouched by other tests.
     */
    public void addUser(String username, String role, Map<String, String> attributes) {
        try {
            String admin = adminToken();
            String users = "http://localhost:" + port + "/admin/realms/" + REALM + "/users";
            var user = JSON.createObjectNode().put("username", username).put("enabled", true)
                    .put("emailVerified", true).put("firstName", username).put("lastName", "故障测试")
                    .put("email", username + "@faults.care.invalid");
            var claims = user.putObject("attributes");
            attributes.forEach((name, value) -> claims.putArray(name).add(value));
            user.putArray("credentials").addObject().put("type", "password").put("value", DEMO_PASSWORD)
                    .put("temporary", false);
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(users))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("user " + username + " not created: " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            String roleJson = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/realms/"
                            + REALM + "/roles/" + role)).header("Authorization", "Bearer " + admin).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> mapped = HTTP.send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (mapped.statusCode() >= 300) {
                throw new IllegalStateException("role " + role + " not given to " + username + ": " + mapped.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gives a user a password of their own, as the holder of a one-time password does at the first sign-in (a test
     * that signs in by the password grant cannot answer Keycloak's update-password page).
     */
    public void setPassword(String username, String password) {
        try {
            String admin = adminToken();
            String users = "http://localhost:" + port + "/admin/realms/" + REALM + "/users";
            var found = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            String credential = JSON.createObjectNode().put("type", "password").put("value", password)
                    .put("temporary", false).toString();
            HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(users + "/"
                            + found.get(0).get("id").asText() + "/reset-password"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(credential)).build(), HttpResponse.BodyHandlers.ofString());
            if (reset.statusCode() >= 300) {
                throw new IllegalStateException("password of " + username + " not set: " + reset.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
    }

    /** The process this JVM started; null for the build's shared Keycloak ({@link BuildKeycloak}). */
    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
