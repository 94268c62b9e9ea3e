package care.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Forwards /api/... to the service that owns the path, once {@link TokenCheck} let the request through;
 * the Authorization header travels on so that the service checks again. Routes outside /api (the portal's pages)
 * are forwarded as they are, with their cookies and redirects. Bodies are streamed, never held here.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    // hop-by-hop headers (RFC 9110 §7.6.1), and the host, which the client connection sets itself
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    // the request context local quarkus-micrometer takes a request's uri tag from
    private static final String METRICS_PATH = "UrlPathTemplate";

    private final GatewayConfig config;
    private final Vertx vertx;
    private final IdentityProviderManager identities;
    // one client per event loop: a pooled connection then lives on the event loop of the requests that use it, so a
    // request and its forwarded copy never hop between threads (with two loops, a shared pool handed connections
    // across them and cost the gateway about a tenth more CPU per request)
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();

    public ProxyRoutes(GatewayConfig config, Vertx vertx, IdentityProviderManager identities) {
        this.config = config;
        this.vertx = vertx;
        this.identities = identities;
    }

    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(200)));
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(RequestIds::assign);
        router.route("/api/*").order(-99).handler(ProxyRoutes::securityHeaders);
        router.route("/api/*").order(-98).handler(new TokenCheck(config.publicPrefixes(), identities));
        router.route("/api/*").order(-97).handler(new RateLimits(config.rateLimit()));
        router.route("/api/*").order(-96).handler(this::refuseDeclaredOversizeBodies);
        config.routes().forEach((service, route) -> route.prefixes().forEach(prefix -> {
            String metricsPath = prefix + "/*";
            router.route(metricsPath).handler(ctx -> {
                // the request metrics' uri tag: the route, not the path with its record ids (one series per id otherwise)
                ContextLocals.put(METRICS_PATH, metricsPath);
                forward(ctx, service, route.url());
            });
        }));
        // the portal's pages are at /portal/ (its own module, behind this same origin)
        router.get("/").handler(ctx -> ctx.redirect("/portal/"));
        router.route("/api/*").handler(ctx ->
                Problems.send(ctx, 404, "NOT_FOUND", "接口不存在", "no service owns " + ctx.request().path()));
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().headers()
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Cache-Control", "no-store");
        ctx.next();
    }

    /** A body that says it is too big is refused before anything is forwarded; a chunked one is counted by {@link LimitedBody}. */
    private void refuseDeclaredOversizeBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null || Long.parseLong(length) <= config.maxBodySize().asLongValue()) {
            ctx.next();
        } else {
            tooLarge(ctx);
        }
    }

    private void tooLarge(RoutingContext ctx) {
        Problems.send(ctx, 413, "PAYLOAD_TOO_LARGE", "请求内容过大",
                "the request body is over " + config.maxBodySize().asLongValue() + " bytes");
    }

    private void forward(RoutingContext ctx, String service, String baseUrl) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(baseUrl + in.uri())
                .setIdleTimeout(config.timeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        in.headers().forEach(h -> {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
        headers.set("X-Forwarded-Proto", in.scheme());
        headers.set("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
        options.setHeaders(headers);

        LimitedBody body = new LimitedBody(in, config.maxBodySize().asLongValue());
        client().request(options)
                .compose(out -> send(out, in, body))
                .onSuccess(response -> relay(ctx, response))
                .onFailure(failure -> {
                    if (body.exceeded()) {
                        tooLarge(ctx);
                    } else {
                        unavailable(ctx, service, failure);
                    }
                });
    }

    /** Streams the body on; one that fails half way resets the request, so no service sees a truncated body as whole. */
    private static Future<HttpClientResponse> send(HttpClientRequest out, HttpServerRequest in, LimitedBody body) {
        if (!in.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            boolean http1 = in.version() != HttpVersion.HTTP_2;
            if (in.isEnded() || (http1 && !in.headers().contains(HttpHeaderNames.TRANSFER_ENCODING))) {
                return out.send(); // no body (RFC 9112 §6.3); an HTTP/2 body may come without a length
            }
            out.setChunked(true);
        }
        body.pipe().endOnFailure(false).to(out).onFailure(failure -> out.reset(0, failure));
        return out.response();
    }

    private static void relay(RoutingContext ctx, HttpClientResponse response) {
        var out = ctx.response().setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        if (!out.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        response.pipeTo(out);
    }

    private static void unavailable(RoutingContext ctx, String service, Throwable failure) {
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            LOG.warnf("%s did not answer in time: %s", service, failure.getMessage());
            Problems.send(ctx, 504, "UPSTREAM_TIMEOUT", "服务响应超时", service + " did not answer in time");
        } else {
            LOG.warnf("%s unreachable: %s", service, failure.toString());
            Problems.send(ctx, 503, "SERVICE_UNAVAILABLE", "服务暂时不可用",
                    service + " is not reachable" + (failure instanceof ConnectException ? "" : ": " + failure.getMessage()));
        }
    }
}
