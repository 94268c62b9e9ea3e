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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for the whole platform at /openapi (and in Swagger UI at /q/swagger-ui): the services'
 * own documents, fetched from their /q/openapi, limited to the paths the gateway routes to them, and merged. The
 * services declare errors, security and headers the same way (contracts PlatformContract), so the merged document
 * is one valid OpenAPI 3.0.3 contract (deploy/e2e ApiContractTest checks it against the one kept in api-client).
 * A service that does not answer is listed under {@code x-unavailable} instead of failing the whole document.
 */
@ApplicationScoped
public class PlatformOpenApi {

    private static final Logger LOG = Logger.getLogger(PlatformOpenApi.class);
    static final String PATH = "/openapi";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final List<String> COMPONENTS =
            List.of("schemas", "responses", "parameters", "headers", "securitySchemes");

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
        // only the API's routes have a document (the portal's pages are HTML, not API); in the order of their names,
        // so that the same services always give the same document (which schema keeps a shared name, the tags' order)
        List<String> services = new ArrayList<>(config.routes().keySet().stream()
                .filter(service -> config.routes().get(service).prefixes().stream().anyMatch(p -> p.startsWith("/api/")))
                .sorted().toList());
        services.forEach(service -> documents.add(fetch(Backend.of(service, config.routes().get(service).url()))));
        Future.join(documents).onComplete(done -> {
            JsonObject merged = skeleton();
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < services.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.succeeded()) {
                    merge(merged, document.result(), services.get(i), config.routes().get(services.get(i)));
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
        JsonObject components = new JsonObject();
        COMPONENTS.forEach(kind -> components.put(kind, new JsonObject()));
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject()
                        .put("title", "一老一小 养老托育机构备案与补贴平台 API")
                        .put("description", "The platform's API through its one gateway. Every operation names its "
                                + "security: the public directory (/api/directory) needs none, the finance bureaus' "
                                + "systems use the client-credentials flow, everyone else a bearer token of the "
                                + "Keycloak realm care. Errors are RFC 9457 application/problem+json with a machine "
                                + "code and per-field violations.")
                        .put("version", "1"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("paths", new JsonObject())
                .put("tags", new JsonArray())
                .put("components", components);
    }

    /**
     * Adds a service's routed paths, its components (schemas, shared responses, parameters, headers, security
     * schemes) and tags. Components the services share (the problem answers, the security schemes) are the same in
     * each and kept once; a schema that has the name of a different schema of another service is renamed with the
     * service's name in front ({@code Item} → {@code SubsidyItem}), and this service's references follow it.
     */
    static void merge(JsonObject merged, JsonObject document, String service, GatewayConfig.Route route) {
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        JsonObject components = document.getJsonObject("components", new JsonObject());
        Map<String, String> renamed = new HashMap<>();
        for (Map.Entry<String, Object> schema : components.getJsonObject("schemas", new JsonObject())) {
            Object existing = schemas.getValue(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renamed.put(SCHEMA_REF + schema.getKey(), SCHEMA_REF
                        + Character.toUpperCase(service.charAt(0)) + service.substring(1) + schema.getKey());
            }
        }
        JsonObject own = renamed.isEmpty() ? document : (JsonObject) follow(document.copy(), renamed);
        JsonObject ownComponents = own.getJsonObject("components", new JsonObject());
        for (String kind : COMPONENTS) {
            JsonObject into = merged.getJsonObject("components").getJsonObject(kind);
            ownComponents.getJsonObject(kind, new JsonObject()).forEach(component -> {
                String name = kind.equals("schemas") ? renamed.getOrDefault(SCHEMA_REF + component.getKey(),
                        SCHEMA_REF + component.getKey()).substring(SCHEMA_REF.length()) : component.getKey();
                Object existing = into.getValue(name);
                if (existing != null && !existing.equals(component.getValue())) {
                    LOG.warnf("OpenAPI %s %s differs between services; keeping the first", kind, name);
                }
                into.getMap().putIfAbsent(name, component.getValue());
            });
        }
        JsonObject paths = merged.getJsonObject("paths");
        own.getJsonObject("paths", new JsonObject()).forEach(path -> {
            if (route.prefixes().stream().anyMatch(p -> path.getKey().equals(p) || path.getKey().startsWith(p + "/"))) {
                paths.put(path.getKey(), path.getValue());
            }
        });
        List<JsonObject> tags = new ArrayList<>();
        for (JsonArray of : List.of(merged.getJsonArray("tags"), own.getJsonArray("tags", new JsonArray()))) {
            for (int i = 0; i < of.size(); i++) {
                JsonObject tag = of.getJsonObject(i);
                if (tags.stream().noneMatch(t -> t.getString("name").equals(tag.getString("name")))) {
                    tags.add(tag);
                }
            }
        }
        tags.sort(Comparator.comparing(tag -> tag.getString("name")));
        merged.put("tags", new JsonArray(new ArrayList<>(tags)));
    }

    /** The JSON value with every {@code $ref} that was renamed pointing at the new name. */
    private static Object follow(Object value, Map<String, String> renamed) {
        if (value instanceof JsonObject object) {
            for (String key : List.copyOf(object.fieldNames())) {
                Object field = object.getValue(key);
                object.put(key, key.equals("$ref") && field instanceof String ref
                        ? renamed.getOrDefault(ref, ref) : follow(field, renamed));
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, follow(array.getValue(i), renamed));
            }
        }
        return value;
    }
}
