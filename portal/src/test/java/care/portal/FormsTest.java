package care.portal;

import care.portal.client.RegistryClient;
import care.portal.client.SubsidyClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the forms send to the API and how the API's problems come back to the fields. */
class FormsTest {

    @Test
    void aFilingCarriesOnlyTheFieldsOfItsTypeAndNoBlanks() {
        Form form = Form.of(Map.of("type", "CHANGE", "uscc", "91530102ma6k0000by", "contactPhone", "0871-65559999",
                "capacity", " ", "divisionCode", "530102", "siteAddress", "不该出现"));
        assertEquals(Map.of("type", "CHANGE", "uscc", "91530102MA6K0000BY", "contactPhone", "0871-65559999"),
                FilingPages.body(form));
    }

    @Test
    void aNumberThatIsNoneIsSaidAtItsFieldBeforeAnyRequest() {
        ApiError error = assertThrows(ApiError.class, () -> FilingPages.body(Form.of(Map.of("type", "NEW",
                "capacity", "六十"))));
        assertEquals(Map.of("capacity", "请填写整数"), error.fields);
        assertEquals(60, FilingPages.body(Form.of(Map.of("type", "NEW", "capacity", "60"))).get("capacity"));
    }

    @Test
    void theNursingBedsOfANewOrAnAddedSiteGoToTheApiAsANumberAndNotWithAClosure() {
        assertEquals(Map.of("type", "ADD_SITE", "siteAddress", "学府路 8 号", "siteCapacity", 40, "nursingBeds", 16),
                FilingPages.body(Form.of(Map.of("type", "ADD_SITE", "siteAddress", "学府路 8 号", "siteCapacity", "40",
                        "nursingBeds", "16"))));
        assertEquals(20, FilingPages.body(Form.of(Map.of("type", "NEW", "nursingBeds", "20"))).get("nursingBeds"));
        assertEquals(Map.of("type", "CLOSE"), FilingPages.body(Form.of(Map.of("type", "CLOSE", "nursingBeds", "20"))));
    }

    @Test
    void problemViolationsGoToTheirFieldsAndTheRestUnderTheTitle() {
        ApiError error = ApiError.of(400, Map.of("title", "提交的数据未通过校验", "code", "VALIDATION_FAILED",
                "violations", List.of(Map.of("field", "capacity", "message", "床位/托位数超出合理范围"),
                        Map.of("field", "legalRepresentative", "message", "不能为空"))));
        Form form = Form.of(Map.of("capacity", "30000")).error(error);
        assertEquals("床位/托位数超出合理范围", form.e("capacity"));
        assertEquals("30000", form.v("capacity"));
        assertEquals(List.of("法定代表人：不能为空"), form.others());
        assertEquals("提交的数据未通过校验", form.title());
    }

    @Test
    void anAnswerWithoutProblemGetsATitleByStatus() {
        assertEquals("服务暂时不可用，请稍后再试", ApiError.of(503, null).title);
        assertFalse(Labels.INSTANCE.cities.isEmpty());
        assertEquals("五华区", Labels.INSTANCE.division("530102"));
    }

    @Test
    void aGrantIsTypedInYuanAndSentInFenAndTheLimitIsSaidAtTheAmount() {
        Map<String, String> local = new java.util.LinkedHashMap<>();
        assertEquals(100050L, GrantPages.fen("1000.50", local));
        assertEquals(null, GrantPages.fen("0", local));
        assertEquals(null, GrantPages.fen("1.234", local));
        assertEquals(null, GrantPages.fen("一千", local));
        assertEquals(Map.of("amount", "请填写金额（元）"), local);
        ApiError refused = ApiError.of(400, Map.of("title", "提交的数据未通过校验", "violations",
                List.of(Map.of("field", "amountFen", "message", "at most 5000000 fen per decision (KM-DEMO-GRANT)"))));
        assertEquals(Map.of("amount", "超过单笔上限 50000.00 元"), GrantPages.amountAtTheField(refused).fields);
    }

    @Test
    void aProgrammeVersionIsValidUntilTheDayBeforeTheNextAndItsAmountsAreInYuan() {
        SubsidyClient.Programme programme = programme("KM-NURSING",
                version("2022-12-01", null, "ELDERLY_CAREGIVER", List.of("PRIVATE"), Map.of("LEVEL_5", 5000L)),
                version("2026-01-01", null, null, null, Map.of("PER_UNIT", 100000L)));
        ProgrammePages.Programme p = ProgrammePages.withValidity(programme, java.time.LocalDate.of(2025, 6, 1));
        ProgrammePages.Version first = p.versions().get(0);
        assertEquals("2025-12-31", first.until());
        assertEquals("五级/初级工 50.00 元", first.params());
        assertEquals("养老护理员；民办", first.eligible());
        assertEquals(first, p.current());
        ProgrammePages.Version last = p.versions().get(1);
        assertEquals(null, last.until());
        assertEquals("每床位/托位 1000.00 元", last.params());
    }

    @Test
    void aProgrammeWhoseLastVersionEndedIs已到期() {
        SubsidyClient.Programme programme = programme("KM-NURSING",
                version("2022-12-01", "2025-12-31", null, null, Map.of("LEVEL_5", 5000L)));
        assertEquals("已到期", ProgrammePages.withValidity(programme, java.time.LocalDate.of(2026, 1, 1)).state());
        ProgrammePages.Programme p = ProgrammePages.withValidity(programme, java.time.LocalDate.of(2025, 12, 31));
        assertEquals("现行", p.state());
        assertEquals("2025-12-31", p.current().until());
        assertEquals("尚未设定参数", ProgrammePages.withValidity(programme("QJ-NURSING"),
                java.time.LocalDate.of(2026, 1, 1)).state());
    }

    private static SubsidyClient.Programme programme(String code, SubsidyClient.ProgrammeVersion... versions) {
        return new SubsidyClient.Programme(code, "530100", "NURSING_ALLOWANCE", null, "ELDERLY", "护理补助", null,
                null, null, null, List.of(versions));
    }

    private static SubsidyClient.ProgrammeVersion version(String from, String until, String role,
                                                          List<String> ownerships, Map<String, Long> ratesFen) {
        return new SubsidyClient.ProgrammeVersion(from, until, role, ownerships, null, null, null, false, null,
                ratesFen, null, null, null, null, null, null);
    }

    @Test
    void aCapacityRefusalIsSaidAtTheCapacityFormsFields() {
        ApiError invalid = ApiError.of(400, Map.of("title", "提交的数据未通过校验", "code", "VALIDATION_FAILED",
                "violations", List.of(Map.of("field", "reason", "message", "不能为空"))));
        assertEquals(Map.of("capacity-reason", "不能为空"), GrantPages.capacityAtTheFields(invalid).fields);
        ApiError none = ApiError.of(422, Map.of("title", "没有新增备案的床位/托位", "code", "NO_NEW_CAPACITY"));
        assertEquals(Map.of("capacity-institutionId", "没有新增备案的床位/托位：已补助的数量已达现备案数"),
                GrantPages.capacityAtTheFields(none).fields);
    }

    @Test
    void aSiteFormStartsFromTheRegistrysFiguresUnderTheApisFieldNames() {
        Form form = SitePages.values(new RegistryClient.Site(null, true, null, null, null, null, null, 60,
                null, new RegistryClient.Slots(60, null, 10, null, null,
                        List.of(new RegistryClient.Label("FULL_DAY", "全日托"))),
                List.of(new RegistryClient.Label("CHILD_MEALS", "膳食"), new RegistryClient.Label("CHILD_HEALTH", "卫生保健")),
                45, 0L, "530102"));
        assertEquals("60", form.v("slots.total"));
        assertEquals("", form.v("slots.older"));
        assertEquals("45", form.v("occupied"));
        assertTrue(form.has("services", "CHILD_HEALTH") && form.has("slots.careModes", "FULL_DAY"));
        assertFalse(form.has("services", "CHILD"));
    }
}
