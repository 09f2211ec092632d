package dk.vendepunkt.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by /usr/bin/chromedriver, with an axe-core WCAG 2.1 AA check of
 * every page visited through {@link #open} and after each form submission through {@link #submit}.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;

    public Browser(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1024", "--lang=da");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        this.base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        checkAccessibility();
        return this;
    }

    public Browser login(String username, String password) {
        open("/login");
        field("username").sendKeys(username);
        field("password").sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // wait for the navigation away from the login page (otherwise the next lookup may hit its stale elements)
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        assertThat(driver.getCurrentUrl()).doesNotContain("error");
        return this;
    }

    public WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    public Browser type(String id, String text) {
        WebElement e = field(id);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser select(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(field(id)).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks the submit button with this text and checks the page that results. */
    public Browser submit(String buttonText) {
        WebElement button = driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
        button.click();
        // a full form post replaces the page: wait for it (an htmx form keeps the button, so do not insist)
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> replaced(button));
        } catch (org.openqa.selenium.TimeoutException ignored) {
            // htmx request: the page stays
        }
        checkAccessibility();
        return this;
    }

    /**
     * Whether the element has left the page. During a navigation Chromium sometimes answers "Node with
     * given id does not belong to the document" (a plain WebDriverException) instead of a stale-element error.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public Browser waitForText(String text) {
        // while the page is being replaced Chrome answers getText with a stale element or "Node with given id does not
        // belong to the document" (a plain WebDriverException); both mean "not yet", so the wait polls on
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> text().contains(text));
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** axe-core, WCAG 2.0/2.1 A and AA rules: no violations allowed. */
    public void checkAccessibility() {
        Results results;
        try {
            results = axe();
        } catch (org.openqa.selenium.JavascriptException e) {
            // axe's script was injected while the page was still being replaced (seen under load as
            // "Cannot read properties of undefined (reading 'runPartial')"): analyse the settled page again
            results = axe();
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            screenshot("axe-" + path().replace('/', '_'));
        }
        assertThat(violations)
                .as("axe violations on %s: %s", driver.getCurrentUrl(), violations.stream()
                        .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml()).limit(3).toList())
                        .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    private Results axe() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    }

    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Path f = dir.resolve(name + ".png");
            Files.write(f, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return f;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
