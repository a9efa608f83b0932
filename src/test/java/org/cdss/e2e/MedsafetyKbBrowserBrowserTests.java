package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The KB browser (issue 4): a staff member who does not prescribe (the radiologist) opens it from the knowledge base
 * page, searches "warfarin", opens it and sees its interactions with their sources, most severe first.
 */
class MedsafetyKbBrowserBrowserTests extends DemoBrowserTest {

    @Test
    void a_radiologist_searches_warfarin_and_sees_an_interaction_with_its_source() {
        Page page = browser.newPage();
        browser.login(page, "radiologist", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.getByTestId("nav-kb").click();
        assertThat(page.getByTestId("kb-page")).isVisible();
        page.getByTestId("kb-browser-link").click();
        assertThat(page.getByTestId("kb-browser-page")).isVisible();
        page.getByTestId("kb-browser-search").fill("warfarin");
        page.getByTestId("drug-option-DB00682").click();
        assertThat(page.getByTestId("kb-ingredient-id")).hasText("DB00682");
        Locator rows = page.getByTestId("kb-interaction");
        assertThat(rows.first()).isVisible();
        assertThat(rows.first()).hasAttribute("data-severity", "CONTRAINDICATED");
        // the source by its name; its code only in the tooltip (no raw code on the screen)
        assertThat(rows.first().getByTestId("kb-interaction-source"))
                .hasAttribute("title", Pattern.compile("ONC-HIGH|ANSM|NDF-RT|ONC-NONINT"));
        assertThat(rows.first().getByTestId("kb-interaction-source"))
                .not()
                .containsText(Pattern.compile("ONC-HIGH|NDF-RT|ONC-NONINT"));
        Browser.screenshot(page, "kb-browser-warfarin");

        page.getByTestId("kb-filter-source").selectOption("ONC-NONINT");
        assertThat(rows.first().getByTestId("kb-interaction-source"))
                .hasAttribute("title", Pattern.compile("^ONC-NONINT"));
        page.context().close();
    }
}
