package org.enquirytriage.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium of the machine (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium with
 * the driver and browser named explicitly so that Selenium Manager never downloads anything; a fresh profile per
 * browser, so that two browsers are two users.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Laptop-sized: the size of the screenshots. */
    static final Dimension LAPTOP = new Dimension(1366, 900);
    /** The width of a tablet held upright. */
    static final int TABLET_WIDTH = 820;

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    private final ChromeDriver driver;
    private final Path profile;
    private final URI origin;

    private Browser(ChromeDriver driver, Path profile, URI origin) {
        this.driver = driver;
        this.profile = profile;
        this.origin = origin;
    }

    /** Whether the machine has the browser and its driver (CI installs them: see {@code .ci/run}). */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A new browser for pages of the origin (the gateway). */
    static Browser open(URI origin) throws IOException {
        Path profile = Files.createTempDirectory("dashboard-browser-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN",
                "--window-size=" + LAPTOP.getWidth() + "," + LAPTOP.getHeight(), "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), profile, origin);
        }
        catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** Goes to a path of the origin. */
    void go(String path) {
        driver.get(origin.resolve(path).toString());
    }

    /** Logs in on the login form the gateway sends a browser without a login to, and lands on the dashboard. */
    void logIn(String username, String password) {
        go("/dashboard");
        waitFor(By.id("username"));
        assertPath("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor(By.cssSelector(".who-name"));
    }

    /** Logs out with the header's button. */
    void logOut() {
        click(By.cssSelector("form.logout button"));
        waitFor(By.id("username"));
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    /** Waits until the element's text contains the text. */
    void waitForText(By what, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    /** Waits, up to a while, for something the page shows without being reloaded. */
    WebElement waitFor(By what, Duration patience) {
        return new WebDriverWait(driver, patience).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    void click(By what) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    String text(By what) {
        return waitFor(what).getText();
    }

    List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    String source() {
        return driver.getPageSource();
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void assertPath(String expected) {
        new WebDriverWait(driver, PATIENCE).until(ignored -> path().equals(expected));
    }

    /** Runs a script in the page and answers its result. */
    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * Saves a screenshot of the page in a window of the width, as tall as the page (up to a limit), so that a long
     * page is seen whole; the window is laptop-sized again afterwards.
     */
    Path screenshot(Path file, int width, int maxHeight) {
        driver.manage().window().setSize(new Dimension(width, LAPTOP.getHeight()));
        Number chrome = (Number) script("return window.outerHeight - window.innerHeight");
        Number height = (Number) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width,
                Math.min(maxHeight, Math.max(LAPTOP.getHeight(), height.intValue() + chrome.intValue()))));
        try {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            driver.manage().window().setSize(LAPTOP);
        }
    }

    /** Saves what the browser shows (a screenshot and the page's HTML) to understand a failed test. */
    void keepEvidence(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException e) {
            // evidence is a help for a test that already failed; its own failure must not hide that failure
            log.warn("Could not keep the browser's evidence of {}", name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException e) {
            log.warn("Could not delete the browser profile {}", directory, e);
        }
    }
}
