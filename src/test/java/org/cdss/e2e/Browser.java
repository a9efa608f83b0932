package org.cdss.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/** Headless Debian Chromium driven by Playwright, one fresh browser context (cookies) per {@link #newPage()}. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/e2e-screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create();
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(BrowserAvailable.CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    Page newPage() {
        return newPage(1280, 800);
    }

    /** A page of the given viewport size (a phone: 390 × 844), in Korean like {@link #newPage()}. */
    Page newPage(int width, int height) {
        return newPage(width, height, false);
    }

    /** {@code bypassCsp}: lets a test inject a script (axe-core) into pages whose CSP allows only 'self'. */
    Page newPage(int width, int height, boolean bypassCsp) {
        return newPage(width, height, bypassCsp, "ko-KR");
    }

    /** A page whose browser speaks {@code locale} (its Accept-Language and navigator.language), e.g. "en-US". */
    Page newPage(String locale) {
        return newPage(1280, 800, false, locale);
    }

    private Page newPage(int width, int height, boolean bypassCsp, String locale) {
        Page page = browser.newContext(new NewContextOptions()
                        .setBaseURL(baseUrl)
                        .setLocale(locale)
                        .setViewportSize(width, height)
                        .setBypassCSP(bypassCsp))
                .newPage();
        page.setDefaultTimeout(15_000);
        return page;
    }

    void login(Page page, String username, String password) {
        page.navigate("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.getByTestId("login-submit").click();
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
