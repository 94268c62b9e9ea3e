package care.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static care.e2e.Platform.as;
import static care.e2e.Platform.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 消息中心 end to end: a county reviewer accepts and then returns an institution's filing (filing-service → its outbox
 * → Kafka → registry-service's inbox → a message), and the institution, logged in on the portal in Chromium, finds the
 * message with its unread count in the menu, opens the filing from it, and the message is read. The institution and its
 * USCC are made for this class (no other class files for them); the reviewer is mz-530102.
 */
class MessagesJourneyTest {

    static final String REVIEWER = "mz-530102";
    static Chromium browser;
    static WebDriver driver;
    static String base;
    static String user;
    static String uscc;

    @BeforeAll
    static void platformAndBrowser() throws IOException {
        base = Platform.stack().gatewayUrl();
        user = "msg-inst-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        uscc = Registrations.uscc("530102");
        Platform.stack().infra.keycloak.addUser(user, "institution", Map.of("uscc", uscc, "sector", "ELDERLY",
                "division_code", "530102", "city_code", "530100"));
        Files.createDirectories(PortalBrowserTest.SHOTS);
        browser = Chromium.start("zh-CN");
        driver = browser.driver;
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReturnedFilingIsAMessageTheInstitutionReadsOnThePortal() throws IOException {
        String filing = submittedNew("五华区消息测试养老院");
        as(REVIEWER, "POST", "/api/filings/" + filing + "/accept", Map.of("comment", "受理")).statusCode(200);
        as(REVIEWER, "POST", "/api/filings/" + filing + "/return", Map.of("comment", "请补正消防验收意见", "items",
                List.of(Map.of("material", "COMMITMENT", "reason", "承诺书未盖章")))).statusCode(200)
                .body("status", equalTo("RETURNED"));
        // nobody else reads it: not another institution, not the reviewer (no message box), not anonymous
        given().auth().oauth2(token("inst-elderly")).get("/api/messages?size=100").then().statusCode(200)
                .body("items.findAll { it.filingId == '" + filing + "' }.size()", equalTo(0));
        given().auth().oauth2(token(REVIEWER)).get("/api/messages").then().statusCode(403);

        driver.get(base + "/portal/");
        driver.findElement(By.id("login")).click();
        wait(60).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(care.deploy.Keycloak.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait(60).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-messages")));

        // the events travel through Kafka: the page is asked again until both messages are there
        String returnedText = "您提交的新设备案被退回补正，共1项需要补正。审核意见：请补正消防验收意见。请按要求修改后重新提交。";
        wait(60).until(d -> {
            d.get(base + "/portal/messages");
            String text = d.findElement(By.id("messages")).getText();
            return text.contains(returnedText) && text.contains("已受理");
        });
        assertEquals("2 条未读", driver.findElement(By.id("nav-unread")).getText());
        assertTrue(driver.findElement(By.id("messages")).getText().contains("备案退回补正"));
        shot("messages-returned");
        List<String> inaccessible = Accessibility.violations(driver, "消息中心");
        assertTrue(inaccessible.isEmpty(), "serious or critical accessibility violations:\n" + String.join("\n", inaccessible));

        String returnedId = (String) given().auth().oauth2(token(user)).get("/api/messages").then().statusCode(200)
                .extract().path("items.find { it.kind == 'FILING_RETURNED' }.id");
        driver.findElement(By.id("open-" + returnedId)).click();
        wait(30).until(ExpectedConditions.urlContains("/portal/filings/" + filing));
        wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "退回补正"));

        driver.get(base + "/portal/messages");
        assertEquals("1 条未读", driver.findElement(By.id("nav-unread")).getText(), "opening it read it");
        assertFalse(driver.findElement(By.id("m-" + returnedId)).getAttribute("class").contains("unread"));
        assertTrue(driver.findElements(By.id("read-" + returnedId)).isEmpty());
    }

    /** A 新设备案 of this class's institution with every required material, submitted. */
    private static String submittedNew(String name) {
        String filing = as(user, "POST", "/api/filings", Map.ofEntries(Map.entry("type", "NEW"),
                Map.entry("sector", "ELDERLY"), Map.entry("uscc", uscc), Map.entry("institutionName", name),
                Map.entry("kind", "PRIVATE_CARE_HOME"), Map.entry("ownership", "PRIVATE"),
                Map.entry("divisionCode", "530102"), Map.entry("address", "昆明市五华区消息路1号"),
                Map.entry("legalRepresentative", "赵敏"), Map.entry("contactPhone", "0871-65551234"),
                Map.entry("capacity", 40))).statusCode(201).extract().path("id");
        List<String> required = as(user, "GET", "/api/filings/" + filing + "/materials", null).statusCode(200)
                .extract().jsonPath().getList("findAll { it.required }.code");
        for (String code : required) {
            given().auth().oauth2(token(user)).contentType("application/pdf").body(Fixtures.PDF)
                    .queryParam("fileName", code.toLowerCase() + ".pdf")
                    .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
        }
        as(user, "POST", "/api/filings/" + filing + "/submit", null).statusCode(200);
        return filing;
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static void shot(String name) throws IOException {
        Files.write(PortalBrowserTest.SHOTS.resolve(name + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
