package care.portal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reviewer's decision on a roster dispute: what goes to the API, what is said at the fields first. */
class DisputePagesTest {

    static final String CLAIM = "0b7d4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e";

    @Test
    void theChosenClaimAndTheReasonGoToTheApi() {
        Map<String, Object> body = DisputePages.body(Form.of(Map.of("standingStaffId", CLAIM.toUpperCase(),
                "reason", "  核实劳动合同与社保缴纳记录 ")));
        assertEquals(Map.of("standingStaffId", CLAIM, "reason", "核实劳动合同与社保缴纳记录"), body);
    }

    @Test
    void noClaimChosenNorReasonGivenIsSaidAtBothFieldsBeforeAnyRequest() {
        ApiError error = assertThrows(ApiError.class, () -> DisputePages.body(Form.of(Map.of("reason", " "))));
        assertEquals(400, error.status);
        assertEquals(Map.of("standingStaffId", "请选择认定的登记", "reason", "请填写核实理由"), error.fields);
    }

    @Test
    void aClaimThatIsNoIdAndAReasonTooLongAreRefusedHere() {
        ApiError error = assertThrows(ApiError.class, () -> DisputePages.body(Form.of(Map.of(
                "standingStaffId", "../../audit", "reason", "理".repeat(501)))));
        assertEquals(Map.of("standingStaffId", "请选择本争议中的一项登记", "reason", "核实理由不能超过 500 字"),
                error.fields);
    }

    @Test
    void codesAreShownAsWordsAndCountiesWithTheirCity() {
        Labels labels = Labels.INSTANCE;
        assertEquals("昆明市 五华区", labels.place("530102"));
        assertEquals("昆明市", labels.place("530100"));
        assertEquals("民政部门", labels.department("ELDERLY"));
        assertEquals("卫健部门", labels.department("CHILDCARE"));
        assertEquals("待核实", labels.disputeStatus("OPEN"));
        assertEquals("不予认定", labels.outcome("REFUSED"));
        assertEquals("未获认定", labels.staffStatus("REFUSED"));
        assertTrue(labels.claimOutcomes.keySet().containsAll(java.util.List.of("PENDING", "STANDS", "ENDED", "REFUSED")));
    }

    @Test
    void institutionsAccountsDoNotSeeTheDisputes() {
        User reviewer = new User(true, "mz-530102", "民政", java.util.Set.of("civil-affairs-reviewer"), Map.of());
        User auditor = new User(true, "auditor-530100", "审计", java.util.Set.of("auditor"), Map.of());
        User clerk = new User(true, "inst-elderly", "机构", java.util.Set.of("institution"), Map.of());
        User both = new User(true, "x", "x", java.util.Set.of("institution", "health-reviewer"), Map.of());
        assertTrue(reviewer.disputes() && auditor.disputes());
        assertTrue(!clerk.disputes() && !both.disputes());
    }
}
