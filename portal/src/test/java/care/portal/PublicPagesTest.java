package care.portal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The directory's filters, pages and the way back to a search, as a visitor would use them. */
class PublicPagesTest {

    @Test
    void aKindOfTheOtherSectorIsDroppedAndOneOfTheChosenSectorKept() {
        assertNull(PublicPages.filters(null, null, null, "ELDERLY", "FULL_DAYCARE", null, null).get("kind"));
        assertEquals("PRIVATE_CARE_HOME",
                PublicPages.filters(null, null, null, "ELDERLY", "PRIVATE_CARE_HOME", null, null).get("kind"));
        assertEquals("FULL_DAYCARE", PublicPages.filters(null, null, null, " ", "FULL_DAYCARE", null, null).get("kind"));
    }

    @Test
    void filtersAreStrippedAndTheDesignationsOnlyWhenTicked() {
        Map<String, String> filters = PublicPages.filters(" 学府路 ", "530100", "", null, null, "true", "on");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("q", "学府路");
        expected.put("city", "530100");
        expected.put("county", null);
        expected.put("sector", null);
        expected.put("kind", null);
        expected.put("inclusive", "true");
        expected.put("demonstration", null);
        assertEquals(expected, filters);
        assertEquals("q=%E5%AD%A6%E5%BA%9C%E8%B7%AF&city=530100&inclusive=true", PublicPages.query(filters));
    }

    @Test
    void thePagerEndsAtTheLastPageOfTheMatchesAndAtTheCountCap() {
        assertEquals(0, PublicPages.lastPage(0));
        assertEquals(0, PublicPages.lastPage(20));
        assertEquals(1, PublicPages.lastPage(21));
        assertEquals(31, PublicPages.lastPage(632));
        assertEquals(49, PublicPages.lastPage(1000));
    }
}
