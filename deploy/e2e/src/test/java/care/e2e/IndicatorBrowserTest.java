package care.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 指标监测 in headless Chromium: the 昆明 city admin opens it from the menu and sees every Kunming indicator with its
 * ECharts bar and trend charts (drawn: a canvas in each), the script served by the portal itself, the page fitting a
 * 390 px phone. Screenshots at phone and desktop widths go to target/screenshots. Only reads, so it runs in any order.
 */
class IndicatorBrowserTest {

    static final Path SHOTS = Path.of("target/screenshots");
    static Chromium browser;
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void browser() throws IOException {
        base = Platform.stack().gatewayUrl();
        Files.createDirectories(SHOTS);
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
    void theCityAdminSeesEveryKunmingIndicatorWithItsCharts() throws IOException {
        driver.get(base + "/portal/");
        driver.findElement(By.id("login")).click();
        wait(60).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys("admin-530100");
        driver.findElement(By.id("password")).sendKeys(care.deploy.Keycloak.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait(60).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-indicators"))).click();
        wait(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "指标监测 · 昆明市"));

        // the seven Kunming targets the register measures, each with both charts drawn
        for (String code : List.of("KM-E-07", "KM-E-08", "KM-E-09", "KM-E-25", "KM-C-03", "KM-C-04", "KM-C-08")) {
            wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bar-" + code + " canvas")));
            wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-" + code + " canvas")));
        }
        assertTrue(driver.findElement(By.id("fig-KM-E-07-530102")).getText().contains("五华区"));
        assertEquals(39, driver.findElements(By.cssSelector("#unmeasured li")).size(), "the targets not measured");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertTrue(loaded.stream().allMatch(url -> url.startsWith(base)), "loaded from elsewhere: " + loaded);
        assertTrue(loaded.stream().anyMatch(url -> url.endsWith("/portal/indicators/echarts.min.js")));
        shot("indicators-desktop");
        List<String> inaccessible = Accessibility.violations(driver, "指标监测");
        assertTrue(inaccessible.isEmpty(), "serious or critical accessibility violations:\n" + String.join("\n", inaccessible));

        driver.manage().window().setSize(new Dimension(390, 844));
        wait(10).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
        shot("indicators-phone");
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
