package org.trustfund.systemtest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium for one test (its own profile, so no cookies are shared between tests), with
 * the few moves the tests make: open a page, type, click, wait for PrimeFaces' AJAX to settle, read text.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("tf-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + profile);
        // Keeps the console, so a test can see what the page's Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** From now on asks pages in this language (the Accept-Language header), e.g. {@code fr}, as a French browser does. */
    public Browser acceptLanguage(String language) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of("Accept-Language", language)));
        return this;
    }

    /** Opens a path under the application, e.g. {@code /app/dashboard.xhtml}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public Browser type(String id, String text) {
        WebElement field = waitVisible(By.id(id));
        field.clear();
        // A PrimeFaces date picker puts its value back after clear(); select all and delete as a person would.
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        field.sendKeys(text);
        return this;
    }

    /**
     * Types into a field as a person does (select all, delete, type) and leaves it by clicking the page's title, so
     * its change event runs and a date picker's panel closes (Tab would move into the open panel); inside a modal
     * dialog, whose mask takes that click, with the Tab key. Again, up to three times, if the field does not keep
     * the text (a key lost while an AJAX update of the field was under way).
     */
    public Browser typeAndLeave(String id, String text) {
        for (int attempt = 0; attempt < 3; attempt++) {
            type(id, text);
            try {
                waitClickable(By.cssSelector("main h1")).click();
            } catch (org.openqa.selenium.ElementClickInterceptedException dialogOpen) {
                waitVisible(By.id(id)).sendKeys(org.openqa.selenium.Keys.TAB);
            }
            settle();
            if (text.equals(waitVisible(By.id(id)).getAttribute("value"))) {
                return this;
            }
        }
        throw new AssertionError("The field " + id + " does not keep " + text + ": " + pageText());
    }

    /** Clicks and waits for the resulting page load or AJAX update to finish. */
    public Browser click(String id) {
        waitClickable(By.id(id)).click();
        settle();
        return this;
    }

    /** Double-clicks, as an impatient person does on Save, and waits for what follows to settle. */
    public Browser doubleClick(String id) {
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(waitClickable(By.id(id))).perform();
        settle();
        return this;
    }

    /** The browser's Back button. */
    public Browser back() {
        driver.navigate().back();
        settle();
        return this;
    }

    /** Runs a script in the page (an asynchronous one when it takes a callback as its last argument). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public Browser clickText(String text) {
        waitClickable(By.xpath("//*[normalize-space(text())='" + text + "']")).click();
        settle();
        return this;
    }

    /**
     * Picks the option whose label starts with {@code label} in a PrimeFaces select menu, as a person would,
     * and checks the menu shows it: the panel slides in, and a click while it moves can land beside the option.
     */
    public Browser choose(String menuId, String label) {
        By option = By.xpath("//div[@id='" + menuId + "_panel']//li[starts-with(@data-label, '" + label + "')]");
        for (int attempt = 0; attempt < 3 && !text(menuId + "_label").startsWith(label); attempt++) {
            waitClickable(By.id(menuId)).click();
            waitVisible(By.id(menuId + "_panel"));
            pause(300);
            waitClickable(option).click();
            settle();
        }
        String shown = text(menuId + "_label");
        if (!shown.startsWith(label)) {
            throw new AssertionError("Chose \"" + label + "\" in " + menuId + " three times; it shows \"" + shown + "\"");
        }
        return this;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks the PrimeFaces checkbox whose label reads {@code label}. */
    public Browser checkLabelled(String containerId, String label) {
        WebElement container = waitVisible(By.id(containerId));
        container.findElement(By.xpath(".//label[normalize-space(text())='" + label + "']")).click();
        return this;
    }

    public String text(String id) {
        return waitVisible(By.id(id)).getText();
    }

    /** The page's text; read again if the page was replaced while it was being read (a submit in flight). */
    public String pageText() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
                pause(200);
            }
        }
    }

    public boolean isPresent(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public boolean isDisplayed(String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public WebElement waitVisible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement waitClickable(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Waits until the page says it is complete and PrimeFaces has no AJAX request in flight. */
    public void settle() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (typeof PrimeFaces === 'undefined' || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    public void waitForText(String text) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> pageText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The page as it stood is what tells a failed run in CI apart: a validation message, an error page.
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s for \"" + text + "\" on " + currentPath()
                    + "; the page said:\n" + pageText(), e);
        }
    }

    public void waitForPath(String pathPrefix) {
        new WebDriverWait(driver, WAIT).until(d -> currentPath().startsWith(pathPrefix));
    }

    /** Waits up to {@code timeout} for a condition; returns whether it came true. */
    public boolean waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, timeout).until(d -> condition.getAsBoolean());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /**
     * What the console said since the last call that a Content-Security-Policy refused (Chromium reports
     * every refused script, style or frame there).
     */
    public List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /**
     * What axe-core (Deque's WCAG 2.1 A and AA rules, run in this page) finds of serious or critical impact: one
     * line per rule with the elements it names; empty when there is none. In axe's legacy mode, which runs in the
     * page itself: the newer mode opens a blank window to reach cross-origin frames (the pages have none), which
     * failed now and then in a busy headless Chromium.
     */
    public List<String> seriousAccessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().setLegacyMode(true)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        if (results.isErrored()) {
            return List.of("axe-core did not run: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList())
                .toList();
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public void addCookie(Cookie cookie) {
        driver.manage().addCookie(cookie);
    }

    /** Saves a screenshot under target/screenshots, for a person to look at. */
    public void screenshot(String name) {
        String dir = System.getProperty("trustfund.screenshots", "target/screenshots");
        try {
            Path out = Path.of(dir);
            Files.createDirectories(out);
            Files.write(out.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
