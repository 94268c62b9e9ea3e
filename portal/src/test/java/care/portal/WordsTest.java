package care.portal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a person reads is Chinese: no status code, grade code, seed reference or English message on a page. */
class WordsTest {

    @Test
    void aBatchLinesStatusACreditLevelAndTheInitialSetterAreWords() {
        Labels labels = Labels.INSTANCE;
        assertEquals("待下达", labels.instruction("PENDING"));
        assertEquals("已支付", labels.instruction("PAID"));
        assertEquals("已下达财政", labels.instruction("RELEASED"));
        assertEquals("A级（守信）", labels.credit("A"));
        assertEquals("平台初始设定", labels.setter("seed"));
        assertEquals("admin-530300", labels.setter("admin-530300"));
    }

    @Test
    void aBrokenLinkSaysSoInChineseWithoutEchoingIt() {
        ApiError error = assertThrows(ApiError.class, () -> Views.id("notauuid"));
        assertEquals(404, error.status);
        assertFalse(error.detail.contains("notauuid") || error.detail.contains("not an id"), error.detail);
        ApiError code = assertThrows(ApiError.class, () -> Views.code("../x"));
        assertFalse(code.detail.contains("not a code"), code.detail);
    }
}
