package care.e2e;

import care.deploy.PortalLogin;
import care.deploy.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static care.e2e.Registrations.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account pages of the portal, through the gateway as a browser without JavaScript uses them (forms, cookies,
 * Keycloak's login page): 机构注册 → the registrant logs in to its 新设备案 only → the county's 民政 confirms it on
 * 注册审核 → the institution's administrator adds and removes an operator on 经办人账号; 曲靖's city admin appoints a
 * reviewer on 账号管理, who logs in with their own password, and after being disabled no longer can.
 */
class AccountPagesTest {

    static Stack stack;
    static String gateway;

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
        gateway = stack.gatewayUrl();
    }

    @Test
    void anInstitutionRegistersOnThePublicPageAndManagesItsOperatorsOnceItsCountyConfirmsIt() {
        PortalLogin visitor = new PortalLogin();
        HttpResponse<String> page = visitor.send(get("/portal/register"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"register-form\"") && page.body().contains("width=device-width"));

        // a wrong check character: the page again, the message at the field, the password not echoed
        String uscc = Registrations.uscc("530102");
        String mobile = Registrations.mobile();
        Map<String, Object> form = Registrations.registration(uscc, "530102", "ELDERLY", mobile);
        Map<String, Object> wrong = new LinkedHashMap<>(form);
        wrong.put("uscc", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
        HttpResponse<String> refused = visitor.send(post("/portal/register", wrong));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("field invalid\" id=\"field-uscc\""), "the USCC field is marked");
        assertTrue(!refused.body().contains(PASSWORD), "the password is echoed");

        HttpResponse<String> submitted = visitor.send(post("/portal/register", form));
        assertEquals(201, submitted.statusCode());
        assertTrue(submitted.body().contains("id=\"submitted\"") && submitted.body().contains("民政"));

        // until confirmed it logs in as a registrant: its 新设备案 only, none of the other filings or pages
        PortalLogin registrant = new PortalLogin();
        registrant.login(gateway, mobile, PASSWORD);
        HttpResponse<String> filings = registrant.send(get("/portal/filings"));
        assertEquals(200, filings.statusCode());
        assertTrue(filings.body().contains("id=\"registrant-note\"") && filings.body().contains("id=\"new-NEW\""));
        assertTrue(!filings.body().contains("id=\"new-CHANGE\"") && !filings.body().contains("id=\"nav-sites\""),
                "a registrant is offered more than its 新设备案");

        // 五华区 民政 confirms it on its queue
        PortalLogin reviewer = new PortalLogin();
        reviewer.login(gateway, "mz-530102");
        HttpResponse<String> queue = reviewer.send(get("/portal/registrations"));
        assertEquals(200, queue.statusCode());
        Matcher confirm = Pattern.compile("action=\"(/portal/registrations/[0-9a-f-]{36}/confirm)\"[^<]*<button[^>]*>确认")
                .matcher(queue.body().substring(queue.body().indexOf(uscc)));
        assertTrue(confirm.find(), "a 确认 button on the registration's row");
        HttpResponse<String> confirmed = reviewer.send(post(confirm.group(1), Map.of()));
        assertEquals(303, confirmed.statusCode());
        assertTrue(reviewer.follow(confirmed).body().contains("已确认"));

        // now the institution's administrator: it adds an operator on 经办人账号, who gets a one-time password, and removes it
        PortalLogin institution = new PortalLogin();
        institution.login(gateway, mobile, PASSWORD);
        HttpResponse<String> operators = institution.send(get("/portal/operators"));
        assertEquals(200, operators.statusCode());
        assertTrue(operators.body().contains("id=\"operator-" + mobile + "\"") && operators.body().contains("机构管理员"));
        String operator = Registrations.mobile();
        HttpResponse<String> bad = institution.send(post("/portal/operators", Map.of("fullName", "赵敏", "mobile", "123")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("field invalid\" id=\"field-mobile\""), "the mobile field is marked");
        HttpResponse<String> added = institution.send(post("/portal/operators", Map.of("fullName", "赵敏", "mobile", operator)));
        assertEquals(201, added.statusCode());
        assertTrue(added.body().contains("id=\"initial-password\"") && added.body().contains("id=\"operator-" + operator + "\""));
        Matcher remove = Pattern.compile("action=\"(/portal/operators/[0-9a-f-]{36}/remove)\"[^>]*>\\s*<button[^>]*id=\"remove-"
                + Pattern.quote(operator) + "\"").matcher(added.body());
        assertTrue(remove.find(), "a 删除 button on the operator's row");
        HttpResponse<String> asked = institution.send(post(remove.group(1), Map.of()));
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("删除这个经办人吗？"), "删除 asks once first");
        HttpResponse<String> removed = institution.send(post(remove.group(1), Map.of("confirmed", "yes")));
        assertEquals(303, removed.statusCode());
        String after = institution.follow(removed).body();
        assertTrue(after.contains("id=\"done\"") && !after.contains("id=\"operator-" + operator + "\""));
        // an operator is not its institution's administrator: the page says so
        PortalLogin clerk = new PortalLogin();
        clerk.login(gateway, "inst-elderly");
        assertEquals(403, clerk.send(get("/portal/operators")).statusCode());
    }

    @Test
    void aCityAdminAppointsAReviewerWhoLogsInUntilDisabled() {
        PortalLogin admin = new PortalLogin();
        admin.login(gateway, "admin-530300");
        HttpResponse<String> page = admin.send(get("/portal/accounts"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().matches("(?s).*<option value=\"530381\"[^>]*>宣威市</option>.*"), "宣威市 among the divisions");
        assertTrue(!page.body().contains("value=\"530102\""), "no county of another city");

        String username = "mz-530381-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        HttpResponse<String> created = admin.send(post("/portal/accounts", Map.of("username", username,
                "fullName", "杨帆", "role", "civil-affairs-reviewer", "divisionCode", "530381")));
        assertEquals(201, created.statusCode());
        assertTrue(created.body().contains("id=\"initial-password\""), "the one-time password is shown once");
        stack.infra.keycloak.setPassword(username, PASSWORD); // what the reviewer does at the first sign-in
        new PortalLogin().login(gateway, username, PASSWORD);

        Matcher disable = Pattern.compile("action=\"(/portal/accounts/[0-9a-f-]{36}/disable)\"[^>]*>\\s*<button[^>]*id=\"disable-"
                + Pattern.quote(username) + "\"").matcher(created.body());
        assertTrue(disable.find(), "a 停用 button on the new account's row");
        HttpResponse<String> asked = admin.send(post(disable.group(1), Map.of()));
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("停用这个账号吗？"), "停用 asks once first");
        new PortalLogin().login(gateway, username, PASSWORD); // not yet disabled
        HttpResponse<String> disabled = admin.send(post(disable.group(1), Map.of("confirmed", "yes")));
        assertEquals(200, disabled.statusCode());
        assertTrue(disabled.body().contains("已停用"));
        assertThrows(IllegalStateException.class, () -> new PortalLogin().login(gateway, username, PASSWORD),
                "a disabled account logs in");
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).GET().build();
    }

    private static HttpRequest post(String path, Map<String, ?> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(gateway + path)).header("Origin", gateway)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
