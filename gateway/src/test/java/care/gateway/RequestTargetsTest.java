package care.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestTargetsTest {

    @Test
    void originFormPathsWithOrdinaryEscapesPass() {
        for (String target : new String[] {"/", "/api/filings", "/api/directory/institutions?q=%E5%85%BB%E8%80%81",
                "/api/filings/3f2c/materials/x.pdf", "/api/x/...", "/api/x/.hidden", "/api/x?a=../..&b=%2f%2e",
                "/api/x/%41%20b", "/api/x;v=1"}) {
            assertNull(RequestTargets.refusal(target), target);
        }
    }

    @Test
    void everythingElseIsRefused() {
        for (String target : new String[] {null, "", "*", "localhost:8080", "http://localhost/api/x",
                "@evil/x://y/api/x", "//evil/api", "/api//x", "/api/./x", "/api/../x", "/api/x/.", "/api/x/..",
                "/api/..?q", "/api/..;/x", "/api/%2e%2e/x", "/api/%2E/x", "/api/a%2fb", "/api/a%5Cb", "/api/a\\b",
                "/api/%25", "/api/%", "/api/%4", "/api/%g0", "/api/%00", "/api/%0a", "/api/%7f", "/api/x#f",
                "/api/x?q#f", "/api/\u00e5", "/api/x\t", "/api/x?q=\u0001"}) {
            assertNotNull(RequestTargets.refusal(target), String.valueOf(target));
        }
    }

    @Test
    void aDeclaredBodyLengthIsReadWithoutOverflowOrExceptions() {
        assertEquals(0, ProxyRoutes.contentLength("0"));
        assertEquals(26_214_400, ProxyRoutes.contentLength("26214400"));
        assertEquals(999_999_999_999_999_999L, ProxyRoutes.contentLength("999999999999999999"));
        for (String bad : new String[] {"", "-1", "+1", "1e9", " 1", "0x10", "9999999999999999999", "99999999999999999999"}) {
            assertEquals(-1, ProxyRoutes.contentLength(bad), bad);
        }
    }

    @Test
    void aServiceUrlIsHostAndPortAndNothingElse() {
        assertEquals(new Backend("registry-service", 80, false), Backend.of("registry", "http://registry-service"));
        assertEquals(new Backend("10.0.0.7", 8443, true), Backend.of("registry", "https://10.0.0.7:8443/"));
        for (String bad : new String[] {"registry-service", "ftp://x", "http://u:p@x", "http://x/base", "http://x?q",
                "http://x#f", "http://"}) {
            assertThrows(IllegalArgumentException.class, () -> Backend.of("registry", bad), bad);
        }
    }
}
