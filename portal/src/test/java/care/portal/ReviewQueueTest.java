package care.portal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The review queue's filters and what an empty queue says. */
class ReviewQueueTest {

    @Test
    void unknownCodesAndACountyThatIsNoneAreNotSent() {
        Map<String, String> filters = ReviewPages.queueFilters("NOPE", "CHANGE", "yes", "5301", " 康乐 ");
        assertNull(filters.get("status"));
        assertEquals("CHANGE", filters.get("type"));
        assertNull(filters.get("overdue"));
        assertNull(filters.get("county"));
        assertEquals("康乐", filters.get("q"));
        assertEquals("530102", ReviewPages.queueFilters(null, null, null, "530102", null).get("county"));
    }

    @Test
    void anEmptyQueueSaysWhetherNothingWaitsOrNothingMatches() {
        assertEquals("没有待办的备案。", ReviewPages.emptyMessage(ReviewPages.queueFilters(null, null, null, null, "")));
        assertEquals("没有状态为“已备案”的备案。",
                ReviewPages.emptyMessage(ReviewPages.queueFilters("APPROVED", null, null, null, null)));
        assertEquals("没有状态为“已撤回”且符合其他筛选条件的备案。",
                ReviewPages.emptyMessage(ReviewPages.queueFilters("WITHDRAWN", "NEW", null, null, null)));
        assertEquals("没有符合筛选条件的待办备案。",
                ReviewPages.emptyMessage(ReviewPages.queueFilters(null, null, "true", null, null)));
    }
}
