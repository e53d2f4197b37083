package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The studio in headless Chromium on the real stack, at desktop (1280×800) and phone (390×844) sizes:
 * upload a photo, refine it, watch the render arrive without reloading, branch, compare, recover from
 * a failed step; the URL and history follow the selected step; one draft makes one step. Screenshots
 * go to target/screenshots. Needs Debian's chromium and chromium-driver (.ci/run installs them);
 * skipped, saying so, where they are missing.
 */
@ExtendWith(RunningStack.class)
class StudioBrowserTest {
    private static WebDriver browser;
    private static StudioPage studio;

    /** A failing test leaves what the browser showed, to read after the run. */
    @RegisterExtension
    static final TestWatcher EVIDENCE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            String name = "failed-" + context.getRequiredTestMethod().getName();
            try {
                studio.shoot(name + ".png");
                Files.writeString(StudioPage.SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // the evidence is a courtesy; the failure itself is reported anyway
            }
        }
    };

    @BeforeAll
    static void openBrowser() throws IOException {
        assumeTrue(StudioPage.browserInstalled(),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
        browser = StudioPage.openBrowser();
        studio = new StudioPage(browser);
        studio.signIn(RunningStack.apiKey());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void desktop() {
        studio.viewport(1280, 800);
    }

    @Test
    void signingOutShowsTheSignInScreenAndAWrongKeyIsRefused() {
        browser.get(Api.gallery() + "/");
        studio.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(org.openqa.selenium.By.id("signout"))).click();
        studio.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(org.openqa.selenium.By.tagName("h1"), "Sign in"));
        // the cookie is gone: a reload still shows the sign-in screen, and the page's own reads are refused
        browser.navigate().refresh();
        WebElement key = studio.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(org.openqa.selenium.By.id("api-key")));
        assertThat(((Number) studio.js("const r = new XMLHttpRequest(); r.open('GET', '/api/sessions', false); r.send(); return r.status;"))
                .intValue()).isEqualTo(401);
        assertThat(browser.manage().getCookies()).as("no readable trace of the key").noneMatch(c -> c.getValue().contains("atk_"));
        key.sendKeys("atk_wrongkey_" + "x".repeat(43), org.openqa.selenium.Keys.ENTER);
        studio.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                org.openqa.selenium.By.cssSelector("form.signin .error"), "not valid"));
        studio.signIn(RunningStack.apiKey());
        org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("atelier_studio");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getValue()).doesNotContain(RunningStack.apiKey().substring(13));
    }

    @Test
    void uploadRefineBranchAndCompareWithoutReloading() throws IOException {
        browser.get(Api.gallery() + "/");
        studio.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
        Object pageInstance = studio.js("return window.__page = Math.random()");
        assertThat(browser.findElement(By.cssSelector(".drop progress")).isDisplayed()).as("upload progress before an upload").isFalse();
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).startsWith("data:image/svg+xml");

        // a rejected file gets a clear message, and the page stays put
        Path notAPhoto = Files.writeString(Files.createTempFile("notes", ".txt"), "not a photo");
        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(notAPhoto.toString());
        studio.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".drop [role=alert]"), "not a PNG, JPEG or WebP"));

        // a damaged photo is refused before any session is made for it
        int sessionsBefore = io.restassured.RestAssured.given().get(Api.gallery() + "/api/sessions")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        Path damaged = Files.createTempDirectory("damaged").resolve("damaged.png");
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(coffee()), 2000));
        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(damaged.toString());
        studio.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".drop [role=alert]"), "cannot be read as an image"));
        assertThat(io.restassured.RestAssured.given().get(Api.gallery() + "/api/sessions")
                .then().statusCode(200).extract().jsonPath().getList("$")).hasSize(sessionsBefore);
        studio.assertReadable("on the sessions page");

        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(coffee().toString());
        studio.wait.until(ExpectedConditions.urlContains("#/s/"));
        WebElement original = studio.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=tree] > [role=treeitem]")));
        assertThat(original.getAttribute("data-instruction")).isEqualTo("Original photo");

        // while a step renders the picture never leaves the page: the parent stays, dimmed, under the progress
        studio.js("""
                window.__pictureGone = 0; window.__dimmedSeen = false;
                new MutationObserver(() => {
                  if (!document.querySelector('.viewer img')) window.__pictureGone++;
                  if (document.querySelector('.viewer img.dimmed') && document.querySelector('.viewer .rendering')) window.__dimmedSeen = true;
                }).observe(document.getElementById('app'), { childList: true, subtree: true });""");
        studio.refine("Crop to a 1:1 square format, keeping the cup centred");
        String crop = studio.renderedStep("Crop to a 1:1 square format, keeping the cup centred");
        assertThat(studio.js("return window.__pictureGone")).as("moments without a picture").isEqualTo(0L);
        assertThat(studio.js("return window.__dimmedSeen")).as("the parent shown dimmed while rendering").isEqualTo(true);
        assertThat(browser.getCurrentUrl()).as("the URL follows the new step").endsWith("/" + crop);
        assertThat(studio.activeElementId()).as("focus after a render").isEqualTo("instruction");
        // the page re-renders as updates arrive: elements are looked up afresh each time
        studio.wait.until(d -> studio.imageLoaded(By.id("selected-image")));
        assertThat(studio.number("const i = document.getElementById('selected-image'); return i.naturalWidth / i.naturalHeight")).isEqualTo(1.0);
        assertThat(browser.findElements(By.cssSelector(".plan li")).get(0).getText()).isEqualTo("cropped to 1:1 around the subject");
        assertThat(browser.findElement(By.cssSelector(".stage .meta")).getText())
                // which method depends on whether the opt-in IS-Net model is installed (CI installs it); both read as phrases
                .containsAnyOf("subject found by a quick classical estimate", "subject found by the IS-Net segmentation model")
                .doesNotContain("grabcut").doesNotContain("isnet-");
        assertThat(browser.findElement(By.cssSelector("#node-" + crop + " > .node")).getAttribute("title"))
                .as("tooltip: full instruction, status, time").startsWith("Crop to a 1:1 square format, keeping the cup centred\nrendered · ")
                .containsPattern("\\d{1,2}:\\d{2}");

        // the next instruction typed while a step renders survives the live updates, and keeps the focus
        studio.refine("warm the light slightly");
        studio.wait.until(d -> studio.box().getAttribute("value").isEmpty());
        studio.box().sendKeys("the next idea");
        studio.renderedStep("warm the light slightly");
        assertThat(studio.activeElementId()).isEqualTo("instruction");
        assertThat(studio.box().getAttribute("value")).isEqualTo("the next idea");
        studio.box().clear();

        // back to the crop (keyboard: the crop is the warm step's parent) and branch from it
        browser.findElement(By.cssSelector("[role=treeitem][aria-selected=true]")).sendKeys(Keys.ARROW_LEFT);
        studio.awaitSelected(crop);
        studio.refine("black and white");
        studio.renderedStep("black and white");
        assertThat(browser.findElements(By.cssSelector("[data-instruction^='Crop to a 1:1'] > [role=group] > [role=treeitem]"))).hasSize(2);
        // black and white has drifted far from the original: the meter says so and names the crop as the step to go back to
        studio.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".drift-warning")));
        assertThat(browser.findElement(By.cssSelector(".drift meter")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector(".drift-warning")).getText()).contains("Crop to a 1:1 square format");
        studio.assertReadable("in the tree");
        studio.shoot("studio-tree.png");

        // compare the black-and-white branch with its parent (the crop: the same shape): a wipe
        browser.findElement(By.id("compare-parent")).click();
        studio.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-slider")));
        assertThat(browser.getCurrentUrl()).contains("?compare=parent");
        assertThat(browser.findElements(By.cssSelector(".compare img"))).hasSize(2);
        studio.wait.until(d -> studio.imageLoaded(By.cssSelector(".compare img.before")) && studio.imageLoaded(By.cssSelector(".compare img.after")));
        studio.js("const s = document.getElementById('compare-slider'); s.value = 35; s.dispatchEvent(new Event('input'))");
        assertThat(browser.findElement(By.cssSelector(".compare img.before")).getAttribute("style")).contains("inset(0px 65% 0px 0px)");
        assertThat(studio.rect("#compare-slider").get(4).doubleValue()).as("slider as wide as the picture")
                .isCloseTo(studio.rect(".compare.wipe").get(4).doubleValue(), within(1.0));
        // dragging on the picture moves the cut; so do the arrow keys on the slider
        WebElement frame = browser.findElement(By.cssSelector(".compare.wipe"));
        int width = frame.getRect().getWidth();
        new Actions(browser).moveToElement(frame, -width / 4, 0).clickAndHold().moveByOffset(width / 2, 0).release().perform();
        assertThat(studio.number("return Number(document.getElementById('compare-slider').value)")).isCloseTo(75, within(2.0));
        browser.findElement(By.id("compare-slider")).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(studio.number("return Number(document.getElementById('compare-slider').value)")).isCloseTo(73, within(2.0));
        studio.js("const s = document.getElementById('compare-slider'); s.value = 50; s.dispatchEvent(new Event('input'))");
        studio.assertReadable("comparing");
        studio.shoot("studio-compare.png");

        // with the original (3:2 against the 1:1 crop): the original's region under the crop, aligned, not a shrunk original
        browser.findElement(By.id("compare-original")).click();
        studio.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".compare.wipe[data-aligned=crop]")));
        studio.wait.until(d -> studio.imageLoaded(By.cssSelector(".compare img.before")) && studio.imageLoaded(By.cssSelector(".compare img.after")));
        List<Number> cropFrame = studio.rect(".compare.wipe");
        List<Number> original3to2 = studio.rect(".compare.wipe img.before");
        assertThat(original3to2.get(4).doubleValue() / original3to2.get(5).doubleValue()).as("the original keeps its shape").isCloseTo(1.5, within(0.02));
        assertThat(original3to2.get(5).doubleValue()).as("a full-height square crop: the original at the crop's height")
                .isCloseTo(cropFrame.get(5).doubleValue(), within(3.0));
        assertThat(original3to2.get(0).doubleValue()).as("overhanging on the left").isLessThan(cropFrame.get(0).doubleValue());
        studio.shoot("studio-compare-shapes.png");
        browser.findElement(By.id("compare-off")).click();

        // a step the engine cannot do turns into its reason, live, the same way, and is no dead end
        String beans = "add a weapon beside the saucer"; // the (fake) provider's safety system refuses it
        String bw = studio.selectedStep();
        studio.refine(beans);
        studio.finishedStep(beans, "failed");
        studio.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".failure"), "safety system"));
        assertThat(browser.findElement(By.cssSelector("[role=treeitem][aria-selected=true] > .node")).getAttribute("title"))
                .startsWith(beans + "\nfailed · ");
        studio.assertReadable("with a failed step selected");
        studio.shoot("studio-failed.png");
        UUID sessionId = UUID.fromString(browser.getCurrentUrl().replaceAll(".*#/s/([^/]+)/.*", "$1"));
        browser.findElement(By.id("retry-step")).click();
        studio.wait.until(d -> StudioPage.stepsWith(sessionId, beans) == 2);
        String retried = studio.finishedStep(beans, "failed");
        assertThat(Api.tree(sessionId).getString("steps.find { it.stepId == '" + retried + "' }.parentStepId")).as("retried from the same parent").isEqualTo(bw);
        browser.findElement(By.id("edit-step")).click();
        studio.awaitSelected(bw);
        assertThat(studio.box().getAttribute("value")).isEqualTo(beans);
        assertThat(studio.activeElementId()).isEqualTo("instruction");
        studio.box().clear();
        studio.click(retried);
        browser.findElement(By.id("to-parent")).click();
        studio.awaitSelected(bw);

        // everything above happened in one page load: live updates, no reload
        assertThat(studio.js("return window.__page")).isEqualTo(pageInstance);
    }

    @Test
    void theUrlFollowsTheSelectedStepThroughHistoryAndReloads() {
        UUID sessionId = Api.newSession("history");
        UUID root = Api.uploadPhoto(sessionId);
        UUID crop = Api.step(sessionId, root, "crop to a 1:1 square");
        assertThat(Api.awaitFinished(sessionId, crop)).isEqualTo("rendered");
        UUID warm = Api.step(sessionId, crop, "warm the light slightly");
        assertThat(Api.awaitFinished(sessionId, warm)).isEqualTo("rendered");
        studio.open(sessionId, warm.toString());
        assertThat(studio.selectedStep()).isEqualTo(warm.toString());

        // clicks add history entries; back and forward move between the selected steps
        studio.click(crop.toString());
        assertThat(browser.getCurrentUrl()).endsWith("/" + crop);
        studio.click(root.toString());
        browser.navigate().back();
        studio.awaitSelected(crop.toString());
        browser.navigate().back();
        studio.awaitSelected(warm.toString());
        browser.navigate().forward();
        studio.awaitSelected(crop.toString());

        // a step sent from here is where a reload comes back to, and so is the compare mode
        studio.refine("mirror it");
        String mirror = studio.renderedStep("mirror it");
        assertThat(browser.getCurrentUrl()).endsWith("/" + mirror);
        browser.navigate().refresh();
        studio.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=treeitem][aria-selected=true]")));
        assertThat(studio.selectedStep()).isEqualTo(mirror);
        browser.findElement(By.id("compare-parent")).click();
        studio.wait.until(ExpectedConditions.urlContains("?compare=parent"));
        browser.navigate().refresh();
        studio.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-slider")));
        assertThat(browser.findElement(By.id("compare-parent")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(studio.selectedStep()).isEqualTo(mirror);

        // the 600 × 400 original: fit (the default) scales it up to the viewer, 100% shows its pixels, zoom doubles
        browser.findElement(By.id("compare-off")).click();
        studio.click(root.toString());
        studio.wait.until(d -> studio.imageLoaded(By.id("selected-image")));
        assertThat(studio.rect("#selected-image").get(4).doubleValue()).as("fit on a wide screen").isGreaterThan(600);
        browser.findElement(By.id("zoom-100")).click();
        studio.wait.until(d -> studio.number("return document.getElementById('selected-image').getBoundingClientRect().width") == 600);
        browser.findElement(By.id("zoom-in")).click();
        studio.wait.until(d -> studio.number("return document.getElementById('selected-image').getBoundingClientRect().width") == 1200);
        assertThat(studio.rect(".viewer").get(4).doubleValue()).as("the zoomed picture scrolls inside the viewer").isLessThan(1200);
        browser.findElement(By.id("zoom-fit")).click();
        studio.wait.until(d -> studio.number("return document.getElementById('selected-image').getBoundingClientRect().width") > 600
                && studio.number("return document.getElementById('selected-image').getBoundingClientRect().width") < 1200);
    }

    @Test
    void oneDraftMakesOneStep() {
        UUID sessionId = Api.newSession("one draft, one step");
        UUID root = Api.uploadPhoto(sessionId);
        studio.open(sessionId, root.toString());

        // Enter twice in a row
        studio.box().sendKeys("warm the light slightly", Keys.ENTER, Keys.ENTER);
        studio.renderedStep("warm the light slightly");
        assertThat(StudioPage.stepsWith(sessionId, "warm the light slightly")).isEqualTo(1);
        assertThat(studio.activeElementId()).as("focus after a render").isEqualTo("instruction");

        // a double click on Send
        studio.click(root.toString());
        studio.box().sendKeys("mirror it");
        new Actions(browser).doubleClick(browser.findElement(By.id("send"))).perform();
        studio.renderedStep("mirror it");
        assertThat(StudioPage.stepsWith(sessionId, "mirror it")).isEqualTo(1);

        // the answer is lost on the way back: sending again is a retry with the same key, not a second step
        studio.js("""
                const real = window.fetch;
                window.__keys = [];
                window.fetch = async (url, options = {}) => {
                  if (String(url).endsWith('/steps')) {
                    window.__keys.push(options.headers['Idempotency-Key']);
                    if (window.__keys.length === 1) { await real(url, options); throw new TypeError('the network failed'); }
                  }
                  return real(url, options);
                };""");
        studio.click(root.toString());
        studio.refine("sharpen a little");
        studio.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("refine-help"), "Not sent"));
        assertThat(studio.box().getAttribute("value")).as("the draft is kept").isEqualTo("sharpen a little");
        studio.box().sendKeys(Keys.ENTER);
        studio.finishedStep("sharpen a little", "rendered");
        List<?> keys = (List<?>) studio.js("return window.__keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(StudioPage.stepsWith(sessionId, "sharpen a little")).isEqualTo(1);
    }

    @Test
    void theTreeShowsWholeLabelsKeepsItsScrollAndRevealsNewSteps() {
        UUID sessionId = Api.newSession("a tall tree");
        UUID root = Api.uploadPhoto(sessionId);
        List<String> instructions = List.of("mirror it", "black and white", "warm the light slightly", "a soft vignette",
                "more vibrant", "film grain", "add clarity", "add a gentle wisp of steam rising from the cup, just above the rim");
        UUID last = null;
        for (String instruction : instructions) {
            last = Api.step(sessionId, root, instruction);
        }
        Api.awaitFinished(sessionId, last);
        studio.viewport(1280, 560); // a short window: the tree panel scrolls
        studio.open(sessionId, root.toString());
        studio.wait.until(d -> d.findElements(By.cssSelector("[role=treeitem]")).size() == instructions.size() + 1);
        assertThat(studio.number("const p = document.querySelector('.tree-panel'); return p.scrollHeight - p.clientHeight")).isPositive();

        // whole words and whole statuses, nothing cut off
        List<?> clipped = (List<?>) studio.js("""
                return [...document.querySelectorAll('.node .instruction, .node .status')]
                  .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent);""");
        assertThat(clipped).isEmpty();

        // a live update elsewhere in the tree leaves the panel where the reader scrolled it
        studio.js("document.querySelector('.tree-panel').scrollTop = 40");
        Api.step(sessionId, root, "sharpen a little");
        studio.wait.until(d -> d.findElements(By.cssSelector("[role=treeitem]")).size() == instructions.size() + 2);
        assertThat(studio.number("return document.querySelector('.tree-panel').scrollTop")).isEqualTo(40);

        // a step sent from the top of the tree lands at its bottom, scrolled into view
        studio.js("document.querySelector('.tree-panel').scrollTop = 0");
        studio.refine("a warm light leak");
        String leak = studio.renderedStep("a warm light leak");
        List<Number> panel = studio.rect(".tree-panel");
        List<Number> row = studio.rect("#node-" + leak + " > .node");
        assertThat(row.get(1).doubleValue()).isGreaterThanOrEqualTo(panel.get(1).doubleValue());
        assertThat(row.get(3).doubleValue()).isLessThanOrEqualTo(panel.get(3).doubleValue());
    }

    @Test
    void theCoachOffersASplitAsOneClickStepsAndAsksForAConcreteChange() throws IOException {
        UUID sessionId = Api.newSession("coach");
        UUID root = Api.uploadPhoto(sessionId);
        studio.open(sessionId, root.toString());

        // wording that only judges names no change: not sent, with concrete changes for the light to pick from
        String judging = "the lighting doesn't look right";
        studio.refine(judging);
        studio.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#advice [data-kind=evaluative]")));
        assertThat(StudioPage.stepsWith(sessionId, judging)).isZero();
        assertThat(studio.box().getAttribute("value")).as("the draft stays").isEqualTo(judging);
        List<WebElement> tries = browser.findElements(By.cssSelector("#advice .suggestion"));
        assertThat(tries).hasSize(3);
        tries.get(0).click();
        assertThat(studio.box().getAttribute("value")).isEqualTo("warm the light to a late-afternoon golden tone");
        assertThat(studio.activeElementId()).isEqualTo("instruction");
        studio.box().clear();

        // several changes at once: queued all the same, and the split offered as one-click steps, in order
        String several = "make it warmer, blur the background and crop it square";
        studio.refine(several);
        studio.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#advice [data-kind=split]")));
        assertThat(browser.findElements(By.cssSelector("#advice .split-steps button"))).extracting(WebElement::getText)
                .containsExactly("Send “make it warmer”", "Send “blur the background”", "Send “crop it square”");
        assertThat(StudioPage.stepsWith(sessionId, several)).isEqualTo(1);
        studio.assertReadable("with the coach's advice");
        studio.shootShowing("studio-coach.png", "#advice");

        // the first part refines the step the instruction was sent from; the next one refines the first part's picture
        studio.wait.until(ExpectedConditions.elementToBeClickable(By.id("split-0"))).click();
        String warmer = studio.renderedStep("make it warmer");
        assertThat(Api.tree(sessionId).getString("steps.find { it.stepId == '" + warmer + "' }.parentStepId")).isEqualTo(root.toString());
        assertThat(studio.activeElementId()).as("focus after a render").isEqualTo("instruction");
        assertThat(browser.findElement(By.id("split-0")).getText()).startsWith("✓");
        studio.wait.until(ExpectedConditions.elementToBeClickable(By.id("split-1"))).click();
        // finding the subject to blur around takes a while: the request is what this checks, not the render
        studio.wait.until(d -> StudioPage.stepsWith(sessionId, "blur the background") == 1);
        assertThat(Api.tree(sessionId).getString("steps.find { it.instruction == 'blur the background' }.parentStepId")).isEqualTo(warmer);
    }

    @Test
    void stepsAndSessionsAreRenamedAndDeletedWhileTheAuditKeepsThem() {
        UUID sessionId = Api.newSession("to be renamed");
        UUID root = Api.uploadPhoto(sessionId);
        UUID crop = Api.step(sessionId, root, "crop to a 1:1 square");
        assertThat(Api.awaitFinished(sessionId, crop)).isEqualTo("rendered");
        studio.open(sessionId, crop.toString());
        studio.js("window.prompt = () => 'square keeper'; window.confirm = () => true");
        browser.findElement(By.id("rename-step")).click();
        studio.wait.until(ExpectedConditions.textToBe(By.cssSelector("#node-" + crop + " .instruction"), "square keeper"));
        studio.wait.until(ExpectedConditions.textToBe(By.cssSelector(".stage h2"), "square keeper"));
        studio.js("window.prompt = () => 'TerraBrew, renamed'");
        browser.findElement(By.id("rename-session")).click();
        studio.wait.until(ExpectedConditions.textToBe(By.cssSelector(".tree-panel h1"), "TerraBrew, renamed"));
        // the studio shows the accepted title at once; the gallery's copy follows once it has projected the event
        studio.wait.until(d -> "TerraBrew, renamed".equals(Api.tree(sessionId).getString("title")));

        // the original cannot be deleted; the last step of a branch can, and the audit trail keeps it
        studio.click(root.toString());
        assertThat(browser.findElements(By.id("delete-step"))).isEmpty();
        studio.click(crop.toString());
        browser.findElement(By.id("delete-step")).click();
        studio.awaitSelected(root.toString());
        studio.wait.until(d -> d.findElements(By.id("node-" + crop)).isEmpty());
        assertThat(Api.tree(sessionId).getList("steps.stepId", String.class)).containsExactly(root.toString());
        List<String> types = io.restassured.RestAssured.given().get(Api.gallery() + "/api/sessions/" + sessionId + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries.type", String.class);
        assertThat(types).contains("StepRenamed", "SessionRenamed", "StepDeleted", "ImageRendered");

        // the session itself, photo and all: it leaves the sessions page, and its audit trail stays
        browser.findElement(By.id("delete-session")).click();
        studio.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sessions"));
        studio.wait.until(d -> io.restassured.RestAssured.given().get(Api.gallery() + "/api/sessions/" + sessionId).statusCode() == 404);
        assertThat(io.restassured.RestAssured.given().get(Api.gallery() + "/api/sessions").then().statusCode(200).extract()
                .jsonPath().getList("sessionId", String.class)).doesNotContain(sessionId.toString());
        assertThat(io.restassured.RestAssured.given().get(Api.gallery() + "/api/sessions/" + sessionId + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries.type", String.class))
                .startsWith("SessionStarted", "SourceImageAdded").endsWith("SessionDeleted");
    }

    @Test
    void onAPhoneThePhotoComesFirst() throws IOException {
        UUID sessionId = Api.newSession("on a phone");
        UUID root = Api.uploadPhoto(sessionId);
        UUID crop = Api.step(sessionId, root, "crop to a 1:1 square, keeping the cup centred");
        assertThat(Api.awaitFinished(sessionId, crop)).isEqualTo("rendered");
        studio.viewport(390, 844);
        studio.open(sessionId, crop.toString());
        assertThat(studio.number("return innerWidth")).isEqualTo(390);

        studio.refine("warm the light slightly");
        studio.renderedStep("warm the light slightly");
        studio.wait.until(d -> studio.imageLoaded(By.id("selected-image")));
        List<Number> photo = studio.rect("#selected-image");
        assertThat(photo.get(1).doubleValue()).as("the photo's top is above the tree's").isLessThan(studio.rect(".tree-panel").get(1).doubleValue());
        assertThat(photo.get(3).doubleValue()).as("the whole photo on the first screen").isLessThanOrEqualTo(studio.number("return innerHeight"));
        assertThat(studio.number("return document.documentElement.scrollWidth")).as("no sideways scrolling").isLessThanOrEqualTo(390);
        studio.assertReadable("on a phone");
        studio.shoot("studio-phone.png");
    }

    private static Path coffee() throws IOException {
        Path file = Files.createTempDirectory("upload").resolve("coffee.png"); // the session takes the file's name
        try (InputStream in = StudioBrowserTest.class.getResourceAsStream("/coffee.png")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
