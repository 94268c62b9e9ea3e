package care.portal;

import care.portal.client.FilingClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A return (退回补正) reads as Chinese sentences with the reviewer's note, never as the stored JSON. */
class ReturnTextTest {

    static final Map<String, String> NAMES = Map.of("COMMITMENT", "托育机构备案承诺书");

    @Test
    void theStoredItemsBecomeSentencesAfterTheNote() {
        String stored = "请补正后重新提交\n[{\"material\":\"COMMITMENT\",\"field\":null,\"reason\":\"承诺书未盖章\"},"
                + "{\"material\":null,\"field\":\"contactPhone\",\"reason\":\"号码无法接通\"}]";
        assertEquals("请补正后重新提交。需补正材料“托育机构备案承诺书”：承诺书未盖章；联系电话：号码无法接通。",
                FilingView.returnText(stored, NAMES));
        assertEquals("需补正材料“托育机构备案承诺书”：承诺书未盖章。", FilingView.returnText(
                "[{\"material\":\"COMMITMENT\",\"field\":null,\"reason\":\"承诺书未盖章\"}]", NAMES));
        assertEquals("请补正后重新提交", FilingView.note(stored));
    }

    @Test
    void theBoxOfWhatToFixHasTheLatestReturnsNote() {
        var first = new FilingClient.HistoryEntry("2026-12-01T02:00:00Z", "wj", "RETURN", "SUBMITTED", "RETURNED",
                "第一次意见\n[]");
        var submit = new FilingClient.HistoryEntry("2026-12-02T02:00:00Z", "inst", "RESUBMIT", "RETURNED", "SUBMITTED",
                null);
        var second = new FilingClient.HistoryEntry("2026-12-03T02:00:00Z", "wj", "RETURN", "SUBMITTED", "RETURNED",
                "第二次意见\n[]");
        assertEquals("第二次意见", FilingView.returnNote(List.of(second, submit, first)));
        assertEquals("第二次意见", FilingView.returnNote(List.of(first, submit, second)));
    }

    @Test
    void anEmptyReturnsMessageNamesNoInternalField() {
        assertEquals("补正事项", Labels.INSTANCE.field("items"));
        assertEquals("补正事项", Labels.INSTANCE.field("items[0].reason"));
    }
}
