package care.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.opentelemetry.api.trace.Span;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    // hop-by-hop headers (RFC 9110 §7.6.1, and the obsolete Proxy-Connection), and the host, which the client
    // connection sets itself from the backend's address. Compared without regard to case, without lower-casing
    // each name per request
    private static final Set<String> HOP_BY_HOP = caseInsensitive("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings",
            "host");
    // what a caller must not tell the services about itself: the gateway sets X-Forwarded-For/-Host/-Proto from what
    // it saw (after Quarkus's trusted-proxy check), and a caller's X-Forwarded-Port, -Prefix or Forwarded would
    // otherwise reach the portal, which builds its login redirect from them
    private static final Set<String> CALLER_FORWARDING = caseInsensitive("forwarded", "x-real-ip");
    // the caller's trace context is continued, not copied: the client side of the gateway's own span sends its own
    private static final Set<String> TRACE_CONTEXT = caseInsensitive("traceparent", "tracestate");
    private static final String X_FORWARDED = "x-forwarded-";

    // the request context local quarkus-micrometer takes a request's uri tag from
    private static final String METRICS_PATH = "UrlPathTemplate";
    static final String REQUEST_ID = "X-Request-Id";

    private final GatewayConfig config;
    private final Map<String, Backend> backends = new HashMap<>();
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
        config.routes().forEach((service, route) -> backends.put(service, Backend.of(service, route.url())));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(200)));
    }

    void install(@Observes Router router) {
        // on every path, before anything else of the gateway's: what is refused here costs no token check and reaches
        // no service (and the caller still learns the trace id to quote)
        router.route().order(-111).handler(ProxyRoutes::showTraceId);
        router.route().order(-110).handler(ProxyRoutes::refuseUnsafeTargets);
        router.route().order(-109).handler(this::refuseDeclaredOversizeBodies);
        router.route("/api/*").order(-99).handler(ProxyRoutes::securityHeaders);
        TokenCheck tokens = new TokenCheck(config.publicPrefixes(), identities);
        router.route("/api/*").order(-98).handler(tokens::recall);
        router.route("/api/*").order(-97).handler(new RateLimits(config.rateLimit()));
        router.route("/api/*").order(-96).handler(tokens::verify);
        config.routes().forEach((service, route) -> route.prefixes().forEach(prefix -> {
            String metricsPath = prefix + "/*";
            router.route(metricsPath).handler(ctx -> {
                // the request metrics' uri tag: the route, not the path with its record ids (one series per id otherwise)
                ContextLocals.put(METRICS_PATH, metricsPath);
                forward(ctx, service, backends.get(service));
            });
        }));
        // the portal's pages are at /portal/ (its own module, behind this same origin)
        router.get("/").handler(ctx -> ctx.redirect("/portal/"));
        router.route("/api/*").handler(ctx ->
                Problems.send(ctx, 404, "NOT_FOUND", "接口不存在", "no service owns " + ctx.request().path()));
    }

    /**
     * The request's W3C trace (continued from the caller's traceparent, else started here; the forwarded request
     * carries it on to the service, and the service's events to their consumers) is what a caller quotes to the
     * operator: its id comes back as X-Request-Id and stands in the access log.
     */
    private static void showTraceId(RoutingContext ctx) {
        ctx.response().headers().set(REQUEST_ID, traceId());
        ctx.next();
    }

    static String traceId() {
        return Span.current().getSpanContext().getTraceId();
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().headers()
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Cache-Control", "no-store");
        ctx.next();
    }

    private static void refuseUnsafeTargets(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String refusal = RequestTargets.refusal(in);
        if (refusal != null) {
            Failures.badTarget(ctx, refusal);
        } else if (RequestTargets.refusedMethod(in.method())) {
            Problems.send(ctx, 405, "METHOD_NOT_ALLOWED", "不支持该请求方法", in.method().name() + " is not supported");
        } else {
            ctx.next();
        }
    }

    /**
     * A body that says it is too big is refused before anything is forwarded, on every path (the portal's uploads too);
     * a chunked one is counted by {@link LimitedBody}. Netty has already refused a Content-Length that is not a
     * number; parsing it here still never throws.
     */
    private void refuseDeclaredOversizeBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            ctx.next();
            return;
        }
        long declared = contentLength(length);
        if (declared < 0) {
            Problems.send(ctx, 400, "BAD_REQUEST", "请求格式错误", "Content-Length is not a number of bytes");
        } else if (declared <= config.maxBodySize().asLongValue()) {
            ctx.next();
        } else {
            tooLarge(ctx);
        }
    }

    /** The declared length, or -1 if it is not 1 to 18 digits (more could overflow a long; no body is that big). */
    static long contentLength(String value) {
        int length = value.length();
        if (length == 0 || length > 18) {
            return -1;
        }
        long result = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private void tooLarge(RoutingContext ctx) {
        Problems.send(ctx, 413, "PAYLOAD_TOO_LARGE", "请求内容过大",
                "the request body is over " + config.maxBodySize().asLongValue() + " bytes");
    }

    private void forward(RoutingContext ctx, String service, Backend backend) {
        HttpServerRequest in = ctx.request();
        // host and port from the configuration, the target from the checked path: the caller names no host
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setSsl(backend.ssl())
                .setURI(target(ctx))
                .setIdleTimeout(config.timeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        in.headers().forEach(h -> {
            String name = h.getKey();
            if (!HOP_BY_HOP.contains(name) && !CALLER_FORWARDING.contains(name) && !TRACE_CONTEXT.contains(name)
                    && !name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length())) {
                headers.add(name, h.getValue());
            }
        });
        if (in.headers().contains(HttpHeaderNames.CONNECTION)) {
            removeConnectionOptions(in.headers().getAll(HttpHeaderNames.CONNECTION), headers);
        }
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

    /**
     * The path as the router saw it (unreserved characters decoded, e.g. {@code %41} as {@code A}) and the query as it
     * came. {@link RequestTargets} has refused dot segments and encoded slashes, so this is the path the gateway
     * routed and checked the token for; usually it is the request's own URI, unchanged and not copied.
     */
    private static String target(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String path = ctx.normalizedPath();
        if (path.equals(in.path())) {
            return in.uri();
        }
        String query = in.query();
        return query == null ? path : path + '?' + query;
    }

    /** Headers that the Connection header names are hop-by-hop too (RFC 9110 §7.6.1): they stay on this hop. */
    private static void removeConnectionOptions(List<String> connection, MultiMap headers) {
        for (String value : connection) {
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma == -1 ? value.length() : comma;
                String option = value.substring(start, end).trim();
                if (!option.isEmpty()) {
                    headers.remove(option);
                }
                start = end + 1;
            }
        }
    }

    private static void relay(RoutingContext ctx, HttpClientResponse response) {
        var out = ctx.response().setStatusCode(response.statusCode());
        // the gateway's own headers (request id, security headers) are already on the response: options that the
        // service's Connection header names are removed from its headers only
        MultiMap relayed = response.headers();
        if (relayed.contains(HttpHeaderNames.CONNECTION)) {
            relayed = MultiMap.caseInsensitiveMultiMap().addAll(relayed);
            removeConnectionOptions(response.headers().getAll(HttpHeaderNames.CONNECTION), relayed);
        }
        relayed.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey())) {
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
