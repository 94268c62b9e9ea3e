package care.e2e;

import care.deploy.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The portal in a real headless Chromium (Debian's chromium + chromium-driver), on the whole platform: each kind of
 * user logs in through Keycloak's own login page and walks the main journeys by clicking. Screenshots at phone
 * (390×844) and desktop (1366×900) widths go to target/screenshots; page load and interaction times (Navigation
 * Timing) are printed at the end, not asserted.
 * <p>
 * Uses inst-childcare and wj-530102 (托育, 五华区), admin-530100, wj-530100 and admin2-530100 (a batch takes three
 * people), and inst-elderly-530302, mz-530302 and admin-530300
 * (曲靖, for a 建设补贴), which the other end-to-end classes do not file or decide with, so the classes can run in any
 * order on one platform. The roster dispute is between the two 养老 institutions {@link Fixtures} files once per
 * platform (inst-elderly, inst-elderly-530103), about a person of its own, so it leaves the authorization matrix's
 * disputes alone; mz-530102 decides it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {

    static final String NAME = "五华区童心托育中心";
    static final Path SHOTS = Path.of("target/screenshots");

    static Stack stack;
    static String base;
    static Path pdf;
    static final Map<String, Long> TIMES = new LinkedHashMap<>();
    static final List<String> OUTSIDE = new ArrayList<>();
    /** Pages wider than a 390 px phone (a horizontal scrollbar), with the elements that stick out. */
    static final List<String> TOO_WIDE = new ArrayList<>();
    /** axe-core's serious and critical violations on the pages visited (see {@link Accessibility}). */
    static final List<String> INACCESSIBLE = new ArrayList<>();
    /** The pages axe-core has checked, by {@link Accessibility#shape}. */
    static final Set<String> CHECKED = new HashSet<>();

    // what the journeys pass on
    static String newFilingId;
    static String receiptNumber;

    @BeforeAll
    static void platformAndBrowser() throws IOException {
        assertTrue(Files.isExecutable(Path.of(Chromium.BROWSER)) && Files.isExecutable(Path.of(Chromium.DRIVER)),
                "the browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver "
                        + "(looked for " + Chromium.BROWSER + " and " + Chromium.DRIVER + "; set -Dportal.chromium / -Dportal.chromedriver)");
        Process fonts = new ProcessBuilder("fc-list", ":lang=zh").redirectErrorStream(true).start();
        String chinese = new String(fonts.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(chinese.isBlank(), "no Chinese font for Chromium: the screenshots would show boxes "
                + "(apt-get install -y fonts-wqy-microhei; .ci/run does)");
        stack = Platform.stack();
        base = stack.gatewayUrl();
        Files.createDirectories(SHOTS);
        pdf = Files.createTempFile("material-", ".pdf");
        Files.write(pdf, Fixtures.PDF);
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder out = new StringBuilder("\n=== portal timings (Navigation Timing: navigation start → load event end), ms ===\n");
        TIMES.forEach((step, ms) -> out.append(String.format("%6d  %s%n", ms, step)));
        long first = TIMES.entrySet().stream().filter(e -> e.getKey().startsWith("first load")).mapToLong(Map.Entry::getValue).max().orElse(-1);
        long slowest = TIMES.entrySet().stream().filter(e -> !e.getKey().startsWith("first load")).mapToLong(Map.Entry::getValue).max().orElse(-1);
        out.append(String.format("first page load (max): %d ms (target < 2000); slowest interaction: %d ms (target < 300)%n", first, slowest));
        System.out.println(out);
        Files.createDirectories(SHOTS);
        Files.writeString(SHOTS.resolve("timings.txt"), out.toString());
        if (pdf != null) {
            Files.deleteIfExists(pdf);
        }
    }

    // ------------------------------------------------------------------------------------------------ journeys

    @Test
    @Order(1)
    void theInstitutionFilesTheReviewerApprovesAndThePublicFindsIt() {
        try (Browser anonymous = new Browser()) {
            anonymous.open("/portal/", "first load: directory (fresh browser, no cache)");
            anonymous.waitText(By.tagName("h1"), "养老托育机构查询");
            anonymous.open("/portal/", "directory again (same browser: CSS and script cached)");
            anonymous.shoot("01-directory");
        }
        try (Browser english = new Browser("en-US")) {
            // Keycloak's login page is Chinese even for a browser set to English: the realm's default locale is
            // zh-CN and the portal asks for it (ui_locales)
            english.open("/portal/", "directory, English-language browser");
            english.find(By.id("login")).click();
            WebElement login = english.find(By.id("kc-login"));
            String text = login.getText().isBlank() ? login.getAttribute("value") : login.getText();
            assertEquals("登录", text.strip(), "the login button of Keycloak's page");
            assertTrue(english.find(By.tagName("body")).getText().contains("用户名"), "the login page is in Chinese");
            english.shoot("00-keycloak-login");
        }
        try (Browser institution = new Browser()) {
            institution.login("inst-childcare");
            institution.waitUrl("/portal/filings");
            assertTrue(institution.driver.findElements(By.id("nav-disputes")).isEmpty(),
                    "an institution has no part in roster disputes (its roster says an entry waits)");
            institution.click(By.id("new-NEW"), "open the 新设备案 form");
            // validates as you type: a check character that does not fit, a capacity out of range
            WebElement uscc = institution.find(By.id("uscc"));
            assertEquals("91530102MA6K0000BY", uscc.getAttribute("value"), "the USCC comes from the account");
            institution.type(By.id("institutionName"), NAME);
            new Select(institution.find(By.id("kind"))).selectByValue("FULL_DAYCARE");
            new Select(institution.find(By.id("ownership"))).selectByValue("PRIVATE");
            assertEquals("530102", new Select(institution.find(By.id("divisionCode"))).getFirstSelectedOption().getAttribute("value"));
            institution.type(By.id("address"), "昆明市五华区青年路88号");
            institution.type(By.id("legalRepresentative"), "李红");
            institution.type(By.id("contactPhone"), "0871-6555");
            institution.type(By.id("capacity"), "30000");
            institution.waitText(By.id("err-capacity"), "超出合理范围"); // the page's own check, before any request
            // a browser without the script sends it anyway: the API's answer is placed at the field, nothing typed lost
            institution.submitWithoutScript("filing-form", "API error: form re-rendered at the field");
            institution.waitText(By.id("problem"), "提交的数据未通过校验");
            institution.waitText(By.id("err-capacity"), "床位/托位数超出合理范围");
            assertEquals(NAME, institution.find(By.id("institutionName")).getAttribute("value"));
            assertEquals("李红", institution.find(By.id("legalRepresentative")).getAttribute("value"));
            institution.shoot("02-filing-form-api-error");
            institution.type(By.id("capacity"), "60");
            institution.type(By.id("contactPhone"), "0871-65550201");
            institution.click(By.id("save"), "save the draft");
            institution.waitText(By.id("done"), "请上传申报材料");
            newFilingId = institution.filingIdFromUrl();
            institution.uploadRequiredMaterials();
            institution.shoot("03-filing-materials");
            institution.click(By.id("submit"), "submit the filing");
            institution.waitText(By.id("status"), "已提交");
        }
        try (Browser reviewer = new Browser()) {
            reviewer.login("wj-530102");
            reviewer.waitUrl("/portal/review");
            reviewer.waitText(By.id("queue"), NAME);
            reviewer.shoot("04-review-queue");
            reviewer.click(By.cssSelector("tr[data-id='" + newFilingId + "'] a.button"), "open a filing from the queue");
            reviewer.find(By.cssSelector("details.preview summary")).click(); // the material, previewed in the page
            assertFalse(reviewer.driver.findElements(By.cssSelector("details.preview[open] iframe")).isEmpty());
            // Chromium's PDF viewer has started before the next click: once (2026-12-05) the click on 受理 right after
            // it went nowhere, no request sent in 60 s
            new WebDriverWait(reviewer.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(reviewer.js(
                    "var f = document.querySelector('details.preview[open] iframe');"
                            + " return !!f && !!f.contentDocument && f.contentDocument.readyState === 'complete'")));
            reviewer.shoot("05-review-filing");
            reviewer.click(By.id("accept"), "受理: asked once");
            reviewer.confirm("受理");
            reviewer.waitText(By.id("status"), "已受理");
            reviewer.click(By.id("approve"), "准予备案: asked once");
            reviewer.confirm("准予备案");
            reviewer.waitText(By.id("status"), "已备案");
            receiptNumber = reviewer.find(By.id("receipt-number")).getText();
            assertTrue(receiptNumber.matches("530102-\\d{4}-\\d{6}"), receiptNumber);
            reviewer.waitText(By.id("history"), "准予备案");
        }
        try (Browser visitor = new Browser()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            do { // the registry learns of the approval by its event
                visitor.open("/portal/?q=" + java.net.URLEncoder.encode("童心", java.nio.charset.StandardCharsets.UTF_8),
                        "directory search");
            } while (!visitor.driver.getPageSource().contains(NAME) && System.nanoTime() < deadline && pause());
            visitor.waitText(By.id("results"), NAME);
            visitor.shoot("06-directory-found");
            visitor.click(By.linkText(NAME), "institution detail page");
            visitor.waitText(By.id("filing-number"), receiptNumber);
            visitor.waitText(By.id("filing-status"), "已备案");
            visitor.shoot("07-institution-detail");
        }
        try (Browser institution = new Browser()) {
            institution.login("inst-childcare");
            institution.open("/portal/filings/" + newFilingId, "the institution's approved filing");
            institution.waitText(By.id("status"), "已备案");
            // the PDF receipt comes through the portal's session as a download
            Object pdf = ((JavascriptExecutor) institution.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('receipt-pdf').href).then(r => r.arrayBuffer().then(b => done(
                        r.status + ' ' + r.headers.get('content-type') + ' ' + new TextDecoder().decode(b.slice(0, 5)))));""");
            assertEquals("200 application/pdf %PDF-", pdf);
            institution.open("/portal/filings/" + newFilingId + "/receipt", "备案回执");
            assertTrue(institution.driver.getPageSource().contains(receiptNumber), "the receipt names its number");
            // 花名册: the citizen ID's check character is checked as it is typed; the registry masks it
            institution.open("/portal/staff", "the staff roster");
            institution.type(By.id("name"), "周敏");
            new Select(institution.find(By.id("role"))).selectByValue("NURSERY_TEACHER");
            String citizenId = PersonalDataTest.withCheckDigit("53010219920304" + "123");
            String wrong = citizenId.substring(0, 17) + (citizenId.charAt(17) == '0' ? '1' : '0');
            institution.type(By.id("citizenId"), wrong);
            institution.waitText(By.id("err-citizenId"), "校验码不符");
            institution.type(By.id("citizenId"), citizenId);
            institution.js("document.getElementById('employedFrom').value = '2026-03-01'");
            institution.click(By.id("add-staff"), "add a person to the roster");
            institution.waitText(By.id("done"), "已登记");
            institution.waitText(By.id("roster"), "周敏");
            assertFalse(institution.find(By.id("roster")).getText().contains(citizenId), "the ID is shown masked");
            institution.shoot("08a-staff-roster");
            // 我的机构与场所: the site of the filing, whose 托位 the institution keeps; the registry's refusal at the field
            institution.click(By.id("nav-sites"), "my institution and sites");
            institution.waitText(By.id("site-list"), "主场所");
            institution.waitText(By.id("institution"), receiptNumber);
            institution.click(By.cssSelector("#site-list a.button"), "open a site's figures");
            institution.type(By.id("slots.total"), "70"); // filed: 60
            institution.type(By.id("slots.inclusive"), "20");
            institution.type(By.id("slots.infant"), "10");
            institution.type(By.id("slots.toddler"), "20");
            institution.type(By.id("slots.older"), "20");
            institution.type(By.id("occupied"), "45");
            institution.find(By.id("mode-FULL_DAY")).click();
            institution.find(By.id("service-CHILD_MEALS")).click();
            institution.click(By.id("save-site"), "site figures refused: more than filed");
            institution.waitText(By.id("err-slots.total"), "超过备案托位 60");
            assertEquals("45", institution.find(By.id("occupied")).getAttribute("value"), "what was typed is kept");
            assertTrue(institution.find(By.id("service-CHILD_MEALS")).isSelected(), "the ticked boxes are kept");
            institution.shoot("08b-site-refused");
            institution.type(By.id("slots.total"), "60");
            institution.click(By.id("save-site"), "save a site's figures");
            institution.waitText(By.id("done"), "场所信息已保存");
            institution.waitText(By.id("site-list"), "共 60");
            institution.waitText(By.id("site-list"), "膳食");
            institution.shoot("08c-sites");
            // the contacts: the page's own check lets brackets through, the registry does not; its message at the field
            institution.type(By.id("contactPerson"), "王芳");
            institution.type(By.id("contactPhone"), "(0871)65550202");
            institution.click(By.id("save-contacts"), "contacts refused by the registry");
            institution.waitText(By.id("err-contactPhone"), "联系电话格式无效");
            assertEquals("王芳", institution.find(By.id("contactPerson")).getAttribute("value"), "what was typed is kept");
            // a colleague saves the contacts meanwhile: this page's save is refused, not silently written over theirs
            String ownId = given().queryParam("q", "童心").get("/api/directory/institutions").then().statusCode(200)
                    .extract().path("items.find { it.filingNumber == '" + receiptNumber + "' }.id");
            as("inst-childcare", "PUT", "/api/institutions/" + ownId + "/contacts",
                    Map.of("contactPerson", "李强", "contactPhone", "0871-65550303")).statusCode(200);
            institution.type(By.id("contactPhone"), "0871-65550202");
            institution.click(By.id("save-contacts"), "contacts changed meanwhile: refused");
            institution.waitText(By.id("problem"), "记录已被他人修改");
            assertEquals("王芳", institution.find(By.id("contactPerson")).getAttribute("value"), "what was typed is kept");
            institution.click(By.id("save-contacts"), "save the contacts");
            institution.waitText(By.id("done"), "联系方式已保存");
            assertEquals("0871-65550202", institution.find(By.id("contactPhone")).getAttribute("value"));
        }
    }

    @Test
    @Order(2)
    void aReturnedFilingIsFixedAndResubmitted() {
        if (newFilingId == null || receiptNumber == null) {
            fail("needs the institution filed by the first journey");
        }
        String changeId;
        try (Browser institution = new Browser()) {
            institution.login("inst-childcare");
            institution.waitUrl("/portal/filings");
            institution.click(By.id("new-CHANGE"), "open the 变更备案 form");
            institution.type(By.id("contactPhone"), "0871-65559999");
            institution.click(By.id("save"), "save the change draft");
            institution.waitText(By.id("done"), "请上传申报材料");
            changeId = institution.filingIdFromUrl();
            institution.uploadRequiredMaterials();
            institution.click(By.id("submit"), "submit the change");
            institution.waitText(By.id("status"), "已提交");
        }
        try (Browser reviewer = new Browser()) {
            reviewer.login("wj-530102");
            reviewer.open("/portal/filings/" + changeId, "reviewer opens the change");
            reviewer.type(By.id("reason-COMMITMENT"), "承诺书未盖章，请重新上传");
            reviewer.type(By.id("return-comment"), "请补正后重新提交");
            reviewer.click(By.id("return"), "退回补正");
            reviewer.waitText(By.id("status"), "退回补正");
        }
        try (Browser institution = new Browser()) {
            institution.login("inst-childcare");
            institution.waitUrl("/portal/filings");
            institution.waitText(By.id("filings"), "承诺书未盖章");
            String listed = institution.find(By.id("filings")).getText();
            assertTrue(listed.contains("托育机构备案承诺书") && !listed.contains("COMMITMENT"),
                    "the list names the material, not its code: " + listed);
            institution.shoot("08-filings-returned");
            institution.open("/portal/filings/" + changeId, "the returned filing");
            institution.waitText(By.id("return-items"), "承诺书未盖章");
            institution.upload("COMMITMENT");
            institution.click(By.id("submit"), "resubmit after correction");
            institution.waitText(By.id("status"), "已提交");
        }
        try (Browser reviewer = new Browser()) {
            reviewer.login("wj-530102");
            reviewer.open("/portal/filings/" + changeId, "reviewer opens the resubmitted change");
            reviewer.click(By.id("accept"), "受理 the resubmission: asked once");
            reviewer.confirm("受理 the resubmission");
            reviewer.waitText(By.id("status"), "已受理");
            reviewer.click(By.id("approve"), "approve the change: asked once");
            reviewer.confirm("approve the change");
            reviewer.waitText(By.id("status"), "已备案");
            reviewer.waitText(By.id("history"), "补正后重新提交");
        }
    }

    @Test
    @Order(3)
    void theCityAdminGeneratesApprovesAndReleasesABatch() {
        if (receiptNumber == null) {
            fail("needs the institution filed by the first journey");
        }
        // a 示范性 grant decided by the county's health reviewer on the grants page is what the batch pays
        String institutionId = eventually(() -> given().queryParam("q", "童心").get("/api/directory/institutions")
                .then().statusCode(200).extract().path("items.find { it.filingNumber == '" + receiptNumber + "' }.id"));
        // only an institution the register designates 示范 receives one (000 §20), and only under a version in force:
        // the county's health reviewer designates it, the city admin extends the seeded version beyond 2025
        as("wj-530102", "PUT", "/api/institutions/" + institutionId + "/designations",
                Map.of("inclusive", false, "demonstration", true)).statusCode(200);
        eventually(() -> Boolean.TRUE.equals(as("admin-530100", "GET", "/api/subsidy/institutions/" + institutionId,
                null).extract().path("demonstration")) ? "designated" : null);
        long demoVersion = ((Number) as("admin-530100", "GET", "/api/subsidy/programmes/KM-DEMO-GRANT", null)
                .statusCode(200).extract().path("versions[0].id")).longValue();
        java.util.Map<String, Object> extension = new java.util.HashMap<>();
        extension.put("effectiveUntil", null);
        extension.put("source", "测试：市政府决定方案期满后继续执行");
        as("admin-530100", "POST", "/api/subsidy/programmes/KM-DEMO-GRANT/versions/" + demoVersion + "/extension",
                extension).statusCode(200);
        try (Browser reviewer = new Browser()) {
            reviewer.login("wj-530102");
            reviewer.click(By.id("nav-grants"), "grant decisions");
            new Select(reviewer.find(By.id("institutionId"))).selectByValue(institutionId);
            reviewer.type(By.id("amount"), "600000"); // the programme's limit is 500000 元 a decision
            reviewer.type(By.id("decisionNumber"), "五卫〔2026〕9号");
            reviewer.type(By.id("reason"), "示范性托育机构");
            reviewer.click(By.id("decide-grant"), "grant decision refused: above the limit");
            reviewer.find(By.cssSelector("#field-amount.invalid"));
            reviewer.waitText(By.id("err-amount"), "超过单笔上限 500000.00 元"); // the API's refusal, at the amount
            assertEquals("五卫〔2026〕9号", reviewer.find(By.id("decisionNumber")).getAttribute("value"), "typed, kept");
            reviewer.shoot("09a-grant-refused");
            reviewer.type(By.id("amount"), "1000");
            reviewer.click(By.id("decide-grant"), "示范性 grant decision");
            reviewer.waitText(By.id("done"), "补助决定已作出");
            reviewer.waitText(By.id("grants"), NAME);
            reviewer.waitText(By.id("grants"), "待纳入批次");
            reviewer.shoot("09b-grants");
            // 建设补贴: Kunming has no capacity programme (only Qujing's plan names one), so the API refuses; the
            // refusal is about the institution chosen and is said there
            reviewer.decideCapacity(institutionId, "新增托位 60 个", "capacity grant refused: no programme in the city");
            reviewer.capacityRefusedAtTheInstitution("本市没有该领域的建设补贴项目", "新增托位 60 个");
            reviewer.shoot("09c-capacity-refused");
        }

        // money takes three people: the city admin makes the batch, the city's 卫健 reviewer approves it, the second
        // city admin releases it; nobody is offered a step the API would refuse them
        String batchUrl;
        try (Browser maker = new Browser()) {
            maker.login("admin-530100");
            maker.waitUrl("/portal/overview"); // a city admin lands on 概览, its batches waiting among the figures
            maker.waitText(By.id("h-batches"), "补贴批次");
            maker.click(By.id("nav-batches"), "batches");
            maker.waitUrl("/portal/batches");
            new Select(maker.find(By.id("programmeCode"))).selectByValue("KM-DEMO-GRANT");
            maker.js("document.getElementById('period').value = arguments[0]",
                    YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());
            maker.click(By.id("generate"), "generate a batch");
            maker.waitText(By.id("batch-status"), "待审核", Duration.ofSeconds(90)); // progress page refreshes itself
            maker.waitText(By.id("line-count"), "1");
            maker.shoot("09-batch-generated");
            assertTrue(maker.driver.findElements(By.id("approve")).isEmpty(), "the maker does not approve");
            batchUrl = URI.create(maker.driver.getCurrentUrl()).getPath();
        }
        try (Browser checker = new Browser()) {
            checker.login("wj-530100");
            checker.open(batchUrl, "the batch, as the city's 卫健 reviewer");
            checker.type(By.id("note"), "已核对");
            checker.click(By.id("approve"), "approve the batch: asked once");
            checker.waitText(By.id("confirm-fields"), "已核对"); // what was typed, shown with the question
            checker.confirm("approve the batch");
            checker.waitText(By.id("batch-status"), "已审核");
            assertTrue(checker.driver.findElements(By.id("release")).isEmpty(), "only a third person releases");
        }
        try (Browser admin = new Browser()) {
            admin.login("admin2-530100");
            admin.open(batchUrl, "the approved batch, as the second city admin");
            admin.click(By.id("release"), "release to finance: asked once");
            admin.confirm("release to finance");
            admin.waitText(By.id("batch-status"), "已下达财政");
            admin.waitText(By.id("issued"), "1000.00");
            admin.shoot("10-batch-released");
            admin.open("/portal/batches", "batch list with reconciliation");
            admin.waitText(By.id("batches"), "已下达财政");
            admin.click(By.id("nav-grants"), "grant decisions of the city");
            admin.waitText(By.id("grants"), "已下达财政"); // the grant, paid through the batch
            assertTrue(admin.driver.findElements(By.id("grant-form")).isEmpty(), "only the health reviewer decides");
        }

        // a 建设补贴 decision that is paid: Qujing has the programme but no rate, so its city admin sets one through
        // the API (no page for programme parameters); a 麒麟区 养老院 files 40 beds, then 50 by a 变更备案, and its
        // civil-affairs reviewer decides for all 50 (none decided before)
        String home = filedInQujing();
        as("admin-530300", "POST", "/api/subsidy/programmes/QJ-CAPACITY-ELDERLY/versions", Map.of(
                "effectiveFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).toString(),
                "baselineDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).minusDays(1).toString(),
                "eligibleOwnerships", java.util.List.of("PRIVATE", "PRIVATE_WITH_PUBLIC_AID"),
                "ratesFen", Map.of("PER_UNIT", 100000), "source", "曲靖市养老床位建设补贴标准（测试）")).statusCode(201);
        eventually(() -> "麒麟区康寿颐养院".equals(as("mz-530302", "GET", "/api/subsidy/institutions/" + home, null)
                .extract().path("name")) ? "changed" : null);
        try (Browser civil = new Browser()) {
            civil.login("mz-530302");
            civil.click(By.id("nav-grants"), "grant decisions (civil affairs, Qujing)");
            assertTrue(civil.driver.findElements(By.id("grant-form")).isEmpty(), "示范性 is the health reviewer's");
            civil.decideCapacity(home, "新增备案床位", "capacity grant decision");
            civil.waitText(By.id("done"), "建设补贴决定已作出");
            civil.waitText(By.id("capacity-grants"), "麒麟区康寿颐养院");
            civil.waitText(By.id("capacity-grants"), "50000.00"); // 50 beds × 1000 元
            // the same beds again: the API's refusal, at the institution, the reason kept
            civil.decideCapacity(home, "再次申请", "capacity grant refused: no new beds");
            civil.capacityRefusedAtTheInstitution("没有新增备案的床位/托位", "再次申请");
            civil.shoot("09d-capacity-grants");
            civil.click(By.id("nav-programmes"), "programmes (read only)");
            civil.waitText(By.id("p-QJ-CAPACITY-ELDERLY"), "每床位/托位 1000.00 元");
            civil.click(By.cssSelector("#p-QJ-CAPACITY-ELDERLY a"), "a programme's versions");
            civil.waitText(By.id("versions"), "现行");
            civil.shoot("09e-programme");
        }
    }

    /** 麒麟区康寿养老院 (inst-elderly-530302) filed with 40 beds, then renamed with 50 beds, through the API. */
    private static String filedInQujing() {
        String user = "inst-elderly-530302";
        submitAndApprove(user, Map.ofEntries(
                Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"), Map.entry("uscc", "52530302MJA000030K"),
                Map.entry("institutionName", "麒麟区康寿养老院"), Map.entry("kind", "PRIVATE_CARE_HOME"),
                Map.entry("ownership", "PRIVATE"), Map.entry("divisionCode", "530302"),
                Map.entry("address", "曲靖市麒麟区南宁西路8号"), Map.entry("legalRepresentative", "王芳"),
                Map.entry("contactPhone", "0874-3120088"), Map.entry("capacity", 40)));
        String id = eventually(() -> given().queryParam("q", "康寿").queryParam("city", "530300")
                .get("/api/directory/institutions").then().statusCode(200)
                .extract().path("items.find { it.name == '麒麟区康寿养老院' }.id"));
        submitAndApprove(user, Map.of("type", "CHANGE", "uscc", "52530302MJA000030K",
                "institutionName", "麒麟区康寿颐养院", "capacity", 50));
        return id;
    }

    /** A filing with every required material, submitted, 受理 and approved by mz-530302. */
    private static void submitAndApprove(String user, Map<String, Object> body) {
        String filing = as(user, "POST", "/api/filings", body).statusCode(201).extract().path("id");
        List<String> required = as(user, "GET", "/api/filings/" + filing + "/materials", null).statusCode(200)
                .extract().jsonPath().getList("findAll { it.required }.code");
        for (String code : required) {
            given().auth().oauth2(Platform.token(user)).contentType("application/pdf").body(Fixtures.PDF)
                    .queryParam("fileName", code.toLowerCase() + ".pdf")
                    .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
        }
        as(user, "POST", "/api/filings/" + filing + "/submit", null).statusCode(200);
        as("mz-530302", "POST", "/api/filings/" + filing + "/accept", null).statusCode(200);
        as("mz-530302", "POST", "/api/filings/" + filing + "/approve", Map.of("comment", "准予备案")).statusCode(200);
    }

    /** A page opened while logged out (a link, a session that ended) is where the user lands after logging in. */
    /**
     * 名册争议: 盘龙区福寿养老院 has a person on its roster since 2020 and 五华区康乐养老院 claims the same person from
     * 2024 (through the API). The city admin reads both claims and has no form; 民政 五华区, the county of the later
     * claim, sees both institutions, is refused by the registry at the claim when the form names none of the
     * dispute's (reason kept), then decides for the later claim and sees the outcome of each claim.
     */
    @Test
    @Order(4)
    void theCountyOfTheLaterClaimDecidesARosterDispute() {
        Fixtures fixtures = Platform.fixtures();
        Fixtures.Disputes.Opened opened = Fixtures.Disputes.another(fixtures.shared("institution"),
                fixtures.shared("otherInstitution"));
        String row = "#disputes tr[data-id='" + opened.dispute() + "']";
        String other = "盘龙区福寿养老院";
        try (Browser admin = new Browser()) {
            admin.login("admin-530100");
            admin.click(By.id("nav-townships"), "the city's township lists (city admin)");
            admin.waitText(By.tagName("h1"), "乡镇（街道）名单");
            admin.click(By.id("nav-disputes"), "roster disputes (city admin)");
            admin.waitText(By.cssSelector(row), other);
            admin.waitText(By.cssSelector(row), Fixtures.NAME);
            admin.click(By.cssSelector(row + " a.button"), "a roster dispute, read only");
            admin.waitText(By.id("claims"), other);
            admin.waitText(By.id("read-only"), "昆明市 五华区民政部门");
            assertTrue(admin.driver.findElements(By.id("decision-form")).isEmpty(), "the city admin does not decide");
        }
        try (Browser reviewer = new Browser()) {
            reviewer.login("mz-530102");
            reviewer.click(By.id("nav-disputes"), "roster disputes (the deciding county)");
            reviewer.waitText(By.cssSelector(row), "由您核实");
            reviewer.shoot("11a-disputes");
            reviewer.click(By.cssSelector(row + " a.button"), "a roster dispute to decide");
            reviewer.waitText(By.id("claims"), other);
            reviewer.waitText(By.id("claims"), Fixtures.NAME);
            reviewer.waitText(By.id("claims"), "昆明市 盘龙区");
            reviewer.waitText(By.id("claims"), "2020-01-01 至 今");
            String claims = reviewer.find(By.id("claims")).getText();
            assertTrue(claims.contains("养老护理员") && claims.contains("四级/中级工") && claims.contains("待县（区）主管部门核实"),
                    "role, certificate and status in words: " + claims);
            for (String code : List.of("ELDERLY_CAREGIVER", "LEVEL_4", "DISPUTED", "PENDING", "ELDERLY")) {
                assertFalse(claims.contains(code), "a raw code on the page: " + code);
            }
            reviewer.shoot("11b-dispute");
            // a claim that is not one of the dispute's (a form tampered with): the registry's refusal at the claims,
            // the reason as typed kept
            reviewer.type(By.id("reason"), "核实劳动合同与社保缴纳记录：2024 年 2 月起在五华区康乐养老院工作");
            reviewer.js("var r = document.getElementById('stand-' + arguments[0]); r.value = arguments[1]; r.checked = true;",
                    opened.laterClaim(), java.util.UUID.randomUUID().toString());
            reviewer.click(By.id("decide-dispute"), "dispute decision refused: not a claim of the dispute");
            reviewer.find(By.cssSelector("#field-standingStaffId.invalid"));
            reviewer.waitText(By.id("err-standingStaffId"), "应为本争议中的一项登记");
            assertTrue(reviewer.find(By.id("reason")).getAttribute("value").startsWith("核实劳动合同"), "typed, kept");
            reviewer.shoot("11c-dispute-refused");
            reviewer.find(By.id("stand-" + opened.laterClaim())).click();
            reviewer.click(By.id("decide-dispute"), "roster dispute decided");
            reviewer.waitText(By.id("done"), "已作出核实结论");
            reviewer.waitText(By.id("status"), "已核实");
            reviewer.waitText(By.id("standing"), Fixtures.NAME);
            reviewer.waitText(By.id("reason-given"), "社保缴纳记录");
            reviewer.waitText(By.id("claim-" + opened.laterClaim()), "认定成立");
            reviewer.waitText(By.id("claims"), "2020-01-01 至 2024-01-31"); // the earlier claim ended the day before
            assertTrue(reviewer.driver.findElements(By.id("decision-form")).isEmpty(), "decided once");
            reviewer.shoot("11d-dispute-decided");
            reviewer.click(By.id("back"), "back to the list: decided roster disputes");
            reviewer.find(By.cssSelector("#tab-decided.on"));
            reviewer.waitText(By.cssSelector(row), "已核实");
        }
    }

    @Test
    @Order(5)
    void aPageOpenedLoggedOutIsShownAfterLogin() {
        try (Browser institution = new Browser()) {
            institution.driver.get(base + "/portal/sites");
            institution.signIn("inst-childcare");
            assertEquals(base + "/portal/sites", institution.driver.getCurrentUrl());
            institution.waitText(By.tagName("h1"), "我的机构与场所");
        }
    }

    @Test
    @Order(6)
    void noPageLoadedAnythingFromOutsideTheMachine() {
        assertTrue(OUTSIDE.isEmpty(), "resources from elsewhere: " + OUTSIDE);
        assertFalse(TIMES.isEmpty());
    }

    /** Every page visited (each load, each interaction, each screenshot) fits a 390 px phone without scrolling sideways. */
    @Test
    @Order(7)
    void everyPageFitsAPhoneWithoutScrollingSideways() {
        assertFalse(TIMES.isEmpty());
        assertTrue(TOO_WIDE.isEmpty(), "pages wider than 390 px:\n" + String.join("\n", TOO_WIDE));
    }

    /**
     * 适老化: 大字 and 高对比 are a button each in the header and stay on for the next pages; a draft is deleted by its
     * institution after one question (going back from the question deletes nothing); a session that ends while a form
     * is filled in loses nothing typed.
     */
    @Test
    @Order(5)
    void theDisplayModesAreRememberedADraftIsDeletedAfterOneQuestionAndNothingTypedIsLost() {
        try (Browser institution = new Browser()) {
            institution.login("inst-childcare");
            institution.click(By.id("mode-large"), "大字 on");
            institution.click(By.id("mode-contrast"), "高对比 on");
            institution.open("/portal/filings", "my filings, 大字 and 高对比");
            assertEquals("mode-contrast mode-large", institution.find(By.tagName("html")).getAttribute("class"));
            assertEquals("true", institution.find(By.id("mode-large")).getAttribute("aria-pressed"));
            assertEquals("page", institution.find(By.id("nav-filings")).getAttribute("aria-current"));
            institution.shoot("12-large-contrast");

            institution.click(By.id("new-CHANGE"), "open the 变更备案 form");
            institution.type(By.id("contactPhone"), "0871-65550299");
            institution.click(By.id("save"), "save a change draft");
            institution.waitText(By.id("done"), "已保存草稿");
            String draft = institution.filingIdFromUrl();
            institution.click(By.id("delete-draft"), "delete the draft: asked once");
            institution.waitText(By.id("confirm-question"), "删除这份草稿吗？");
            institution.click(By.id("confirm-back"), "not deleted: back to the draft");
            institution.waitText(By.id("status"), "草稿");
            // the session ends on the question: the answer goes to the login, and after it the draft's page says that
            // nothing was done and asks again
            institution.click(By.id("delete-draft"), "delete the draft: asked again");
            institution.find(By.id("confirm-question"));
            institution.endSession();
            institution.find(By.id("confirm")).click();
            institution.signInIfAsked("inst-childcare");
            institution.waitText(By.id("restored"), "刚才的操作没有办理");
            institution.waitText(By.id("status"), "草稿");
            institution.click(By.id("delete-draft"), "delete the draft: asked after the login");
            institution.confirm("delete the draft");
            institution.waitText(By.id("done"), "草稿已删除");
            assertFalse(institution.driver.getPageSource().contains(draft), "the draft is gone from the list");
            institution.click(By.id("mode-large"), "大字 off");
            assertEquals("mode-contrast", institution.find(By.tagName("html")).getAttribute("class"));

            // the session ends while a form is being filled in (as after 30 minutes idle): the post goes to the login,
            // and after it the form is back on its page with what was typed
            institution.open("/portal/sites", "contacts form, before the session ends");
            institution.type(By.id("contactPerson"), "王秀英");
            institution.type(By.id("contactPhone"), "0871-65550123");
            institution.endSession();
            institution.find(By.id("save-contacts")).click();
            institution.signInIfAsked("inst-childcare");
            institution.waitText(By.id("restored"), "内容已恢复");
            assertEquals("王秀英", institution.find(By.id("contactPerson")).getAttribute("value"));
            assertEquals("0871-65550123", institution.find(By.id("contactPhone")).getAttribute("value"));
            institution.record("the contacts form filled in again after the login");
        }
    }

    /** Every page visited passes axe-core's WCAG 2.1 A/AA rules without a serious or critical violation. */
    @Test
    @Order(8)
    void everyPageVisitedPassesTheAccessibilityCheck() {
        assertFalse(TIMES.isEmpty());
        try (Browser check = new Browser()) { // the check finds what it is there to find
            check.driver.get("data:text/html;charset=utf-8,<!doctype html><html lang=zh-CN><title>t</title><main>"
                    + "<img src=%22x.png%22><button></button></main></html>");
            List<String> found = Accessibility.violations(check.driver, "a page made with two violations");
            assertTrue(found.stream().anyMatch(v -> v.contains(" image-alt "))
                    && found.stream().anyMatch(v -> v.contains(" button-name ")),
                    "an image without alt text and a button without a name, found: " + found);
        }
        assertTrue(INACCESSIBLE.isEmpty(), INACCESSIBLE.size() + " serious or critical accessibility violations:\n"
                + String.join("\n", INACCESSIBLE));
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ the browser

    /** One Chromium with its own profile: one user's session (cookies are per host, not per port). */
    static final class Browser implements AutoCloseable {

        final Chromium chromium;
        final WebDriver driver;
        String user = "anonymous";

        Browser() {
            this("zh-CN");
        }

        /** @param language the browser's language (its Accept-Language) */
        Browser(String language) {
            chromium = Chromium.start(language);
            driver = chromium.driver;
        }

        void login(String username) {
            driver.get(base + "/portal/");
            click(By.id("login"), null);
            signIn(username);
            record("after login: " + username + " home page");
        }

        /** On Keycloak's own page (the portal never sees the password), and back on the portal. */
        void signIn(String username) {
            user = username;
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(care.deploy.Keycloak.DEMO_PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith(base + "/portal/"));
            waitText(By.id("who"), "（");
            assertFalse(driver.getCurrentUrl().matches(".*[?&](code|state|session_state)=.*"),
                    "Keycloak's answer left in the address bar: " + driver.getCurrentUrl());
        }

        /**
         * The portal's session ends (as after 30 minutes idle): its cookie (q_session, and its chunks) goes; the display
         * modes' cookies stay, as they do in a browser whose session expired.
         */
        void endSession() {
            driver.manage().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                    .forEach(c -> driver.manage().deleteCookie(c));
        }

        /** After a post sent without a session: Keycloak's login, unless its own session still stands. */
        void signInIfAsked(String username) {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("username")).isEmpty()
                    || !d.findElements(By.id("restored")).isEmpty());
            if (!driver.findElements(By.id("username")).isEmpty()) {
                signIn(username);
            }
        }

        void open(String path, String step) {
            driver.get(base + path);
            record(step);
        }

        /** On the question an irreversible step asks: answers it. */
        void confirm(String step) {
            find(By.id("confirm-question"));
            click(By.id("confirm"), step);
        }

        WebElement find(By by) {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
        }

        void type(By by, String text) {
            WebElement input = find(by);
            input.clear();
            input.sendKeys(text);
        }

        void click(By by, String step) {
            // chromedriver now and then answers "Node with given id does not belong to the document" for a node it
            // has just found on a loaded page; the wait asks again
            WebElement target = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.elementToBeClickable(by));
            js("arguments[0].scrollIntoView({block: 'center'})", target);
            target.click();
            awaitReplaced(target);
            if (step != null) {
                record(step);
            }
        }

        /**
         * Until the element's page has been replaced. Besides Selenium's "stale element", chromedriver sometimes says
         * so as "Node with given id does not belong to the document" (a CI run failed on it in stalenessOf).
         */
        void awaitReplaced(WebElement element) {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
                try {
                    element.isEnabled();
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return true;
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return true;
                    }
                    throw e;
                }
            });
        }

        /** A 建设补贴 decision sent from the grants page: the institution chosen and the reason typed. */
        void decideCapacity(String institutionId, String reason, String step) {
            new Select(find(By.id("capacity-institutionId"))).selectByValue(institutionId);
            type(By.id("capacity-reason"), reason);
            click(By.id("decide-capacity"), step);
        }

        /** The API refused that decision: said at the institution, the reason as typed kept. */
        void capacityRefusedAtTheInstitution(String message, String reason) {
            find(By.cssSelector("#field-capacity-institutionId.invalid"));
            waitText(By.id("err-capacity-institutionId"), message);
            assertEquals(reason, find(By.id("capacity-reason")).getAttribute("value"), "typed, kept");
        }

        void submitWithoutScript(String formId, String step) {
            WebElement form = find(By.id(formId));
            js("arguments[0].submit()", form); // HTMLFormElement.submit(): no submit event, no script check
            awaitReplaced(form);
            record(step);
        }

        void waitText(By by, String text) {
            waitText(by, text, Duration.ofSeconds(30));
        }

        void waitText(By by, String text, Duration timeout) {
            try {
                new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
            } catch (org.openqa.selenium.TimeoutException e) {
                shoot("failure-" + user);
                String body = driver.findElements(By.tagName("body")).isEmpty() ? driver.getPageSource()
                        : driver.findElement(By.tagName("body")).getText();
                fail("“" + text + "” not in " + by + " at " + driver.getCurrentUrl() + " as " + user + ":\n" + body);
            }
        }

        void waitUrl(String path) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(path));
        }

        String filingIdFromUrl() {
            String url = driver.getCurrentUrl();
            return url.replaceAll(".*/portal/filings/([0-9a-f-]{36}).*", "$1");
        }

        void uploadRequiredMaterials() {
            List<String> codes = driver.findElements(By.cssSelector("table.materials tbody tr")).stream()
                    .filter(row -> !row.findElements(By.cssSelector("td:first-child em.req")).isEmpty())
                    .map(row -> row.getAttribute("id").substring(2)).toList();
            assertFalse(codes.isEmpty(), "the checklist names required materials");
            codes.forEach(this::upload);
        }

        void upload(String code) {
            find(By.id("file-" + code)).sendKeys(pdf.toAbsolutePath().toString());
            WebElement row = find(By.id("m-" + code));
            find(By.id("upload-" + code)).click(); // with progress; the page reloads when done
            awaitReplaced(row);
            record("upload " + code);
            waitText(By.id("m-" + code), "已上传");
        }

        Object js(String script, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(script, args);
        }

        /** This page's navigation time, and any resource it loaded from another origin. */
        void record(String step) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(js("return document.readyState")));
            Object ms = null;
            for (int i = 0; i < 20 && (ms == null || ((Number) ms).longValue() <= 0); i++) {
                ms = js("var n = performance.getEntriesByType('navigation')[0]; return n ? Math.round(n.loadEventEnd) : -1;");
                if (((Number) ms).longValue() <= 0) {
                    pause50();
                }
            }
            TIMES.put(step + (TIMES.containsKey(step) ? " #" + TIMES.size() : ""), ((Number) ms).longValue());
            @SuppressWarnings("unchecked")
            List<Object> resources = (List<Object>) js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
            String here = driver.getCurrentUrl();
            if (here.startsWith(base)) {
                resources.stream().map(String::valueOf).filter(r -> !r.startsWith(base)).forEach(OUTSIDE::add);
                fitsPhone(step);
                if (CHECKED.add(Accessibility.shape(driver, user))) {
                    INACCESSIBLE.addAll(Accessibility.violations(driver, step));
                }
            }
        }

        /**
         * At 390 px the page must not scroll sideways: {@code document.documentElement.scrollWidth} at most the
         * viewport (window.innerWidth, and clientWidth, which leaves out a vertical scrollbar). If it is wider,
         * the elements whose right edge is past the viewport are named (outermost first).
         */
        void fitsPhone(String step) {
            Dimension size = driver.manage().window().getSize();
            boolean resize = size.getWidth() != 390;
            if (resize) {
                driver.manage().window().setSize(new Dimension(390, 844));
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> w = (Map<String, Object>) js("""
                        var d = document.documentElement, limit = Math.min(d.clientWidth, window.innerWidth), found = [];
                        if (d.scrollWidth > limit) {
                          document.querySelectorAll('body *').forEach(function (e) {
                            var r = e.getBoundingClientRect();
                            var spills = e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible'
                                && r.left + e.scrollWidth > limit + 1;
                            if (r.right > limit + 1 || spills) found.push(e);
                          });
                        }
                        var wide = found.filter(function (e) { return !found.some(function (o) { return o !== e && e.contains(o); }); })
                          .slice(0, 6).map(function (e) {
                            var r = e.getBoundingClientRect();
                            return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                              + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                              + ' to ' + Math.round(Math.max(r.right, r.left + e.scrollWidth)) + ' px “'
                              + (e.textContent || '').trim().slice(0, 40) + '”';
                          });
                        return {scroll: d.scrollWidth, client: d.clientWidth, inner: window.innerWidth, wide: wide.join('; ')};
                        """);
                long scroll = ((Number) w.get("scroll")).longValue();
                long client = ((Number) w.get("client")).longValue();
                long inner = ((Number) w.get("inner")).longValue();
                if (inner != 390) {
                    TOO_WIDE.add(step + ": the window is " + inner + " px wide, not 390 (cannot check)");
                } else if (scroll > client || scroll > inner) {
                    TOO_WIDE.add(step + " (" + driver.getCurrentUrl().substring(base.length()) + "): scrollWidth "
                            + scroll + " > " + Math.min(client, inner) + "; sticking out: " + w.get("wide"));
                }
            } finally {
                if (resize) {
                    driver.manage().window().setSize(size);
                }
            }
        }

        private static void pause50() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The current page at phone and desktop width. */
        void shoot(String name) {
            try {
                Files.createDirectories(SHOTS);
                driver.manage().window().setSize(new Dimension(390, 844));
                js("var e = document.querySelector('.field.invalid, tr.invalid'); if (e) e.scrollIntoView({block: 'center'});");
                Files.write(SHOTS.resolve(name + "-phone-390.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                if (driver.getCurrentUrl().startsWith(base)) {
                    fitsPhone("screenshot " + name);
                }
                driver.manage().window().setSize(new Dimension(1366, 900));
                js("var e = document.querySelector('.field.invalid, tr.invalid'); if (e) e.scrollIntoView({block: 'center'});");
                Files.write(SHOTS.resolve(name + "-desktop-1366.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException e) {
                System.err.println("screenshot " + name + " failed: " + e);
            }
        }

        @Override
        public void close() {
            chromium.close();
        }
    }
}
