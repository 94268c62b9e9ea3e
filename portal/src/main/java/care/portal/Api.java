package care.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform API through the gateway, called with the logged-in user's access token (or none, for the public
 * directory). The services decide what the user may do; a refusal comes back as an {@link ApiError}.
 */
@ApplicationScoped
public class Api {

    private static final Logger LOG = Logger.getLogger(Api.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json;
    private final String base;

    public Api(ObjectMapper json, @ConfigProperty(name = "portal.api-url") String base) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String path, String token) {
        return (Map<String, Object>) call("GET", path, token, null);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String path, String token) {
        return (List<Object>) call("GET", path, token, null);
    }

    /** Several reads at once (a page that needs three answers waits for the slowest, not for their sum). */
    public List<Object> all(java.util.function.Supplier<?>... reads) {
        List<java.util.concurrent.CompletableFuture<?>> futures = java.util.Arrays.stream(reads)
                .<java.util.concurrent.CompletableFuture<?>>map(java.util.concurrent.CompletableFuture::supplyAsync).toList();
        List<Object> results = new java.util.ArrayList<>();
        for (var future : futures) {
            try {
                results.add(future.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return results;
    }

    /** A JSON request; the answer parsed (Map, List) or null when empty. */
    public Object call(String method, String path, String token, Object body) {
        return call(method, path, token, body, null);
    }

    /**
     * A change made against the version of the record the page showed (If-Match): if someone changed it since,
     * the service refuses (409 CONCURRENT_MODIFICATION) instead of the later save silently overwriting theirs.
     */
    public Object call(String method, String path, String token, Object body, String version) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            HttpRequest.Builder request = request(path, token).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (version != null && version.matches("\\d{1,18}")) {
                request.header("If-Match", "\"" + version + "\"");
            }
            return parse(send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw bytes as the body (a material upload). */
    public Object upload(String path, String token, byte[] bytes, String contentType) {
        HttpRequest request = request(path, token).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return parse(send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A download passed through as it is (material, receipt, CSV); refusals as {@link ApiError}. */
    public HttpResponse<InputStream> stream(String path, String token) {
        HttpResponse<InputStream> response = send(request(path, token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream in = response.body()) {
                throw error(response.statusCode(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new ApiError(504, "UPSTREAM_TIMEOUT", "服务响应超时，请稍后再试", e.getMessage(), Map.of());
        } catch (IOException e) {
            LOG.warnf("API unreachable: %s %s: %s", request.method(), request.uri(), e.toString());
            throw new ApiError(503, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后再试", e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后再试", "interrupted", Map.of());
        }
    }

    private Object parse(HttpResponse<byte[]> response) {
        if (response.statusCode() >= 400) {
            throw error(response.statusCode(), response.body());
        }
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, Object.class);
        } catch (IOException e) {
            throw new ApiError(502, "BAD_ANSWER", "服务返回了无法识别的内容", e.getMessage(), Map.of());
        }
    }

    private ApiError error(int status, byte[] body) {
        Object problem = null;
        try {
            problem = body == null || body.length == 0 ? null : json.readValue(body, Object.class);
        } catch (IOException ignored) {
            // not problem+json: a status-based title
        }
        return ApiError.of(status, problem);
    }
}
