package care.registry.staff.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static care.registry.staff.rest.StaffRosterTest.newCitizenId;
import static care.registry.staff.rest.StaffRosterTest.staff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster as a clerk handles it in bulk: edited with If-Match, exported as CSV/XLSX, imported from XLSX. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class StaffSheetsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("姓名*", "岗位*", "公民身份号码*", "证书类型", "职业技能等级", "证书编号",
            "发证日期", "证书有效期至", "入职日期*", "离职日期", "负责人", "学历");

    @Inject
    Register register;
    @Inject
    Db db;

    @Test
    void anEditKeepsTheCitizenIdWhenItIsLeftOutAndAStaleVersionIsRefused() {
        Institution home = register.elderly530102();
        String citizenId = newCitizenId();
        var added = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("孙倩", citizenId, "LEVEL_5", "S53010220230009", "2024-02-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(201).extract();
        String staffId = added.path("id");
        String masked = added.path("citizenIdMasked");

        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(staff("孙倩", null, "LEVEL_4", "S53010220230009", "2024-02-01", null))
                .put("/api/institutions/{id}/staff/{staffId}", home.id, staffId).then().statusCode(200)
                .body("citizenIdMasked", equalTo(masked)).body("certificateGradeLabel", equalTo("四级/中级工"))
                .header("ETag", equalTo("\"1\""));
        // the page showed version 0: someone saved since, so this save is refused rather than overwriting theirs
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(staff("孙倩", null, "LEVEL_3", "S53010220230009", "2024-02-01", null))
                .put("/api/institutions/{id}/staff/{staffId}", home.id, staffId).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CONCURRENT_MODIFICATION"));
        // refusals name the field, in Chinese, for the page to show beside it
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(staff("", null, "LEVEL_3", "S53010220230009", "2024-02-01", null))
                .put("/api/institutions/{id}/staff/{staffId}", home.id, staffId).then().statusCode(400)
                .body("violations[0].field", equalTo("name")).body("violations[0].message", equalTo("请填写姓名"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(staff("孙倩", null, "LEVEL_3", null, "2024-02-01", "2024-01-01"))
                .put("/api/institutions/{id}/staff/{staffId}", home.id, staffId).then().statusCode(400)
                .body("violations.field", equalTo(List.of("certificateNumber", "employedUntil")))
                .body("violations.message", equalTo(List.of("填写了证书等级，须同时填写证书编号", "离职日期不能早于入职日期")));
    }

    @Test
    void theExportSpeaksChineseMasksIdsAndNeutralisesFormulas() throws IOException {
        Institution home = register.elderly530102();
        String citizenId = newCitizenId();
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("=HYPERLINK(1)", citizenId, "LEVEL_4", "S53010220240077", "2024-04-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(201);
        String masked = citizenId.substring(0, 6) + "********" + citizenId.substring(14);

        byte[] csv = given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/{id}/staff/export.csv", home.id)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF姓名,岗位,公民身份号码（部分隐藏）,证书类型,职业技能等级"), text);
        assertTrue(text.contains("'=HYPERLINK(1),养老护理员," + masked + ",养老护理员职业技能等级证书,四级/中级工,S53010220240077"),
                text);
        assertFalse(text.contains(citizenId));
        assertFalse(text.contains("ELDERLY_CAREGIVER") || text.contains("LEVEL_4"), "labels, not codes");

        byte[] xlsx = given().auth().oauth2(Tokens.of("mz-530102")).get("/api/institutions/{id}/staff/export.xlsx", home.id)
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("姓名", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("证书状态", sheet.getRow(0).getCell(8).getStringCellValue());
            Row row = null;
            for (Row r : sheet) {
                if (r.getCell(0).getStringCellValue().equals("=HYPERLINK(1)")) {
                    row = r;
                }
            }
            assertTrue(row != null, "the entry is in the workbook");
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, row.getCell(0).getCellType(), "text, never a formula");
            assertEquals(masked, row.getCell(2).getStringCellValue());
            assertEquals("有效", row.getCell(8).getStringCellValue());
            assertEquals("在册", row.getCell(14).getStringCellValue());
        }

        for (String outsider : new String[]{"inst-elderly-530103", "mz-530103", "wj-530102"}) {
            given().auth().oauth2(Tokens.of(outsider)).get("/api/institutions/{id}/staff/export.csv", home.id)
                    .then().statusCode(404);
            given().auth().oauth2(Tokens.of(outsider)).get("/api/institutions/{id}/staff/export.xlsx", home.id)
                    .then().statusCode(404);
        }
        given().get("/api/institutions/{id}/staff/export.csv", home.id).then().statusCode(401);
    }

    @Test
    void oneBrokenRowRefusesTheWholeFileWithEveryViolationByRowAndField() throws IOException {
        Institution home = register.elderly530102();
        String valid = newCitizenId();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        String twice = newCitizenId();
        byte[] file = workbook(List.of(
                row("钱芳", "养老护理员", newCitizenId(), "2024-03-01"),
                row("刘洋", "养老护理员", wrongCheck, "2024-03-01"),
                row("", "厨师", twice, "2024/13/01"),
                row("郑红", "护士", twice, "2024-03-01"),
                row("吴静", "护士", twice, "2024-05-01")));
        long before = db.count("select count(*) from staff where institution_id = ?1", home.id);

        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(XLSX).body(file)
                .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPORT_ROWS_INVALID"))
                .body("title", equalTo("导入文件中有未通过校验的行，未登记任何人员"))
                .body("violations.row", equalTo(List.of(3, 4, 4, 4, 6)))
                .body("violations.field", equalTo(List.of("citizenId", "employedFrom", "name", "role", "citizenId")))
                .body("violations[1].message", equalTo("日期应写作 2024-03-01"))
                .body("violations[2].message", equalTo("请填写姓名"))
                .body("violations[3].message", startsWith("岗位须为以下之一：养老护理员、"))
                .body("violations[4].message", equalTo("与第 5 行是同一人"))
                .body(not(containsString(wrongCheck)));
        assertEquals(before, db.count("select count(*) from staff where institution_id = ?1", home.id),
                "nothing of the file is added");
    }

    @Test
    void aGoodFileIsAddedOnceAndAPersonHeldElsewhereWaitsForTheCounty() throws IOException {
        Institution home = register.elderly530102();
        Institution other = register.elderly530103();
        String heldElsewhere = newCitizenId();
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(ContentType.JSON)
                .body(staff("冯丽", heldElsewhere, null, null, "2020-01-01", null))
                .post("/api/institutions/{id}/staff", other.id).then().statusCode(201);
        byte[] file = workbook(List.of(
                row("褚敏", "养老护理员", newCitizenId(), "2024-03-01"),
                row("卫兰", "保健人员", newCitizenId().toLowerCase(), "2023-09-01"),
                row("冯丽", "养老护理员", heldElsewhere, "2024-06-01")));
        long before = db.count("select count(*) from staff where institution_id = ?1", home.id);
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(XLSX).header("Idempotency-Key", key)
                .body(file).post("/api/institutions/{id}/staff/import", home.id).then().statusCode(200)
                .header("Idempotency-Replayed", "false")
                .body("added", equalTo(3)).body("disputed", equalTo(1)).body("items", hasSize(3))
                .body("items.find { it.name == '冯丽' }.status", equalTo("DISPUTED"))
                .body("items.find { it.name == '褚敏' }.certificateGradeLabel", equalTo("四级/中级工"))
                .body(not(containsString(heldElsewhere))).extract().asString();
        assertEquals(before + 3, db.count("select count(*) from staff where institution_id = ?1", home.id));

        // a retry after a lost answer: the first answer again, nobody added twice
        String again = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(XLSX).header("Idempotency-Key", key)
                .body(file).post("/api/institutions/{id}/staff/import", home.id).then().statusCode(200)
                .header("Idempotency-Replayed", "true").extract().asString();
        assertEquals(first, again);
        assertEquals(before + 3, db.count("select count(*) from staff where institution_id = ?1", home.id));
        // the same file without the key: everyone in it is already on the roster now
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(XLSX).body(file)
                .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(422)
                .body("violations.message", equalTo(List.of("该人员已在本机构花名册中", "该人员已在本机构花名册中",
                        "该人员已在本机构花名册中")));
    }

    @Test
    void theTemplateImportsOnceItsExampleIsReplacedAndAnythingButXlsxIsRefused() throws IOException {
        Institution home = register.elderly530102();
        byte[] template = given().auth().oauth2(Tokens.of("inst-elderly"))
                .get("/api/institutions/{id}/staff/import-template.xlsx", home.id).then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        byte[] filled;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(HEADER, header);
            assertEquals("养老护理员", new DataFormatter().formatCellValue(sheet.getRow(1).getCell(1)));
            sheet.getRow(1).getCell(2).setCellValue(newCitizenId());
            book.write(out);
            filled = out.toByteArray();
        }
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(XLSX).body(filled)
                .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(200)
                .body("added", equalTo(1)).body("items[0].educationLabel", equalTo("高中或中专"))
                .body("items[0].certificateType", equalTo("ELDERLY_CARE_SKILL"));

        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(XLSX)
                .body("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("NOT_XLSX"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("text/csv").body("姓名,岗位\n")
                .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(415)
                .contentType("application/problem+json");

        byte[] file = workbook(List.of(row("何静", "养老护理员", newCitizenId(), "2024-03-01")));
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(XLSX).body(file)
                .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(404);
        for (String reader : new String[]{"mz-530102", "admin-530100", "auditor-530100"}) {
            given().auth().oauth2(Tokens.of(reader)).contentType(XLSX).body(file)
                    .post("/api/institutions/{id}/staff/import", home.id).then().statusCode(403);
        }
    }

    private static List<String> row(String name, String role, String citizenId, String employedFrom) {
        return List.of(name, role, citizenId, "养老护理员职业技能等级证书", "四级/中级工", "S" + Math.abs(citizenId.hashCode()),
                "2022-05-10", "", employedFrom, "", "否", "");
    }

    /** A workbook as a clerk fills the template: text cells under the template's header. */
    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("从业人员名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
