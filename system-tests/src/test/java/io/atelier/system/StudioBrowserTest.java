package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio in headless Chromium on the real stack: upload a photo, refine it, watch the render
 * arrive without reloading, branch from the first step, compare with the original. Screenshots go
 * to target/screenshots. Needs Debian's chromium and chromium-driver (.ci/run installs them);
 * skipped, saying so, where they are missing.
 */
@ExtendWith(RunningStack.class)
class StudioBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // on this closed network Chromium stalls on its background services without these
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadRefineBranchAndCompareWithoutReloading() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get(RunningStack.endpoints().galleryUrl() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
        Object pageInstance = ((JavascriptExecutor) browser).executeScript("return window.__page = Math.random()");
        assertThat(browser.findElement(By.cssSelector(".drop progress")).isDisplayed()).as("upload progress before an upload").isFalse();

        // a rejected file gets a clear message, and the page stays put
        Path notAPhoto = Files.writeString(Files.createTempFile("notes", ".txt"), "not a photo");
        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(notAPhoto.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".drop [role=alert]"), "not a PNG or JPEG"));

        // a damaged photo is refused before any session is made for it
        int sessionsBefore = io.restassured.RestAssured.given().get(RunningStack.endpoints().galleryUrl() + "/api/sessions")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        Path damaged = Files.createTempDirectory("damaged").resolve("damaged.png");
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(coffee()), 2000));
        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(damaged.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".drop [role=alert]"), "cannot be read as an image"));
        assertThat(io.restassured.RestAssured.given().get(RunningStack.endpoints().galleryUrl() + "/api/sessions")
                .then().statusCode(200).extract().jsonPath().getList("$")).hasSize(sessionsBefore);

        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(coffee().toString());
        wait.until(ExpectedConditions.urlContains("#/s/"));
        WebElement original = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=tree] > [role=treeitem]")));
        assertThat(original.getAttribute("data-instruction")).isEqualTo("Original photo");

        refine("Crop to a 1:1 square format, keeping the cup centred", wait);
        renderedStep("Crop to a 1:1 square format, keeping the cup centred", wait);
        // the page re-renders as updates arrive: elements are looked up afresh each time
        wait.until(d -> imageLoaded(By.id("selected-image")));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "const i = document.getElementById('selected-image'); return i.naturalWidth / i.naturalHeight")).doubleValue()).isEqualTo(1.0);
        assertThat(browser.findElements(By.cssSelector(".plan li")).get(0).getText()).isEqualTo("cropped to 1:1 around the subject");

        refine("warm the light slightly", wait);
        renderedStep("warm the light slightly", wait);

        // back to the crop (keyboard: the crop is the warm step's parent) and branch from it
        browser.findElement(By.cssSelector("[role=treeitem][aria-selected=true]")).sendKeys(Keys.ARROW_LEFT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.cssSelector("[data-instruction^='Crop to a 1:1']")).getAttribute("aria-selected")));
        refine("black and white", wait);
        renderedStep("black and white", wait);
        assertThat(browser.findElements(By.cssSelector("[data-instruction^='Crop to a 1:1'] > [role=group] > [role=treeitem]"))).hasSize(2);
        shoot("studio-tree.png");

        // compare the black-and-white branch with the original
        browser.findElement(By.id("compare-original")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-slider")));
        assertThat(browser.findElements(By.cssSelector(".compare img"))).hasSize(2);
        wait.until(d -> imageLoaded(By.cssSelector(".compare img.before")) && imageLoaded(By.cssSelector(".compare img.after")));
        ((JavascriptExecutor) browser).executeScript(
                "const s = document.getElementById('compare-slider'); s.value = 35; s.dispatchEvent(new Event('input'))");
        assertThat(browser.findElement(By.cssSelector(".compare img.before")).getAttribute("style")).contains("inset(0px 65% 0px 0px)");
        shoot("studio-compare.png");

        // a step the engine cannot do turns into its reason, live, the same way
        refine("add scattered coffee beans around the saucer", wait);
        By failed = By.cssSelector("[role=treeitem][data-instruction='add scattered coffee beans around the saucer'][data-status=failed]");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.presenceOfElementLocated(failed));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".failure"), "generative engine"));

        // everything above happened in one page load: live updates, no reload
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__page")).isEqualTo(pageInstance);
    }

    private void refine(String instruction, WebDriverWait wait) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("instruction")));
        box.sendKeys(instruction, Keys.ENTER);
    }

    private void renderedStep(String instruction, WebDriverWait wait) {
        By step = By.cssSelector("[role=treeitem][data-instruction='" + instruction + "']");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(step);
            return !found.isEmpty() && "rendered".equals(found.get(0).getAttribute("data-status"))
                    && "true".equals(found.get(0).getAttribute("aria-selected"));
        });
    }

    private static boolean imageLoaded(By image) {
        List<WebElement> found = browser.findElements(image);
        try {
            return !found.isEmpty() && Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", found.get(0)));
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return false; // re-rendered meanwhile: the wait asks again
        }
    }

    private static void shoot(String name) throws IOException {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path coffee() throws IOException {
        Path file = Files.createTempDirectory("upload").resolve("coffee.png"); // the session takes the file's name
        try (InputStream in = StudioBrowserTest.class.getResourceAsStream("/coffee.png")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
