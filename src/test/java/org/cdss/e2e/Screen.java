package org.cdss.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.assertj.core.api.Assertions;

/**
 * The viewport sizes a journey runs at (issue 15 tests: desktop and phone sizes; a portrait tablet): a journey
 * parameterised by it opens its pages at that size and checks at each step that nothing scrolls sideways.
 */
enum Screen {
    DESKTOP(1366, 850),
    PHONE(390, 844),
    TABLET(768, 1024);

    final int width;
    final int height;

    Screen(int width, int height) {
        this.width = width;
        this.height = height;
    }

    Page newPage(Browser browser) {
        return browser.newPage(width, height);
    }

    /** Below 1024 px the navigation folds into the menu (issue 15 item 7). */
    boolean folded() {
        return width < 1024;
    }

    /** Clicks a navigation link, opening the folded menu first on a phone or tablet. */
    void nav(Page page, String testId) {
        if (folded()) {
            page.getByTestId("menu-toggle").click();
        }
        page.getByTestId(testId).click();
    }

    /** The page does not scroll sideways and, if given, the element lies within the viewport's width. */
    void fits(Page page, String step, Locator... within) {
        Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        Number inner = (Number) page.evaluate("() => window.innerWidth");
        Assertions.assertThat(scroll.intValue())
                .as("%s at %s: page wider than the viewport", step, this)
                .isLessThanOrEqualTo(inner.intValue());
        for (Locator element : within) {
            BoundingBox box = element.boundingBox();
            Assertions.assertThat(box)
                    .as("%s at %s: element not rendered", step, this)
                    .isNotNull();
            Assertions.assertThat(box.x)
                    .as("%s at %s: element starts left of the viewport", step, this)
                    .isGreaterThanOrEqualTo(0);
            Assertions.assertThat(box.x + box.width)
                    .as("%s at %s: element ends right of the viewport", step, this)
                    .isLessThanOrEqualTo(inner.doubleValue() + 0.5);
        }
    }

    /**
     * Scrolled down to {@code target}, the sticky patient banner is in sight below the sticky header (not hidden under
     * it) and, with the header, takes less than {@code maxShare} of the screen's height (it must not push the page's
     * content out of reach); returns the banner's bottom edge in pixels from the top of the screen.
     */
    double bannerInSight(Page page, String step, Locator target, double maxShare) {
        target.scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> at = (java.util.Map<String, Object>) page.evaluate("""
                () => {
                  const banner = document.querySelector('[data-testid="patient-banner"]').getBoundingClientRect();
                  const header = document.querySelector('header').getBoundingClientRect();
                  const hit = document.elementFromPoint(banner.left + banner.width / 2, banner.top + 8);
                  return { scrolled: window.scrollY, top: banner.top, bottom: banner.bottom, headerBottom: header.bottom,
                    seen: document.querySelector('[data-testid="patient-banner"]').contains(hit) };
                }""");
        double top = ((Number) at.get("top")).doubleValue();
        double bottom = ((Number) at.get("bottom")).doubleValue();
        double headerBottom = ((Number) at.get("headerBottom")).doubleValue();
        Assertions.assertThat(((Number) at.get("scrolled")).doubleValue())
                .as("%s at %s: the page scrolled", step, this)
                .isPositive();
        Assertions.assertThat(at.get("seen"))
                .as("%s at %s: the banner is covered (top %.0f, header bottom %.0f)", step, this, top, headerBottom)
                .isEqualTo(true);
        Assertions.assertThat(top)
                .as("%s at %s: the banner is under the header", step, this)
                .isGreaterThanOrEqualTo(headerBottom - 1);
        Assertions.assertThat(bottom)
                .as("%s at %s: header and banner take too much of the screen", step, this)
                .isLessThanOrEqualTo(height * maxShare);
        return bottom;
    }

    /** Screenshot name suffix: none at desktop size (the README's screenshots keep their names). */
    String suffix() {
        return this == DESKTOP ? "" : "-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
