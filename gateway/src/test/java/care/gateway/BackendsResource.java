package care.gateway;

import care.deploy.CareTestResource;
import care.deploy.Repo;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Real Keycloak from the shared test resource, and in place of the services a small HTTP server that answers with
 * what it received (so the tests see what the gateway forwards); "subsidy" points at a port nobody listens on.
 */
public class BackendsResource extends CareTestResource {

    // what a service's /q/openapi looks like, cut down: one routed path, one path the gateway does not route
    static final String OPENAPI = """
            {"openapi":"3.0.3","info":{"title":"a service","version":"1"},
             "paths":{"/api/directory/institutions":{"get":{"tags":["Directory"],"responses":{"200":{"description":"ok"}}}},
                      "/api/filings":{"post":{"tags":["Filings"],"responses":{"201":{"description":"created"}}}},
                      "/q/health":{"get":{"responses":{"200":{"description":"ok"}}}}},
             "tags":[{"name":"Directory"},{"name":"Filings"}],
             "components":{"schemas":{"Problem":{"type":"object"}}}}
            """;

    private HttpServer echo;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        echo.setExecutor(Executors.newFixedThreadPool(4));
        echo.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep(3000);
            }
            if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                reply(exchange, OPENAPI);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String reply = "{\"method\":\"%s\",\"uri\":\"%s\",\"requestId\":\"%s\",\"authorized\":%s,\"bodyLength\":%d}"
                    .formatted(exchange.getRequestMethod(), exchange.getRequestURI(),
                            exchange.getRequestHeaders().getFirst("X-Request-Id"),
                            exchange.getRequestHeaders().containsKey("Authorization"), body.length());
            reply(exchange, reply);
        });
        echo.start();
        String url = "http://127.0.0.1:" + echo.getAddress().getPort();
        config.put("gateway.routes.registry.url", url);
        config.put("gateway.routes.filing.url", url);
        config.put("gateway.routes.subsidy.url", "http://127.0.0.1:" + Repo.freePort());
        config.put("gateway.routes.portal.url", url);
        config.put("gateway.timeout", "1s");
        config.put("gateway.max-body-size", "64K");
        return config;
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
    }
}
