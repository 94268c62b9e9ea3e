package care.portal;

import care.portal.client.RegistryClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 花名册: found by name or certificate number, narrowed to who is in post or whose certificate expired, marked so. */
class RosterTest {

    static RegistryClient.Staff person(String id, String name, String number, boolean valid, boolean employed) {
        return new RegistryClient.Staff(id, name, "CAREGIVER", "养老护理员", "5301**********0012", "CAREGIVER",
                "LEVEL_3", "四级/中级工", number, "2020-01-01", valid ? "2030-01-01" : "2024-01-01", valid,
                "2021-01-01", employed ? null : "2025-06-30", employed, "ACTIVE", "有效");
    }

    static final List<RegistryClient.Staff> ROSTER = List.of(person("a", "张丽", "YL-2020-001", true, true),
            person("b", "李红", "yl-2019-777", false, true), person("c", "王芳", null, true, false));

    @Test
    void aSearchFindsByNameOrCertificateNumberAndNarrows() {
        assertEquals(List.of("a"), ids(StaffPages.shown(ROSTER, " 张", "")));
        assertEquals(List.of("b"), ids(StaffPages.shown(ROSTER, "YL-2019", "")), "any case");
        assertEquals(List.of("a", "b"), ids(StaffPages.shown(ROSTER, "", "employed")));
        assertEquals(List.of("b"), ids(StaffPages.shown(ROSTER, null, "expired")));
        assertEquals(List.of("a", "b", "c"), ids(StaffPages.shown(ROSTER, null, null)));
    }

    @Test
    void anExpiredCertificateIsAMarkedStatusAndEachLeavingDateIsLabelledWithThePerson() {
        String html = ConfirmPagesTest.ENGINE.getTemplate("staff.html")
                .data("user", new User(true, "inst-elderly", "机构", Set.of("institution"), Map.of()))
                .data("labels", Labels.INSTANCE).data("here", Display.Here.of("/portal/staff", "show=expired", null, false))
                .data("institution", new RegistryClient.InstitutionSummary("i", "五华区康乐养老院", "FILED"))
                .data("roster", new RegistryClient.StaffPage(ROSTER)).data("shown", List.of(ROSTER.get(1)))
                .data("form", Form.empty().set("show", "expired")).data("done", null).render();
        assertTrue(html.contains("<span class=\"status expired\" id=\"expired-b\">证书已过期</span>"), html);
        assertTrue(html.contains("aria-label=\"李红的离职日期\""));
        assertTrue(html.contains("共 3 人，符合条件 1 人"));
        assertTrue(html.contains("<option value=\"expired\" selected>证书已过期</option>"));
        assertTrue(html.contains("id=\"nav-staff\" aria-current=\"page\""));
    }

    private static List<String> ids(List<RegistryClient.Staff> staff) {
        return staff.stream().map(RegistryClient.Staff::id).toList();
    }
}
