package org.linkdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.shares.ProtectedShare;
import org.linkdesk.testing.S3ProxyServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The landing and password pages in a real browser: Debian's chromium driven through its chromedriver, both given
 * by path so Selenium Manager never runs and nothing is downloaded. Skips when chromium is not installed. With
 * {@code -Dlinkdesk.screenshots=DIR} it also saves the pages as PNGs (light, dark, password error).
 */
class GatewayBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    @TempDir
    static Path dir;
    static GatewayFixture gateway;
    static String bucket;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        S3ProxyServer s3 = S3ProxyServer.shared();
        bucket = s3.newBucket();
        s3.putObject(bucket, "reports/Quarterly report Q3 2026.pdf",
                "%PDF-1.4 pretend".getBytes(StandardCharsets.UTF_8), "application/pdf");
        gateway = new GatewayFixture(dir, s3, RateLimits.DEFAULT);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    static ChromeDriver browser(boolean dark, Path downloads) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1000,760",
                "--user-data-dir=" + downloads.resolve("profile"));
        if (dark) {
            options.addArguments("--force-dark-mode", "--blink-settings=preferredColorScheme=0");
        }
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        return new ChromeDriver(service, options);
    }

    @Test
    void landingPageWrongPasswordThenDownload() throws Exception {
        ProtectedShare share = gateway.share(bucket, "reports/Quarterly report Q3 2026.pdf", 1_482_113, 5,
                "correct horse");
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Path seleniumCache = Path.of(System.getProperty("user.home"), ".cache", "selenium");
        boolean cacheBefore = Files.exists(seleniumCache);
        ChromeDriver driver = browser(false, downloads);
        try {
            driver.get(gateway.base() + "/s/" + share.id());
            assertThat(driver.getTitle()).isEqualTo("Quarterly report Q3 2026.pdf — Linkdesk");
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Quarterly report Q3 2026.pdf");
            assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("1.4 MB", "5 of 5");
            assertThat(driver.findElement(By.tagName("button")).getCssValue("background-color"))
                    .as("the stylesheet loaded under the CSP").isEqualTo("rgba(47, 111, 237, 1)");
            screenshot(driver, "gateway-landing-light.png");

            driver.findElement(By.name("password")).sendKeys("wrong guess");
            driver.findElement(By.tagName("button")).click();
            // The answer to a wrong password takes a while on purpose (Argon2id, a constant-time floor): wait for
            // the new page instead of reading the old one.
            WebElement error = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
            assertThat(error.getText()).isEqualTo("That password is not right. Please try again.");
            assertThat(driver.getPageSource()).doesNotContain(bucket, "reports/");
            screenshot(driver, "gateway-password-error.png");

            driver.findElement(By.name("password")).sendKeys("correct horse");
            driver.findElement(By.tagName("button")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    gateway.shares.find(share.id()).orElseThrow().downloads() == 1);
        } finally {
            driver.quit();
        }
        if (!cacheBefore) {
            assertThat(seleniumCache).as("Selenium Manager did not run").doesNotExist();
        }
        assertThat(gateway.shares.downloads(share.id())).singleElement()
                .satisfies(d -> assertThat(d.userAgent()).contains("Chrome"));
    }

    @Test
    void darkThemeFollowsTheSystem() throws Exception {
        ProtectedShare share = gateway.share(bucket, "reports/Quarterly report Q3 2026.pdf", 1_482_113, null, null);
        ChromeDriver driver = browser(true, Files.createDirectories(dir.resolve("dark")));
        try {
            driver.get(gateway.base() + "/s/" + share.id());
            assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color"))
                    .isEqualTo("rgba(15, 19, 26, 1)");
            assertThat(driver.findElements(By.name("password"))).isEmpty();
            screenshot(driver, "gateway-landing-dark.png");
        } finally {
            driver.quit();
        }
    }

    private static void screenshot(ChromeDriver driver, String name) throws Exception {
        String target = System.getProperty("linkdesk.screenshots");
        if (target != null) {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), Path.of(target).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
