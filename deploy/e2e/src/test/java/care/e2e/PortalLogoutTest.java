package care.e2e;

import care.deploy.PortalLogin;
import care.deploy.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging out of the portal changes state, so only a same-origin POST does it: a link or an image pointing at
 * /portal/logout (a GET) leaves the user logged in, and so does a form posted from another site. Plain HTTP with a
 * cookie jar, as a browser without JavaScript would do it, through the gateway.
 */
class PortalLogoutTest {

    static Stack stack;

    /** A browser without JavaScript: its own cookie jar, redirects followed by hand. */
    private final PortalLogin browser = new PortalLogin();

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
    }

    @Test
    void aGetOrAnotherSitesPostDoesNotLogOutAndTheLogoutButtonDoes() {
        String gateway = stack.gatewayUrl();
        browser.login(gateway, "inst-elderly");
        HttpResponse<String> home = browser.send(get(gateway + "/portal/filings"));
        assertEquals(200, home.statusCode(), "logged in");
        assertTrue(home.body().contains("<form method=\"post\" action=\"/portal/logout\""), "the header's logout is a form");

        // a GET (a link, an <img src>) shows the button and ends nothing
        HttpResponse<String> page = browser.send(get(gateway + "/portal/logout"));
        assertEquals(200, page.statusCode(), "GET /portal/logout: " + page.headers().firstValue("Location").orElse(""));
        assertTrue(page.body().contains("id=\"logout-confirm\""), "a page with the logout button");
        assertEquals(200, browser.send(get(gateway + "/portal/filings")).statusCode(), "still logged in after a GET");

        // a form posted from another site is refused
        HttpResponse<String> forged = browser.send(post(gateway + "/portal/logout", "http://evil.example"));
        assertEquals(403, forged.statusCode());
        assertEquals(200, browser.send(get(gateway + "/portal/filings")).statusCode(), "still logged in after a forged POST");

        // the button: the session ends here and at Keycloak, and the browser comes back to the directory
        HttpResponse<String> out = browser.send(post(gateway + "/portal/logout", gateway));
        assertEquals(303, out.statusCode());
        String location = out.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/protocol/openid-connect/logout") && location.contains("id_token_hint="), location);
        HttpResponse<String> back = browser.follow(out);
        assertEquals(200, back.statusCode(), back.uri().toString());
        assertEquals(URI.create(gateway + "/portal/").getPath(), back.uri().getPath(), "back on the directory");
        HttpResponse<String> after = browser.send(get(gateway + "/portal/filings"));
        assertEquals(302, after.statusCode(), "logged out: the page sends the browser to log in");
        // Keycloak's session ended too: logging in again asks for the password
        HttpResponse<String> again = browser.follow(browser.send(get(gateway + "/portal/login")));
        assertTrue(PortalLogin.isLoginForm(again.body()), "Keycloak's login form again: " + again.uri());
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).GET().build();
    }

    private static HttpRequest post(String uri, String origin) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build();
    }
}
