package care.e2e;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium (chromium + chromium-driver) as the browser tests drive it: one temporary profile, one
 * user, both gone when it is closed. Cookies are per host, not per port, so each user needs a browser of its own.
 */
final class Chromium implements AutoCloseable {

    static final String BROWSER = System.getProperty("portal.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("portal.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts one at desktop width (1366×900) in {@code language} (its Accept-Language). */
    static Chromium start(String language) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return new Chromium(driver, profile);
    }

    @Override
    public void close() {
        driver.quit();
        try {
            care.deploy.Repo.deleteTree(profile);
        } catch (IOException | RuntimeException ignored) {
            // a temporary profile
        }
    }
}
