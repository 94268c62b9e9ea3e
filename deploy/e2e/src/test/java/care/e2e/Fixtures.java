package care.e2e;

import io.restassured.http.ContentType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static care.e2e.Platform.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The records end-to-end tests act on, all of inst-elderly (民办养老机构, 昆明市五华区 530102), made through the
 * gateway as its clerk and the county's reviewer would. {@link #shared} makes one per name, {@link #fresh} a new
 * one each time. The institution is filed once (a second 新设备案 of one USCC is refused); fresh filings after
 * that are 变更备案.
 */
final class Fixtures {

    static final String USCC = "52530102MJA00001X1";
    static final String NAME = "五华区康乐养老院";
    // the smallest file the filing service accepts as a PDF (it reads the type from the bytes)
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** The finance day's batch (FinanceDayTest): its month, its county (安宁市) and how many caregivers it pays. */
    static final String FINANCE_PERIOD = "2026-08";
    static final String FINANCE_COUNTY = "530181";
    static final int FINANCE_PEOPLE = 5;

    private static final AtomicInteger STAFF = new AtomicInteger(100);
    /** Townships of 官渡区 (530111), made-up test values: no real township list is shipped or assumed. */
    private static final AtomicInteger TOWNSHIP = new AtomicInteger(0);

    private final Map<String, String> shared = new HashMap<>();
    private final Disputes disputes = new Disputes();
    /** The trace the 新设备案 was approved in (the caller's traceparent), and its 备案回执 number. */
    volatile String approvalTraceId;
    volatile String receiptNumber;

    /** One record per name. Making one may need another (a filing needs the institution), so no map lambda here. */
    synchronized String shared(String name) {
        String id = shared.get(name);
        if (id == null) {
            id = fresh(name);
            shared.put(name, id);
        }
        return id;
    }

    String fresh(String name) {
        return switch (name) {
            case "institution" -> fileInstitution();
            case "draftFiling" -> changeDraft();
            case "readyFiling" -> withChangeMaterials(changeDraft());
            case "submittedFiling" -> submit(changeDraft());
            case "acceptedFiling" -> accept(submit(changeDraft()));
            case "approvedFiling" -> approve(accept(submit(changeDraft())));
            case "returnedFiling" -> returnForCorrection(accept(submit(changeDraft())));
            // withdrawn before it was ever submitted (the institution's own business) and after (part of the record)
            case "withdrawnDraft" -> withdraw(withChangeMaterials(changeDraft()));
            case "withdrawnFiling" -> withdraw(submit(changeDraft()));
            case "material" -> "COMMITMENT";
            case "site" -> as("inst-elderly", "GET", "/api/institutions/" + shared("institution") + "/sites", null)
                    .statusCode(200).extract().path("[0].id");
            case "staff" -> as("inst-elderly", "POST", "/api/institutions/" + shared("institution") + "/staff",
                    body("staff")).statusCode(201).extract().path("id");
            case "programme" -> "KM-NURSING";
            case "indicator" -> "KM-E-07"; // 每千名老年人养老床位数 (民政)
            case "programmeVersion" -> String.valueOf(as("admin-530100", "GET", "/api/subsidy/programmes/KM-NURSING", null)
                    .statusCode(200).extract().<Number>path("versions[0].id"));
            // KM-NURSING has one batch in flight at a time: the finance day's batch is released before this one is
            // made and left open, whichever test asks first
            case "batch" -> {
                shared("releasedBatch");
                yield batch();
            }
            case "releasedBatch" -> releasedBatch();
            case "unknown" -> UUID.randomUUID().toString();
            case "otherInstitution" -> Disputes.fileOtherInstitution();
            case "dispute" -> disputes.open(shared("institution"), shared("otherInstitution"));
            case "registration" -> given().contentType(ContentType.JSON).body(body("registration"))
                    .post("/api/registrations").then().statusCode(201).extract().path("id");
            case "staffAccount" -> as("admin-530100", "POST", "/api/accounts/staff", body("staffAccount"))
                    .statusCode(201).extract().path("id");
            case "township" -> as("admin-530100", "POST", "/api/institutions/townships", body("township"))
                    .statusCode(201).extract().path("code");
            default -> throw new IllegalArgumentException("no fixture " + name);
        };
    }

    /** A township not yet entered: the next code of 530111, under a name no other township has. */
    private static Map<String, Object> township() {
        int n = TOWNSHIP.incrementAndGet();
        return Map.of("code", "530111%03d".formatted(n), "name", "矩阵测试乡镇" + n + "（测试值）");
    }

    Object body(String name) {
        return switch (name) {
            case "changeFiling" -> changeFiling();
            case "decision" -> Map.of("comment", "矩阵测试");
            case "batchRejection" -> Map.of("reason", "矩阵测试");
            case "returnItems" -> Map.of("comment", "请补正", "items",
                    List.of(Map.of("material", "COMMITMENT", "reason", "未盖章")));
            case "pdf" -> PDF;
            case "contacts" -> Map.of("contactPerson", "王敏", "contactPhone", "0871-65550103");
            case "designations" -> Map.of("inclusive", true, "demonstration", false);
            case "capacity" -> Map.of("beds", Map.of("total", 100, "nursing", 60, "inclusive", 40),
                    "services", List.of(), "occupied", 70);
            case "staff" -> Map.of("name", "赵敏", "role", "ELDERLY_CAREGIVER", "citizenId", nextCitizenId(),
                    "certificateGrade", "LEVEL_5", "certificateNumber", "S530102" + STAFF.incrementAndGet(),
                    "certificateIssuedOn", "2024-01-10", "employedFrom", "2024-02-01");
            case "staffImport" -> new Upload(XLSX, staffImport(nextCitizenId()));
            case "staffUpdate" -> Map.of("name", "赵敏", "role", "ELDERLY_CAREGIVER", "certificateGrade", "LEVEL_4",
                    "certificateNumber", "S530102-4", "certificateIssuedOn", "2025-06-01", "employedFrom", "2024-02-01");
            case "inspection" -> Map.of("inspectedOn", "2026-11-02", "method", "RANDOM", "inspectorOrg", "五华区民政局",
                    "result", "PASSED", "disclosed", true);
            case "disputeDecision" -> disputes.decision();
            case "version" -> Map.of();
            case "unknownBatch" -> Map.of("programmeCode", "KM-NOTHING", "period", "2026-10");
            case "demonstration" -> Map.of("institutionId", shared("institution"), "amountFen", 100000,
                    "reason", "示范性托育机构", "decisionNumber", "五卫〔2026〕1号");
            case "capacityGrant" -> Map.of("institutionId", shared("institution"), "reason", "新增床位");
            case "paymentResult" -> Map.of("outcome", "PAID", "amountFen", 10000, "bankReference", "B1",
                    "paidOn", "2026-11-20");
            case "reversal" -> Map.of("amountFen", 10000, "reason", "收款账户已冻结，资金退回", "returnedOn", "2026-11-20");
            case "registration" -> Registrations.registration(Registrations.uscc("530102"), "530102", "ELDERLY",
                    Registrations.mobile());
            case "refusal" -> Map.of("reason", "矩阵测试");
            case "township" -> township();
            case "townshipName" -> Map.of("name", "矩阵测试街道（测试值）");
            case "staffAccount" -> Map.of("username", "mz-m" + STAFF.incrementAndGet() + "-" + System.nanoTime() % 100000,
                    "fullName", "矩阵测试", "role", "civil-affairs-reviewer", "divisionCode", "530102");
            case "operator" -> Map.of("fullName", "矩阵测试", "mobile", Registrations.mobile());
            default -> throw new IllegalArgumentException("no body " + name);
        };
    }

    /** The walking skeleton: 新设备案 with its materials → submitted → 受理 → approved → in the public directory. */
    private String fileInstitution() {
        String filing = as("inst-elderly", "POST", "/api/filings", Map.ofEntries(
                Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"), Map.entry("uscc", USCC),
                Map.entry("institutionName", NAME), Map.entry("kind", "PRIVATE_CARE_HOME"),
                Map.entry("ownership", "PRIVATE"), Map.entry("divisionCode", "530102"),
                Map.entry("address", "昆明市五华区学府路1号"), Map.entry("legalRepresentative", "张丽"),
                Map.entry("contactPhone", "0871-65550101"), Map.entry("capacity", 120)))
                .statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        upload(filing, "APPLICATION_FORM", "REGISTRATION_CERT", "COMMITMENT");
        submit(filing);
        // not yet filed: the public does not see it
        given().queryParam("q", "康乐").get("/api/directory/institutions").then().statusCode(200)
                .body("total", equalTo(0));
        accept(filing);

        approvalTraceId = filing.replace("-", ""); // 32 hex digits, as a W3C trace id is
        receiptNumber = given().auth().oauth2(token("mz-530102"))
                .header("traceparent", "00-" + approvalTraceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Map.of("comment", "材料齐全，准予备案"))
                .post("/api/filings/" + filing + "/approve").then()
                .statusCode(200).header("X-Request-Id", approvalTraceId).body("status", equalTo("APPROVED"))
                .body("receiptNumber", matchesPattern("530102-\\d{4}-\\d{6}"))
                .extract().path("receiptNumber");
        // filing-service outbox → filing-events → registry inbox: 已备案 in the anonymous directory
        return eventually(() -> given().queryParam("q", "康乐").get("/api/directory/institutions")
                .then().statusCode(200).extract().path("items.find { it.filingNumber == '" + receiptNumber + "' }.id"));
    }

    /** Kunming's nursing allowance for October 2026, generated by the city admin and left for review. */
    private static String batch() {
        String location = as("admin-530100", "POST", "/api/subsidy/batches",
                Map.of("programmeCode", "KM-NURSING", "period", "2026-10")).log().ifValidationFails()
                .statusCode(202).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Kunming's nursing allowance for {@value #FINANCE_PERIOD}, released to finance: an institution of 安宁市 with
     * {@value #FINANCE_PEOPLE} caregivers (sent as registry events), generated, approved and released by three people.
     */
    private static String releasedBatch() {
        extendNursingAllowance();
        Faults.careHomeWithCaregivers(FINANCE_COUNTY, "安宁市财政测试养老院", "finance-day", FINANCE_PEOPLE, 100,
                Duration.ofSeconds(120));

        String location = as("admin-530100", "POST", "/api/subsidy/batches",
                Map.of("programmeCode", "KM-NURSING", "period", FINANCE_PERIOD)).log().ifValidationFails()
                .statusCode(202).extract().header("Location");
        String batch = location.substring(location.lastIndexOf('/') + 1);
        Faults.await("the batch generated", Duration.ofSeconds(90), () -> !"GENERATING".equals(
                as("admin-530100", "GET", "/api/subsidy/batches/" + batch, null).extract().path("status")));
        // EMPTY or FAILED (with its failure) says more than a timeout
        as("admin-530100", "GET", "/api/subsidy/batches/" + batch, null).log().ifValidationFails()
                .body("status", equalTo("GENERATED"));
        as("mz-530100", "POST", "/api/subsidy/batches/" + batch + "/approve", Map.of("note", "核对无误")).statusCode(200);
        as("admin2-530100", "POST", "/api/subsidy/batches/" + batch + "/release", null).statusCode(200)
                .body("status", equalTo("RELEASED"));
        return batch;
    }

    /** The seeded version ends with 2025 (the plan's target year): the city admin extends it, naming the decision. */
    private static void extendNursingAllowance() {
        Map<String, Object> extension = new HashMap<>();
        extension.put("effectiveUntil", null);
        extension.put("source", "测试：市政府决定方案期满后继续执行");
        long version = ((Number) as("admin-530100", "GET", "/api/subsidy/programmes/KM-NURSING", null).statusCode(200)
                .extract().path("versions[0].id")).longValue();
        if (as("admin-530100", "GET", "/api/subsidy/programmes/KM-NURSING", null).extract()
                .path("versions[0].effectiveUntil") != null) {
            as("admin-530100", "POST", "/api/subsidy/programmes/KM-NURSING/versions/" + version + "/extension",
                    extension).statusCode(200);
        }
    }

    /** A file uploaded as it is, under its own type. */
    record Upload(String contentType, byte[] bytes) {
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The registry's import template filled with one new person (a fresh ID each time, so each import adds one). */
    static byte[] staffImport(String citizenId) {
        List<String> header = List.of("姓名*", "岗位*", "公民身份号码*", "入职日期*");
        List<String> row = List.of("钱敏", "养老护理员", citizenId, "2024-02-01");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("从业人员名册");
            for (int r = 0; r < 2; r++) {
                var cells = sheet.createRow(r);
                for (int c = 0; c < header.size(); c++) {
                    cells.createCell(c).setCellValue((r == 0 ? header : row).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A valid citizen ID (GB 11643) of 五华区, different on each call. */
    private static String nextCitizenId() {
        return PersonalDataTest.withCheckDigit("5301021990010" + (1000 + STAFF.incrementAndGet()));
    }

    private String changeDraft() {
        shared("institution");
        return as("inst-elderly", "POST", "/api/filings", changeFiling()).statusCode(201).extract().path("id");
    }

    private static Map<String, Object> changeFiling() {
        return Map.of("type", "CHANGE", "uscc", USCC, "contactPhone", "0871-65550102");
    }

    private static void upload(String filing, String... codes) {
        for (String code : codes) {
            given().auth().oauth2(token("inst-elderly")).contentType("application/pdf").body(PDF)
                    .queryParam("fileName", code.toLowerCase() + ".pdf")
                    .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
        }
    }

    /** A 变更备案 draft with every required material: ready to submit. */
    private static String withChangeMaterials(String filing) {
        upload(filing, "APPLICATION_FORM", "CHANGE_PROOF", "COMMITMENT");
        return filing;
    }

    private static String submit(String filing) {
        String type = as("inst-elderly", "GET", "/api/filings/" + filing, null).extract().path("type");
        if (type.equals("CHANGE")) {
            withChangeMaterials(filing);
        }
        as("inst-elderly", "POST", "/api/filings/" + filing + "/submit", null)
                .statusCode(200).body("status", equalTo("SUBMITTED"));
        return filing;
    }

    private static String accept(String filing) {
        as("mz-530102", "POST", "/api/filings/" + filing + "/accept", Map.of("comment", "受理"))
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        return filing;
    }

    private static String approve(String filing) {
        as("mz-530102", "POST", "/api/filings/" + filing + "/approve", Map.of("comment", "准予备案"))
                .statusCode(200).body("status", equalTo("APPROVED"));
        return filing;
    }

    private static String withdraw(String filing) {
        as("inst-elderly", "POST", "/api/filings/" + filing + "/withdraw", Map.of("comment", "撤回"))
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        return filing;
    }

    private static String returnForCorrection(String filing) {
        as("mz-530102", "POST", "/api/filings/" + filing + "/return", Map.of("comment", "请补正", "items",
                List.of(Map.of("material", "COMMITMENT", "reason", "未盖章")))).statusCode(200);
        return filing;
    }

    /**
     * Roster disputes: 盘龙区福寿养老院 (inst-elderly-530103, filed here through its own 新设备案 approved by 民政
     * 盘龙区) has a person on its roster from 2020; inst-elderly then claims the same person, which opens a dispute
     * decided by 民政 五华区 (the county of the later claim). The decision body names the last dispute's claim.
     */
    static final class Disputes {

        static final String OTHER_USCC = "52530103MJA000020N";
        private volatile String lastClaim;

        static String fileOtherInstitution() {
            String filing = as("inst-elderly-530103", "POST", "/api/filings", Map.ofEntries(
                    Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"), Map.entry("uscc", OTHER_USCC),
                    Map.entry("institutionName", "盘龙区福寿养老院"), Map.entry("kind", "PRIVATE_CARE_HOME"),
                    Map.entry("ownership", "PRIVATE_WITH_PUBLIC_AID"), Map.entry("divisionCode", "530103"),
                    Map.entry("address", "昆明市盘龙区北京路2号"), Map.entry("legalRepresentative", "李强"),
                    Map.entry("contactPhone", "0871-65550201"), Map.entry("capacity", 80)))
                    .statusCode(201).extract().path("id");
            for (String code : new String[]{"APPLICATION_FORM", "REGISTRATION_CERT", "COMMITMENT"}) {
                given().auth().oauth2(token("inst-elderly-530103")).contentType("application/pdf").body(PDF)
                        .queryParam("fileName", code.toLowerCase() + ".pdf")
                        .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
            }
            as("inst-elderly-530103", "POST", "/api/filings/" + filing + "/submit", null).statusCode(200);
            as("mz-530103", "POST", "/api/filings/" + filing + "/accept", Map.of("comment", "受理")).statusCode(200);
            as("mz-530103", "POST", "/api/filings/" + filing + "/approve", Map.of("comment", "准予备案")).statusCode(200);
            return eventually(() -> as("inst-elderly-530103", "GET", "/api/institutions", null).statusCode(200)
                    .extract().path("items.find { it.uscc == '" + OTHER_USCC + "' }.id"));
        }

        /** A new dispute between the two institutions' rosters; returns its id. */
        String open(String institution, String otherInstitution) {
            Opened opened = another(institution, otherInstitution);
            lastClaim = opened.laterClaim();
            return opened.dispute();
        }

        /** A dispute and the later claim (inst-elderly's, from 2024-02-01) in it. */
        record Opened(String dispute, String laterClaim) {
        }

        /**
         * A new dispute about a new person, for a test of its own: the matrix's decision body ({@link #decision})
         * keeps naming the matrix's own claim.
         */
        static Opened another(String institution, String otherInstitution) {
            String citizenId = nextCitizenId();
            as("inst-elderly-530103", "POST", "/api/institutions/" + otherInstitution + "/staff", person(citizenId,
                    "2020-01-01")).statusCode(201);
            String claim = as("inst-elderly", "POST", "/api/institutions/" + institution + "/staff", person(citizenId,
                    "2024-02-01")).statusCode(202).body("status", equalTo("DISPUTED")).extract().path("id");
            String dispute = as("mz-530102", "GET", "/api/institutions/staff-disputes?size=200", null).statusCode(200)
                    .extract().path("items.find { it.disputingStaffId == '" + claim + "' }.id");
            return new Opened(dispute, claim);
        }

        Map<String, Object> decision() {
            return Map.of("standingStaffId", lastClaim == null ? UUID.randomUUID().toString() : lastClaim,
                    "reason", "矩阵测试：核实劳动合同");
        }

        private static Map<String, Object> person(String citizenId, String from) {
            return Map.of("name", "陈芳", "role", "ELDERLY_CAREGIVER", "citizenId", citizenId,
                    "certificateGrade", "LEVEL_4", "certificateNumber", "S530103" + STAFF.incrementAndGet(),
                    "certificateIssuedOn", "2019-06-01", "employedFrom", from);
        }
    }
}
