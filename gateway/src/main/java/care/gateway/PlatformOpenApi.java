package care.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for the whole platform at /openapi (and in Swagger UI at /q/swagger-ui): the services'
 * own documents, fetched from their /q/openapi, limited to the paths the gateway routes to them, and merged.
 * A service that does not answer is listed under {@code x-unavailable} instead of failing the whole document.
 */
@ApplicationScoped
public class PlatformOpenApi {

    private static final Logger LOG = Logger.getLogger(PlatformOpenApi.class);
    static final String PATH = "/openapi";

    private final GatewayConfig config;
    private final HttpClient client;

    public PlatformOpenApi(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        List<Future<JsonObject>> documents = new ArrayList<>();
        // only the API's routes have a document (the portal's pages are HTML, not API)
        List<String> services = new ArrayList<>(config.routes().keySet().stream()
                .filter(service -> config.routes().get(service).prefixes().stream().anyMatch(p -> p.startsWith("/api/")))
                .toList());
        services.forEach(service -> documents.add(fetch(Backend.of(service, config.routes().get(service).url()))));
        Future.join(documents).onComplete(done -> {
            JsonObject merged = skeleton();
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < services.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.succeeded()) {
                    merge(merged, document.result(), config.routes().get(services.get(i)));
                } else {
                    LOG.warnf("no OpenAPI document from %s: %s", services.get(i), document.cause().toString());
                    unavailable.add(services.get(i));
                }
            }
            if (!unavailable.isEmpty()) {
                merged.put("x-unavailable", unavailable);
            }
            ctx.response().putHeader("Content-Type", "application/json").end(merged.encodePrettily());
        });
    }

    private Future<JsonObject> fetch(Backend backend) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(backend.host()).setPort(backend.port()).setSsl(backend.ssl())
                        .setURI("/q/openapi?format=json").setTimeout(config.timeout().toMillis()))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body().map(Buffer::toJsonObject)
                        : Future.failedFuture("status " + response.statusCode()));
    }

    private static JsonObject skeleton() {
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject()
                        .put("title", "一老一小 养老托育机构备案与补贴平台 API")
                        .put("description", "The platform's API through its one gateway. Every path except "
                                + "/api/directory needs a bearer token from the Keycloak realm care.")
                        .put("version", "1"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("security", new JsonArray().add(new JsonObject().put("keycloak", new JsonArray())))
                .put("paths", new JsonObject())
                .put("tags", new JsonArray())
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject())
                        .put("securitySchemes", new JsonObject().put("keycloak", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))));
    }

    static void merge(JsonObject merged, JsonObject document, GatewayConfig.Route route) {
        JsonObject paths = merged.getJsonObject("paths");
        document.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (route.prefixes().stream().anyMatch(p -> path.getKey().equals(p) || path.getKey().startsWith(p + "/"))) {
                paths.put(path.getKey(), path.getValue());
            }
        });
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        JsonObject components = document.getJsonObject("components", new JsonObject());
        for (Map.Entry<String, Object> schema : components.getJsonObject("schemas", new JsonObject())) {
            Object existing = schemas.getValue(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                LOG.warnf("OpenAPI schema %s differs between services; keeping the first", schema.getKey());
            }
            schemas.getMap().putIfAbsent(schema.getKey(), schema.getValue());
        }
        JsonArray tags = merged.getJsonArray("tags");
        document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        });
    }
}
