package care.contracts.http;

import care.contracts.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IfMatchTest {

    @Test
    void strongAndWeakTagsNameTheirVersion() {
        assertEquals(3L, IfMatch.version("\"3\""));
        assertEquals(3L, IfMatch.version(" W/\"3\" "));
        assertEquals(IfMatch.version(IfMatch.etag(41)), 41L);
    }

    @Test
    void noHeaderBlankAndStarNameNoVersion() {
        assertNull(IfMatch.version(null));
        assertNull(IfMatch.version("  "));
        assertNull(IfMatch.version("*"));
    }

    @Test
    void anythingElseIsAFieldError() {
        assertThrows(ProblemException.class, () -> IfMatch.version("\"abc\""));
        assertThrows(ProblemException.class, () -> IfMatch.version("\"1\", \"2\""));
    }
}
