package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "Start from a prompt" on the studio's sessions page, in headless Chromium on the real stack (the
 * workers' engine is the OpenAI contract fake): the prompt opens a session whose root arrives rendered
 * without a reload, labelled with the prompt; a refused prompt says why on the page.
 */
@ExtendWith(RunningStack.class)
class StudioPromptBrowserTest {
    private static WebDriver browser;
    private static StudioPage studio;

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

    @Test
    void aPromptOpensASessionWhoseDraftArrivesOnThePage() throws IOException {
        studio.viewport(1280, 800);
        browser.get(Api.gallery() + "/");
        String prompt = "a small plant in a terracotta pot on a windowsill";
        studio.wait.until(ExpectedConditions.elementToBeClickable(By.id("prompt"))).sendKeys(prompt);
        new Select(browser.findElement(By.cssSelector(".prompt-start select"))).selectByValue("3:2");
        browser.findElement(By.cssSelector(".prompt-start button[type=submit]")).click();

        studio.wait.until(ExpectedConditions.urlContains("#/s/"));
        String root = studio.renderedStep(prompt);
        assertThat(browser.findElement(By.id("node-" + root)).getAttribute("aria-label")).startsWith(prompt);
        studio.shoot("prompt-started.png");

        // refused prompts: the API's reason is shown where the person typed
        browser.get(Api.gallery() + "/");
        studio.wait.until(ExpectedConditions.elementToBeClickable(By.id("prompt"))).sendKeys("   ");
        browser.findElement(By.cssSelector(".prompt-start button[type=submit]")).click();
        studio.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".prompt-start [role=alert]"), "Describe the picture"));
    }
}
