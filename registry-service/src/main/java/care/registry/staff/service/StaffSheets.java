package care.registry.staff.service;

import care.contracts.event.CertificateType;
import care.registry.export.Sheets;
import care.registry.staff.domain.CertificateState;
import care.registry.staff.domain.Staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The roster as a spreadsheet: the export (every code as its Chinese label, the citizen ID masked) and the import
 * template (the columns {@link StaffImport} reads, with one example row).
 */
public final class StaffSheets {

    static final List<String> EXPORT_HEADER = List.of("姓名", "岗位", "公民身份号码（部分隐藏）", "证书类型", "职业技能等级",
            "证书编号", "发证日期", "证书有效期至", "证书状态", "入职日期", "离职日期", "在岗", "负责人", "学历", "登记状态");

    /** The template's columns, in its order; a trailing * marks a required one. */
    static final List<String> TEMPLATE_HEADER = List.of("姓名*", "岗位*", "公民身份号码*", "证书类型", "职业技能等级",
            "证书编号", "发证日期", "证书有效期至", "入职日期*", "离职日期", "负责人", "学历");

    private StaffSheets() {
    }

    public static byte[] csv(List<Staff> roster, LocalDate today) {
        return Sheets.csv(EXPORT_HEADER, rows(roster, today));
    }

    public static byte[] xlsx(List<Staff> roster, LocalDate today) {
        return Sheets.xlsx("从业人员名册", EXPORT_HEADER, rows(roster, today));
    }

    /** One line per entry; a certificate type entered before the closed list existed is written as entered. */
    static List<List<Object>> rows(List<Staff> roster, LocalDate today) {
        List<List<Object>> rows = new ArrayList<>();
        for (Staff s : roster) {
            boolean employed = s.employedUntil == null || !s.employedUntil.isBefore(today);
            rows.add(Arrays.asList(s.name, s.role.label, s.citizenIdMasked,
                    s.certificateType == null ? null
                            : CertificateType.of(s.certificateType).map(t -> t.label).orElse(s.certificateType),
                    s.certificateGrade == null ? null : s.certificateGrade.label, s.certificateNumber,
                    text(s.certificateIssuedOn), text(s.certificateValidUntil), CertificateState.of(s, today).label,
                    text(s.employedFrom), text(s.employedUntil), employed ? "是" : "否", s.head ? "是" : "否",
                    s.education == null ? null : s.education.label, s.status.label));
        }
        return rows;
    }

    /** The import template: its header and one example row a clerk overwrites (the ID is a valid made-up one). */
    public static byte[] template() {
        return Sheets.xlsx("从业人员名册", TEMPLATE_HEADER, List.of(List.of("张丽", "养老护理员", "530102198503070026",
                "养老护理员职业技能等级证书", "四级/中级工", "S5301022022001", "2022-05-10", "2027-05-09", "2024-03-01", "",
                "否", "高中或中专")));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
