package care.registry.staff.service;

import care.contracts.event.CertificateGrade;
import care.contracts.event.StaffRole;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.registry.institution.domain.Institution;
import care.registry.pii.PiiProtector;
import care.registry.staff.domain.Education;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffStatus;
import care.registry.staff.rest.StaffRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * 批量导入: new roster entries from the template's XLSX ({@link StaffSheets#template}), all or none. Every row is
 * checked by the rules of a single add (Bean Validation of {@link StaffRequest}, then {@link StaffService#check}),
 * a person twice in the file or already on this roster is refused too; one broken row refuses the file with every
 * violation by row (as the spreadsheet numbers it) and field. Otherwise each row is added as a single add would be,
 * in the caller's one transaction: a person another institution holds is recorded as DISPUTED.
 */
@ApplicationScoped
@Transactional
public class StaffImport {

    /** An upload larger than this is refused before it is opened (the template with 500 rows is about 40 KiB). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = 500;

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    /** Column (the template's header without its *) → the API field its value goes to. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        List<String> fields = List.of("name", "role", "citizenId", "certificateType", "certificateGrade",
                "certificateNumber", "certificateIssuedOn", "certificateValidUntil", "employedFrom", "employedUntil",
                "head", "education");
        for (int c = 0; c < fields.size(); c++) {
            FIELDS.put(StaffSheets.TEMPLATE_HEADER.get(c).replace("*", ""), fields.get(c));
        }
    }

    private final StaffService staffService;
    private final Validator validator;

    public StaffImport(StaffService staffService, Validator validator) {
        this.staffService = staffService;
        this.validator = validator;
    }

    /** What an import added: how many entries, and how many of them wait for the county (DISPUTED). */
    public record Outcome(List<Staff> added, int disputed) {
    }

    public Outcome importRows(Institution institution, byte[] xlsx, String actor) {
        List<ParsedRow> rows = read(xlsx);
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (ParsedRow row : rows) {
            List<Violation> found = new ArrayList<>(row.violations);
            StaffRequest request = row.request();
            for (ConstraintViolation<StaffRequest> v : validator.validate(request)) {
                String field = v.getPropertyPath().toString();
                // a cell that could not be read is already told as such, not again as missing
                if (row.violations.stream().noneMatch(p -> p.field().equals(field))) {
                    found.add(new Violation(row.number, field, v.getMessage()));
                }
            }
            StaffDetails details = request.toDetails();
            staffService.check(details, true).forEach(v -> found.add(new Violation(row.number, v.field(), v.message())));
            if (found.isEmpty()) {
                String person = PiiProtector.normalise(details.citizenId());
                Integer first = firstRowOf.putIfAbsent(person, row.number);
                if (first != null) {
                    found.add(new Violation(row.number, "citizenId", "与第 " + first + " 行是同一人"));
                } else if (staffService.heldHere(institution, details)) {
                    found.add(new Violation(row.number, "citizenId", "该人员已在本机构花名册中"));
                }
            }
            violations.addAll(found);
        }
        if (!violations.isEmpty()) {
            throw rowsInvalid(violations);
        }
        List<Staff> added = new ArrayList<>();
        for (ParsedRow row : rows) {
            added.add(staffService.add(institution, row.request().toDetails(), actor));
        }
        int disputed = (int) added.stream().filter(s -> s.status == StaffStatus.DISPUTED).count();
        return new Outcome(added, disputed);
    }

    /** One data row: the request its cells make, and what could not even be read (a date that is not one…). */
    private record ParsedRow(int number, StaffRequest request, List<Violation> violations) {
    }

    private static List<ParsedRow> read(byte[] xlsx) {
        if (xlsx == null || xlsx.length == 0) {
            throw fileRefused(400, "EMPTY_FILE", "上传的文件是空的", "the upload has no content");
        }
        if (xlsx.length > MAX_BYTES) {
            throw fileRefused(413, "FILE_TOO_LARGE", "文件过大（不超过 2 MB）", "at most " + MAX_BYTES + " bytes");
        }
        try (XSSFWorkbook book = open(xlsx)) {
            if (book.getNumberOfSheets() == 0) {
                throw fileRefused(422, "NO_ROWS", "文件中没有人员", "the workbook has no sheet");
            }
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> columns = columns(sheet.getRow(sheet.getFirstRowNum()));
            List<ParsedRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || columns.values().stream().allMatch(c -> text(row.getCell(c)).isEmpty())) {
                    continue; // a blank line between entries is not an entry
                }
                if (rows.size() == MAX_ROWS) {
                    throw fileRefused(422, "TOO_MANY_ROWS", "一次最多导入 " + MAX_ROWS + " 人",
                            "at most " + MAX_ROWS + " rows per file; split it");
                }
                rows.add(parse(r + 1, row, columns));
            }
            if (rows.isEmpty()) {
                throw fileRefused(422, "NO_ROWS", "文件中没有人员", "no row below the header has a value");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a workbook read from memory
        }
    }

    private static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException | RuntimeException notXlsx) {
            // POI says so in its own exception types (not a zip, an old .xls, a zip bomb): one answer for all
            throw fileRefused(400, "NOT_XLSX", "文件不是 Excel 工作簿（.xlsx），请用下载的模板填写",
                    "the upload is not a readable XLSX workbook");
        }
    }

    /** The header row: column name (the template's, * left out) → index; a required column missing refuses the file. */
    private static Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        if (header != null) {
            for (Cell cell : header) {
                String name = text(cell).replace("*", "").strip();
                if (FIELDS.containsKey(name)) {
                    columns.put(name, cell.getColumnIndex());
                }
            }
        }
        List<String> missing = StaffSheets.TEMPLATE_HEADER.stream().filter(h -> h.endsWith("*"))
                .map(h -> h.replace("*", "")).filter(h -> !columns.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw fileRefused(422, "MISSING_COLUMNS", "文件缺少必填列：" + String.join("、", missing) + "，请用下载的模板填写",
                    "first row must hold the template's headers");
        }
        return columns;
    }

    private static ParsedRow parse(int number, Row row, Map<String, Integer> columns) {
        List<Violation> violations = new ArrayList<>();
        Function<String, Cell> cell = column -> columns.containsKey(column) ? row.getCell(columns.get(column)) : null;
        Function<String, String> text = column -> blankToNull(text(cell.apply(column)));
        Cell idCell = cell.apply("公民身份号码");
        String citizenId = text.apply("公民身份号码");
        if (idCell != null && idCell.getCellType() == CellType.NUMERIC) {
            // Excel keeps 15 significant digits: an 18-digit number typed into a number cell has lost its last ones
            violations.add(new Violation(number, "citizenId", "身份证号须以文本格式填写（数字格式会丢失末几位）"));
            citizenId = null;
        }
        StaffRole role = label(text.apply("岗位"), StaffRole.values(), r -> r.label, number, "role", "岗位", violations);
        CertificateGrade grade = label(text.apply("职业技能等级"), CertificateGrade.values(), g -> g.label, number,
                "certificateGrade", "职业技能等级", violations);
        Education education = label(text.apply("学历"), Education.values(), e -> e.label, number, "education", "学历",
                violations);
        Boolean head = null;
        String headText = text.apply("负责人");
        if (headText != null) {
            switch (headText) {
                case "是" -> head = true;
                case "否" -> head = false;
                default -> violations.add(new Violation(number, "head", "负责人请填“是”或“否”"));
            }
        }
        var request = new StaffRequest(text.apply("姓名"), role, citizenId == null ? null : citizenId.toUpperCase(),
                text.apply("证书类型"), grade, text.apply("证书编号"),
                date(cell.apply("发证日期"), number, "certificateIssuedOn", violations),
                date(cell.apply("证书有效期至"), number, "certificateValidUntil", violations),
                date(cell.apply("入职日期"), number, "employedFrom", violations),
                date(cell.apply("离职日期"), number, "employedUntil", violations), head, education);
        return new ParsedRow(number, request, violations);
    }

    /** A value of a closed list by its Chinese label (or its code, or one half of a grade's "四级/中级工"). */
    private static <E extends Enum<E>> E label(String value, E[] values, Function<E, String> labelOf, int row,
                                               String field, String column, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        Optional<E> match = Arrays.stream(values).filter(e -> labelOf.apply(e).equals(value) || e.name().equals(value)
                || Arrays.asList(labelOf.apply(e).split("/")).contains(value)).findFirst();
        if (match.isEmpty()) {
            violations.add(new Violation(row, field, column + "须为以下之一：" + String.join("、",
                    Arrays.stream(values).map(labelOf).toList())));
        }
        return match.orElse(null);
    }

    /** A date cell, or text as 2024-03-01 or 2024/3/1. */
    private static LocalDate date(Cell cell, int row, String field, List<Violation> violations) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String value = blankToNull(text(cell));
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(row, field, "日期应写作 2024-03-01"));
            return null;
        }
    }

    private static final DataFormatter FORMAT = new DataFormatter();

    private static String text(Cell cell) {
        return cell == null ? "" : FORMAT.formatCellValue(cell).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ProblemException rowsInvalid(List<Violation> violations) {
        List<Violation> sorted = violations.stream().sorted(java.util.Comparator.comparing(Violation::row)
                .thenComparing(Violation::field)).toList();
        long rows = sorted.stream().map(Violation::row).distinct().count();
        return new ProblemException(Problem.of(422, "IMPORT_ROWS_INVALID", "导入文件中有未通过校验的行，未登记任何人员",
                rows + " row(s) invalid; nothing was added").withViolations(sorted));
    }

    private static ProblemException fileRefused(int status, String code, String title, String detail) {
        return new ProblemException(Problem.of(status, code, title, detail));
    }
}
