package care.e2e;

import care.deploy.Keycloak;
import care.deploy.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging out of the portal changes state, so only a same-origin POST does it: a link or an image pointing at
 * /portal/logout (a GET) leaves the user logged in, and so does a form posted from another site. Plain HTTP with a
 * cookie jar, as a browser without JavaScript would do it, through the gateway.
 */
class PortalLogoutTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    static Stack stack;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
    }

    @Test
    void aGetOrAnotherSitesPostDoesNotLogOutAndTheLogoutButtonDoes() {
        String gateway = stack.gatewayUrl();
        login(gateway, "inst-elderly");
        HttpResponse<String> home = send(get(gateway + "/portal/filings"));
        assertEquals(200, home.statusCode(), "logged in");
        assertTrue(home.body().contains("<form method=\"post\" action=\"/portal/logout\""), "the header's logout is a form");

        // a GET (a link, an <img src>) shows the button and ends nothing
        HttpResponse<String> page = send(get(gateway + "/portal/logout"));
        assertEquals(200, page.statusCode(), "GET /portal/logout: " + page.headers().firstValue("Location").orElse(""));
        assertTrue(page.body().contains("id=\"logout-confirm\""), "a page with the logout button");
        assertEquals(200, send(get(gateway + "/portal/filings")).statusCode(), "still logged in after a GET");

        // a form posted from another site is refused
        HttpResponse<String> forged = send(post(gateway + "/portal/logout", "http://evil.example"));
        assertEquals(403, forged.statusCode());
        assertEquals(200, send(get(gateway + "/portal/filings")).statusCode(), "still logged in after a forged POST");

        // the button: the session ends here and at Keycloak, and the browser comes back to the directory
        HttpResponse<String> out = send(post(gateway + "/portal/logout", gateway));
        assertEquals(303, out.statusCode());
        String location = out.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/protocol/openid-connect/logout") && location.contains("id_token_hint="), location);
        HttpResponse<String> back = follow(out);
        assertEquals(200, back.statusCode(), back.uri().toString());
        assertEquals(URI.create(gateway + "/portal/").getPath(), back.uri().getPath(), "back on the directory");
        HttpResponse<String> after = send(get(gateway + "/portal/filings"));
        assertEquals(302, after.statusCode(), "logged out: the page sends the browser to log in");
        // Keycloak's session ended too: logging in again asks for the password
        HttpResponse<String> again = follow(send(get(gateway + "/portal/login")));
        assertTrue(FORM_ACTION.matcher(again.body()).find(), "Keycloak's login form again: " + again.uri());
    }

    private void login(String gateway, String username) {
        HttpResponse<String> page = follow(send(get(gateway + "/portal/login")));
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(page.statusCode() == 200 && action.find(), "Keycloak's login form: " + page.uri());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(Keycloak.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
        assertEquals(200, home.statusCode(), "logged in: " + home.uri());
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).GET().build();
    }

    private static HttpRequest post(String uri, String origin) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build();
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> last = response;
        for (int i = 0; i < 10 && last.statusCode() / 100 == 3; i++) {
            last = send(get(last.uri().resolve(last.headers().firstValue("Location").orElseThrow()).toString()));
        }
        return last;
    }

    /** Cookies by host, as a browser on localhost keeps them (see care.deploy.PortalLogin). */
    private HttpResponse<String> send(HttpRequest request) {
        Map<String, String> jar = cookies.computeIfAbsent(request.uri().getHost(), host -> new LinkedHashMap<>());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(Duration.ofSeconds(30));
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", jar.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
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
