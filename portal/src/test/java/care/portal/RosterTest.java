package care.portal;

import care.portal.client.RegistryClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 花名册: found by name or certificate number, narrowed to who is in post or whose certificate expired or soon
 * expires, marked so in words; corrected on a 修改 page; imported from an XLSX, a refused file's rows in a table.
 */
class RosterTest {

    static final User CLERK = new User(true, "inst-elderly", "机构", Set.of("institution"), Map.of());

    static RegistryClient.Staff person(String id, String name, String number, String certificate, boolean employed) {
        boolean valid = !"EXPIRED".equals(certificate);
        return new RegistryClient.Staff(id, name, "ELDERLY_CAREGIVER", "养老护理员", "530102********0012",
                "ELDERLY_CARE_SKILL", "LEVEL_4", "四级/中级工", number, "2020-01-01",
                valid ? "2030-01-01" : "2024-01-01", valid, "2021-01-01", employed ? null : "2025-06-30", employed,
                "ACTIVE", "在册", number == null ? "NONE" : certificate, "", false, "SENIOR_SECONDARY", 3);
    }

    static final List<RegistryClient.Staff> ROSTER = List.of(person("a", "张丽", "YL-2020-001", "VALID", true),
            person("b", "李红", "yl-2019-777", "EXPIRED", true), person("c", "王芳", null, "VALID", false),
            person("d", "赵敏", "YL-2021-010", "EXPIRING", true));

    @Test
    void aSearchFindsByNameOrCertificateNumberAndNarrows() {
        assertEquals(List.of("a"), ids(StaffPages.shown(ROSTER, " 张", "")));
        assertEquals(List.of("b"), ids(StaffPages.shown(ROSTER, "YL-2019", "")), "any case");
        assertEquals(List.of("a", "b", "d"), ids(StaffPages.shown(ROSTER, "", "employed")));
        assertEquals(List.of("b"), ids(StaffPages.shown(ROSTER, null, "expired")));
        assertEquals(List.of("d"), ids(StaffPages.shown(ROSTER, null, "expiring")));
        assertEquals(List.of("a", "b", "c", "d"), ids(StaffPages.shown(ROSTER, null, null)));
    }

    private static io.quarkus.qute.TemplateInstance roster(List<RegistryClient.Staff> shown, Form form) {
        return ConfirmPagesTest.ENGINE.getTemplate("staff.html").data("user", CLERK)
                .data("labels", Labels.INSTANCE).data("here", Display.Here.of("/portal/staff", "", null, false))
                .data("institution", new RegistryClient.InstitutionSummary("i", "五华区康乐养老院", "FILED"))
                .data("roster", new RegistryClient.StaffPage(ROSTER)).data("shown", shown).data("form", form)
                .data("done", null).data("imported", null).data("importKey", "k-1").data("columns", StaffPages.COLUMNS)
                .data("rowErrors", List.of());
    }

    @Test
    void anExpiredOrExpiringCertificateIsAMarkerInWordsAndEachRowHasItsLabelledActions() {
        String html = roster(List.of(ROSTER.get(1), ROSTER.get(3)), Form.empty().set("show", "expired")).render();
        assertTrue(html.contains("<span class=\"status expired\" id=\"expired-b\">证书已过期</span>"), html);
        assertTrue(html.contains("<span class=\"status expiring\" id=\"expiring-d\">证书即将到期（2030-01-01）</span>"));
        assertTrue(html.contains("aria-label=\"李红的离职日期\""));
        assertTrue(html.contains("href=\"/portal/staff/b/edit\" id=\"edit-b\" aria-label=\"修改李红的信息\">修改</a>"));
        assertTrue(html.contains("共 4 人，符合条件 2 人"));
        assertTrue(html.contains("<option value=\"expired\" selected>证书已过期</option>"));
        assertTrue(html.contains("id=\"nav-staff\" aria-current=\"page\""));
        assertTrue(html.contains("href=\"/portal/staff/export.xlsx\"") && html.contains("href=\"/portal/staff/export.csv\""));
        assertTrue(html.contains("enctype=\"multipart/form-data\"") && html.contains("<label for=\"file\">"));
        assertTrue(html.contains("name=\"key\" value=\"k-1\""), "one Idempotency-Key per rendered form");
        assertFalse(html.contains("id=\"import-errors\""));
    }

    @Test
    void anImportSaysHowManyWereAddedAndHowManyWaitForTheCounty() {
        String html = roster(ROSTER, Form.empty()).data("done", "imported")
                .data("imported", new RegistryClient.StaffImport(5, 2)).render();
        assertTrue(html.contains("已导入 5 人：3 人已登记，2 人待县级核实"), html);
        String none = roster(ROSTER, Form.empty()).data("done", "imported")
                .data("imported", new RegistryClient.StaffImport(4, 0)).render();
        assertTrue(none.contains("已导入 4 人：4 人已登记。"), none);
    }

    @Test
    void aRefusedFileListsEachRowsProblemsByColumnInChinese() {
        ApiError refused = ApiError.of(422, Map.of("code", "IMPORT_ROWS_INVALID",
                "title", "导入文件中有未通过校验的行，未登记任何人员", "violations", List.of(
                        Map.of("row", 3, "field", "citizenId", "message", "公民身份号码无效（应为18位，出生日期和校验码正确）"),
                        Map.of("row", 4, "field", "employedFrom", "message", "日期应写作 2024-03-01"))));
        assertTrue(refused.fields.isEmpty(), "row violations belong to no field of the add form");
        String html = roster(ROSTER, Form.empty().error(refused)).data("rowErrors", refused.rows).render();
        assertTrue(html.contains("<strong>导入文件中有未通过校验的行，未登记任何人员</strong>"), html);
        assertTrue(html.contains("<td data-label=\"行\">第 3 行</td><td data-label=\"列\">公民身份号码</td>"));
        assertTrue(html.contains("<td data-label=\"行\">第 4 行</td><td data-label=\"列\">入职日期</td><td data-label=\"问题\">日期应写作 2024-03-01</td>"));
        assertFalse(html.contains("<span class=\"err\" id=\"err-citizenId\" aria-live=\"polite\">公民"),
                "not beside the add form's field");
    }

    @Test
    void theEditPageStartsFromTheFiledValuesWithTheIdMaskedAndNotRetyped() {
        RegistryClient.Staff entry = ROSTER.get(0);
        Form form = StaffPages.values(entry);
        assertEquals("", form.v("citizenId"), "the ID is kept unless a new one is typed");
        assertEquals("3", form.v("version"));
        String html = edit(entry, form, false);
        assertTrue(html.contains("<span id=\"masked-id\">530102********0012</span>"), html);
        assertTrue(html.contains("name=\"name\" value=\"张丽\""));
        assertTrue(html.contains("<option value=\"LEVEL_4\" selected>四级/中级工</option>"));
        assertTrue(html.contains("<option value=\"SENIOR_SECONDARY\" selected>高中或中专</option>"));
        assertTrue(html.contains("name=\"version\" value=\"3\""));
        assertTrue(html.contains("<label for=\"employedUntil\">") && html.contains("<label for=\"head\">"));
    }

    @Test
    void aConcurrentSaveIsASentenceWithAReloadAndFieldViolationsSitBesideTheirFields() {
        RegistryClient.Staff entry = ROSTER.get(0);
        ApiError concurrent = ApiError.of(409, Map.of("code", "CONCURRENT_MODIFICATION", "title", "记录已被他人修改"));
        String html = edit(entry, StaffPages.values(entry).error(concurrent), true);
        assertTrue(html.contains("您打开此页后，该人员的信息已被他人修改"), html);
        assertTrue(html.contains("<a href=\"/portal/staff/a/edit\" id=\"reload\">重新载入最新信息</a>"));

        ApiError invalid = ApiError.of(400, Map.of("code", "VALIDATION_FAILED", "title", "提交的数据未通过校验",
                "violations", List.of(Map.of("field", "employedUntil", "message", "离职日期不能早于入职日期"))));
        String refused = edit(entry, StaffPages.values(entry).error(invalid), false);
        assertTrue(refused.contains("<span class=\"err\" id=\"err-employedUntil\" aria-live=\"polite\">离职日期不能早于入职日期</span>"),
                refused);
    }

    private static String edit(RegistryClient.Staff entry, Form form, boolean concurrent) {
        return ConfirmPagesTest.ENGINE.getTemplate("staff-edit.html").data("user", CLERK)
                .data("labels", Labels.INSTANCE).data("here", Display.Here.of("/portal/staff/a/edit", "", null, false))
                .data("s", entry).data("form", form).data("educations", StaffPages.EDUCATIONS)
                .data("concurrent", concurrent).render();
    }

    private static List<String> ids(List<RegistryClient.Staff> staff) {
        return staff.stream().map(RegistryClient.Staff::id).toList();
    }
}
