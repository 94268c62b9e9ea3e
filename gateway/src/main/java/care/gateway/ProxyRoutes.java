package care.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Forwards /api/... to the service that owns the path, once {@link TokenCheck} let the request through;
 * the Authorization header travels on so that the service checks again. Routes outside /api (the portal's pages)
 * are forwarded as they are, body streamed, with their cookies and redirects.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    // hop-by-hop headers (RFC 9110 §7.6.1) and those the client connection sets itself
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final GatewayConfig config;
    private final HttpClient client;

    public ProxyRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(200));
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(RequestIds::assign);
        router.route("/api/*").order(-99).handler(ProxyRoutes::securityHeaders);
        router.route("/api/*").order(-98).handler(new TokenCheck(config.publicPrefixes()));
        router.route("/api/*").order(-97).handler(new RateLimits(config.rateLimit()));
        router.route("/api/*").order(-96).handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()));
        config.routes().forEach((service, route) -> route.prefixes().forEach(prefix ->
                router.route(prefix + "/*").handler(ctx -> forward(ctx, service, route.url()))));
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

        boolean buffered = ctx.body().available(); // /api/* has a BodyHandler; other routes (the portal) stream
        if (!buffered) {
            in.pause(); // until the backend connection is there: uploads (multipart forms) are piped, not buffered
        }
        client.request(options)
                .compose(out -> !buffered ? out.send(in)
                        : ctx.body().buffer() == null ? out.send() : out.send(ctx.body().buffer()))
                .onSuccess(response -> relay(ctx, response))
                .onFailure(failure -> unavailable(ctx, service, failure));
    }

    private static void relay(RoutingContext ctx, HttpClientResponse response) {
        var out = ctx.response().setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            if (!NOT_FORWARDED.contains(name) || name.equals("content-length")) {
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
