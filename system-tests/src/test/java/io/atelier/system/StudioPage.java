package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The studio as the browser tests use it: one headless Chromium, and what a person does and sees on the session page. */
final class StudioPage {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * WCAG contrast of every visible element with words of its own, against the first opaque background
     * behind it (translucent ones blended over it); answers the pairs below 4.5:1.
     */
    private static final String LOW_CONTRAST = """
            const parse = (css) => { const v = (css.match(/[\\d.]+/g) || []).map(Number); return v.length === 3 ? [...v, 1] : v; };
            const linear = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
            const over = (top, under) => under.map((u, i) => top[i] * top[3] + u * (1 - top[3]));
            const behind = (e) => {
              const layers = [];
              for (let n = e; n; n = n.parentElement) {
                const c = parse(getComputedStyle(n).backgroundColor);
                if (c[3] === 0) continue;
                layers.push(c);
                if (c[3] === 1) break;
              }
              return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255]);
            };
            const low = [];
            for (const e of document.querySelectorAll('body *')) {
              if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
              const box = e.getBoundingClientRect();
              const style = getComputedStyle(e);
              if (box.width < 2 || box.height < 2 || style.visibility === 'hidden' || e.closest('noscript')) continue;
              const back = behind(e);
              const ink = over(parse(style.color), back);
              const [hi, lo] = [luminance(ink), luminance(back)].sort((a, b) => b - a);
              const ratio = (hi + 0.05) / (lo + 0.05);
              if (ratio < 4.5) low.push(`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`);
            }
            return low;
            """;

    private final WebDriver browser;
    final WebDriverWait wait;

    StudioPage(WebDriver browser) {
        this.browser = browser;
        this.wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class);
    }

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    static WebDriver openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // on this closed network Chromium stalls on its background services without these
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    /** Sizes the window so the page itself (the viewport) gets this size, whatever the window's own frame takes. */
    void viewport(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        int wider = width - (int) number("return innerWidth");
        int taller = height - (int) number("return innerHeight");
        if (wider != 0 || taller != 0) {
            browser.manage().window().setSize(new Dimension(width + wider, height + taller));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    /** Signs in as a person does: the studio shows its sign-in screen, the key goes in once, the sessions page follows. */
    void signIn(String apiKey) {
        browser.get(Api.gallery() + "/");
        WebElement key = wait.until(ExpectedConditions.elementToBeClickable(By.id("api-key")));
        key.clear();
        key.sendKeys(apiKey, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sessions"));
    }

    void open(UUID sessionId, String step) {
        browser.get(Api.gallery() + "/#/s/" + sessionId + (step == null ? "" : "/" + step));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=treeitem][aria-selected=true]")));
    }

    WebElement box() {
        return wait.until(ExpectedConditions.elementToBeClickable(By.id("instruction")));
    }

    void refine(String instruction) {
        box().sendKeys(instruction, Keys.ENTER);
    }

    /** Waits until the step with this instruction is rendered and selected; answers its id. */
    String renderedStep(String instruction) {
        return finishedStep(instruction, "rendered");
    }

    String finishedStep(String instruction, String status) {
        By step = By.cssSelector("[role=treeitem][data-instruction='" + instruction + "']");
        return wait.until(d -> {
            List<WebElement> found = d.findElements(step);
            WebElement last = found.isEmpty() ? null : found.get(found.size() - 1);
            return last != null && status.equals(last.getAttribute("data-status")) && "true".equals(last.getAttribute("aria-selected"))
                    ? last.getAttribute("id").substring("node-".length()) : null;
        });
    }

    String selectedStep() {
        return wait.until(d -> d.findElement(By.cssSelector("[role=treeitem][aria-selected=true]")).getAttribute("id").substring("node-".length()));
    }

    void awaitSelected(String stepId) {
        wait.until(d -> "true".equals(d.findElement(By.id("node-" + stepId)).getAttribute("aria-selected")));
    }

    void click(String stepId) {
        wait.until(d -> {
            d.findElement(By.cssSelector("#node-" + stepId + " > .node")).click();
            return true;
        });
        awaitSelected(stepId);
    }

    boolean imageLoaded(By image) {
        List<WebElement> found = browser.findElements(image);
        try {
            return !found.isEmpty() && Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0", found.get(0)));
        } catch (StaleElementReferenceException replaced) {
            return false; // re-rendered meanwhile: the wait asks again
        }
    }

    String activeElementId() {
        return (String) js("return document.activeElement && document.activeElement.id");
    }

    void assertReadable(String where) {
        assertThat((List<?>) js(LOW_CONTRAST)).as("text below 4.5:1 contrast " + where).isEmpty();
    }

    /** Page-space rectangle of the first element matching a selector: [left, top, right, bottom, width, height]. */
    List<Number> rect(String selector) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return [r.left, r.top, r.right, r.bottom, r.width, r.height]", selector);
        return box;
    }

    void shoot(String name) throws IOException {
        js("window.scrollTo(0, 0)");
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A screenshot with the element matching a selector scrolled into view (its bottom at the window's bottom). */
    void shootShowing(String name, String selector) throws IOException {
        js("document.querySelector(arguments[0]).scrollIntoView({ block: 'end' })", selector);
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    static long stepsWith(UUID sessionId, String instruction) {
        return Api.tree(sessionId).getList("steps.instruction", String.class).stream().filter(instruction::equals).count();
    }
}
