package care.e2e;

import care.deploy.Stack;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint × every kind of caller → the expected status, from one table (authorization-matrix.txt), tried
 * through the gateway and directly against the service that owns the path: object-level authorization is checked
 * by the services themselves, not only at the gateway. An endpoint of the platform's OpenAPI document without a row
 * fails the build.
 */
class AuthorizationMatrixTest {

    /** Who calls: each demo account stands for one kind of caller, as seen from inst-elderly's records (530102). */
    enum Caller {
        ANONYMOUS(null),
        OWN_INSTITUTION("inst-elderly"),
        OTHER_INSTITUTION("inst-elderly-530103"),
        REVIEWER("mz-530102"),
        WRONG_SECTOR("wj-530102"),
        OTHER_COUNTY("mz-530103"),
        CITY_ADMIN("admin-530100"),
        FINANCE("finance-kunming"),
        AUDITOR("auditor-530100");

        final String account;

        Caller(String account) {
            this.account = account;
        }
    }

    record Row(int line, String method, String path, String body, Map<Caller, Integer> expected) {
    }

    /** {name}: a record shared by all attempts; {new:name}: a fresh one per attempt (for changes of state). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(new:)?([A-Za-z]+)}");
    static Stack stack;
    static Fixtures fixtures;

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
        fixtures = Platform.fixtures();
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatTheTableSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                for (boolean direct : new boolean[]{false, true}) {
                    String name = "line %d %s %s as %s %s".formatted(row.line, row.method, row.path, caller,
                            direct ? "directly" : "through the gateway");
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        String path = resolve(row);
                        RequestSpecification request = given().baseUri(direct ? owner(path) : stack.gatewayUrl());
                        if (caller.account != null) {
                            request.auth().oauth2(Platform.token(caller.account));
                        }
                        if (row.body != null) {
                            Object body = fixtures.body(row.body);
                            if (body instanceof Fixtures.Upload upload) {
                                request.contentType(upload.contentType()).body(upload.bytes());
                            } else if (body instanceof byte[] bytes) {
                                request.contentType("application/pdf").body(bytes);
                            } else {
                                request.contentType("application/json").body(body);
                            }
                        }
                        if (!row.method.equals("GET")) {
                            request.header("Idempotency-Key", UUID.randomUUID().toString());
                        }
                        int status = request.request(row.method, path).statusCode();
                        assertEquals(row.expected.get(caller), status, name);
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyEndpointOfThePlatformHasARow() throws IOException {
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.method + " "
                + PLACEHOLDER.matcher(row.path.replaceAll("\\?.*", "")).replaceAll("{}")));
        Map<String, Map<String, Object>> paths = given().baseUri(stack.gatewayUrl()).get("/openapi")
                .then().statusCode(200).extract().path("paths");
        Set<String> missing = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            String endpoint = method.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}");
            if (!covered.contains(endpoint)) {
                missing.add(endpoint);
            }
        }));
        assertTrue(missing.isEmpty(), "endpoints without a row in authorization-matrix.txt: " + missing);
    }

    /** A fresh record where the row changes state, so that one caller's success does not change the next one's answer. */
    private static String resolve(Row row) {
        Matcher matcher = PLACEHOLDER.matcher(row.path);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String fixture = matcher.group(2);
            matcher.appendReplacement(path, matcher.group(1) != null ? fixtures.fresh(fixture) : fixtures.shared(fixture));
        }
        return matcher.appendTail(path).toString();
    }

    private static String owner(String path) {
        if (path.startsWith("/api/filings")) {
            return stack.serviceUrl("filing-service");
        }
        if (path.startsWith("/api/subsidy")) {
            return stack.serviceUrl("subsidy-service");
        }
        return stack.serviceUrl("registry-service");
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\s+");
                int callers = Caller.values().length;
                if (cells.length != callers + 3) {
                    throw new IllegalStateException("line " + (i + 1) + ": expected method, path, body and "
                            + callers + " statuses: " + line);
                }
                Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
                for (Caller caller : Caller.values()) {
                    expected.put(caller, Integer.parseInt(cells[3 + caller.ordinal()]));
                }
                rows.add(new Row(i + 1, cells[0], cells[1], cells[2].equals("-") ? null : cells[2], expected));
            }
        }
        return rows;
    }
}
