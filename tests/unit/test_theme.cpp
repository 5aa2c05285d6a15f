// tests/unit/test_theme.cpp — every text colour of the panels (ui/theme.h) reaches WCAG AA
// contrast (4.5:1) on every background it is drawn on; dates in words.
#include <doctest/doctest.h>

#include "ui/theme.h"

using namespace qfq;
using namespace qfq::ui;

TEST_CASE("theme: the WCAG formula gives the known ratios") {
    CHECK(contrast({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21.0));
    CHECK(contrast({1, 1, 1}, {1, 1, 1}) == doctest::Approx(1.0));
    // #767676 on white is the classic 4.54:1.
    CHECK(contrast({0x76 / 255.0f, 0x76 / 255.0f, 0x76 / 255.0f}, {1, 1, 1}) ==
          doctest::Approx(4.54).epsilon(0.01));
    // ImGui's own light-theme disabled text (0.60 grey) fails AA: why the theme overrides it.
    CHECK(contrast({0.6f, 0.6f, 0.6f}, theme::kWindow) < 4.5);
}

TEST_CASE("theme: every panel text colour is at least 4.5:1 on every panel background") {
    const Rgb backgrounds[] = {
        theme::kWindow,
        over(theme::kWindow, theme::kWindowAlpha, theme::kPage),
        over(theme::kWindow, theme::kWindowAlpha, {1, 1, 1}),
        over(theme::kWindow, theme::kWindowAlpha, {0.8f, 0.8f, 0.8f}),  // over a busy, light map
        theme::kHeader,
    };
    int checked = 0;
    for (const Rgb& fg : theme::kTexts)
        for (const Rgb& bg : backgrounds) {
            CAPTURE(fg.r);
            CAPTURE(fg.g);
            CAPTURE(bg.r);
            CHECK(contrast(fg, bg) >= 4.5);
            ++checked;
        }
    CHECK(checked == 30);
}

TEST_CASE("theme: former names' dates read in words") {
    CHECK(untilInWords("2020", Lang::Fr) == "jusqu’en 2020");
    CHECK(untilInWords("2020", Lang::En) == "until 2020");
    CHECK(untilInWords("2019-09", Lang::Fr) == "jusqu’en septembre 2019");
    CHECK(untilInWords("2019-09", Lang::En) == "until September 2019");
    CHECK(untilInWords("2018-12-01", Lang::Fr) == "jusqu’au 1er décembre 2018");
    CHECK(untilInWords("2018-12-31", Lang::En) == "until 31 December 2018");
    CHECK(untilInWords("2020-13", Lang::Fr) == "jusqu’à 2020-13");
    CHECK(untilInWords("vers 2015", Lang::En) == "until vers 2015");
    CHECK(untilInWords("", Lang::Fr) == "jusqu’à ");
    CHECK(dayInWords("2026-11-29", Lang::Fr) == "29 novembre 2026");
    CHECK(dayInWords("2026-11-01", Lang::Fr) == "1er novembre 2026");
    CHECK(dayInWords("2026-11-29", Lang::En) == "29 November 2026");
    CHECK(dayInWords("2026-19-29", Lang::En) == "2026-19-29");
    CHECK(dayInWords("2026", Lang::Fr) == "2026");
}
