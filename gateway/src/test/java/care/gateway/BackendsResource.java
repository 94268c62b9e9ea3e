package care.gateway;

import care.deploy.CareTestResource;
import care.deploy.Repo;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Real Keycloak from the shared test resource, and in place of the services a small HTTP server that answers with
 * what it received (so the tests see what the gateway forwards); "subsidy" points at a port nobody listens on.
 * Both servers, the echo and one that no route names ({@code test.elsewhere.url}), list the request targets they
 * received at {@code /__received}: a test can tell that a refused request reached neither.
 */
public class BackendsResource extends CareTestResource {

    // what a service's /q/openapi looks like, cut down: one routed path, one path the gateway does not route
    static final String OPENAPI = """
            {"openapi":"3.0.3","info":{"title":"a service","version":"1"},
             "paths":{"/api/directory/institutions":{"get":{"tags":["Directory"],"responses":{"200":{"description":"ok"}}}},
                      "/api/filings":{"post":{"tags":["Filings"],"responses":{"201":{"description":"created"}}}},
                      "/q/health":{"get":{"responses":{"200":{"description":"ok"}}}}},
             "tags":[{"name":"Directory"},{"name":"Filings"}],
             "components":{"schemas":{"Problem":{"type":"object"}},
                           "securitySchemes":{"keycloak":{"type":"openIdConnect",
                                              "openIdConnectUrl":"http://keycloak/.well-known/openid-configuration"}}}}
            """;

    static final String RECEIVED = "/__received";

    private HttpServer echo;
    private HttpServer elsewhere;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        echo = server();
        List<String> echoReceived = new CopyOnWriteArrayList<>();
        echo.createContext("/", exchange -> {
            if (received(exchange, echoReceived)) {
                return;
            }
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep(3000);
            }
            if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                reply(exchange, OPENAPI);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject headers = new JsonObject();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            JsonObject reply = new JsonObject()
                    .put("method", exchange.getRequestMethod())
                    .put("uri", exchange.getRequestURI().toString())
                    .put("authorized", exchange.getRequestHeaders().containsKey("Authorization"))
                    .put("bodyLength", body.length())
                    .put("headers", headers);
            reply(exchange, reply.encode());
        });
        echo.start();
        elsewhere = server();
        List<String> elsewhereReceived = new CopyOnWriteArrayList<>();
        elsewhere.createContext("/", exchange -> {
            if (!received(exchange, elsewhereReceived)) {
                reply(exchange, "{\"elsewhere\":true}");
            }
        });
        elsewhere.start();
        config.put("test.elsewhere.url", "http://127.0.0.1:" + elsewhere.getAddress().getPort());
        String url = "http://127.0.0.1:" + echo.getAddress().getPort();
        config.put("gateway.routes.registry.url", url);
        config.put("gateway.routes.filing.url", url);
        config.put("gateway.routes.subsidy.url", "http://127.0.0.1:" + Repo.freePort());
        config.put("gateway.routes.portal.url", url);
        config.put("gateway.timeout", "1s");
        config.put("gateway.max-body-size", "64K");
        return config;
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the request target, or answers /__received with the ones recorded, one a line. */
    private static boolean received(HttpExchange exchange, List<String> received) throws IOException {
        String uri = exchange.getRequestURI().toString();
        if (uri.equals(RECEIVED)) {
            byte[] bytes = String.join("\n", received).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
            return true;
        }
        received.add(uri);
        return false;
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
        }
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
    }
}
