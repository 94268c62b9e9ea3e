package care.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A demo user's login through the portal, as a browser makes it: the portal's login link, Keycloak's page, the
 * credential form, the portal's callback and its redirects to the user's home page. The stack is only up once this
 * works; being the first login after a start, it also takes the JVMs' cold first time off the first real user. An
 * instance is a browser without JavaScript (its own cookie jar), which tests use for what follows a login.
 */
public final class PortalLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 10;
    private static final Duration PER_REQUEST = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // cookies by host, then name, as a browser on localhost keeps them (java.net.CookieManager drops Keycloak's
    // Version=1 cookies for a host without a dot, and the login then starts over)
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    /** Logs the user in and returns how long it took; fails, saying where, if the login does not reach a portal page. */
    static Duration asDemoUser(String gatewayUrl, String username) {
        long started = System.nanoTime();
        new PortalLogin().login(gatewayUrl, username);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Whether a page is Keycloak's login form (the user is asked for their password). */
    public static boolean isLoginForm(String body) {
        return FORM_ACTION.matcher(body).find();
    }

    /** Logs the user in; fails, saying where, if the login does not reach a portal page. */
    public void login(String gatewayUrl, String username) {
        login(gatewayUrl, username, Keycloak.DEMO_PASSWORD);
    }

    /** Logs in with a password of the user's own (an account the platform made); fails like the demo login. */
    public void login(String gatewayUrl, String username, String password) {
        HttpResponse<String> page = follow(get(URI.create(gatewayUrl + "/portal/login")));
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("the portal's login did not lead to Keycloak's form: " + page.uri() + " answered "
                    + page.statusCode());
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
        if (home.statusCode() != 200 || !home.uri().getPath().startsWith("/portal/")
                || !home.uri().toString().startsWith(gatewayUrl)) {
            throw new IllegalStateException("a login as " + username + " ended at " + home.uri() + " with " + home.statusCode());
        }
    }

    /** Follows the redirects of an answer, as a browser does. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> last = response;
        for (int i = 0; i < MAX_REDIRECTS && last.statusCode() / 100 == 3; i++) {
            URI from = last.uri();
            String location = last.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException(from + " redirected without a Location"));
            last = get(from.resolve(location));
        }
        return last;
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    /** Sends a request with this browser's cookies, and keeps the ones it sets. */
    public HttpResponse<String> send(HttpRequest request) {
        Map<String, String> jar = cookies.computeIfAbsent(request.uri().getHost(), host -> new LinkedHashMap<>());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true).timeout(PER_REQUEST);
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (value.isEmpty() || header.matches("(?i).*;\\s*max-age=0\\b.*")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
