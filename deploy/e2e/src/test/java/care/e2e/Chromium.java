package care.e2e;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

/** Debian's headless Chromium (chromium + chromium-driver) as the browser tests drive it: one profile, one user. */
final class Chromium {

    static final String BROWSER = System.getProperty("portal.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("portal.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * Starts one at desktop width (1366×900) in {@code language} (its Accept-Language) with its profile in
     * {@code profile}: cookies are per host, not per port, so each user needs a profile of its own.
     */
    static WebDriver start(Path profile, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--lang=" + language, "--window-size=1366,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
