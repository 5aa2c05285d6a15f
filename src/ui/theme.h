// ui/theme.h — the interface's text and background colours, their WCAG contrast, and dates
// in words: plain data and arithmetic (no ImGui), so unit tests check them natively.
//
// Contents
//   1. Colours of the panels' text and backgrounds
//   2. WCAG 2.1 relative luminance and contrast ratio
//   3. Dates in words ("jusqu’en 2020", "until September 2020", "29 novembre 2026")
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "model/map.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. Colours (linear 0..1 sRGB components, as ImGui takes them)
// ---------------------------------------------------------------------------

struct Rgb {
    float r, g, b;
};

namespace theme {
// The page behind the canvas (web/style.css) and ImGui's light window background, drawn at
// kWindowAlpha over the map: a panel's background is at worst their blend.
inline constexpr Rgb kPage{0.969f, 0.973f, 0.980f};
inline constexpr Rgb kWindow{0.94f, 0.94f, 0.94f};
inline constexpr float kWindowAlpha = 0.96f;
inline constexpr Rgb kHeader{0.68f, 0.80f, 0.96f};  // a hovered or selected row (worst case)
// Text on those backgrounds.
inline constexpr Rgb kText{0.0f, 0.0f, 0.0f};
inline constexpr Rgb kMuted{0.33f, 0.33f, 0.33f};  // secondary text (ImGuiCol_TextDisabled)
inline constexpr Rgb kSure{0.03f, 0.33f, 0.12f};   // "Fiabilité : sûr"
inline constexpr Rgb kUnsure{0.52f, 0.22f, 0.0f};  // "Fiabilité : incertain"
inline constexpr Rgb kTerm{0.10f, 0.25f, 0.50f};   // glossary terms
inline constexpr Rgb kLink{0.05f, 0.28f, 0.62f};   // source and site addresses
// Every text colour above, for the contrast check.
inline constexpr Rgb kTexts[] = {kText, kMuted, kSure, kUnsure, kTerm, kLink};
}  // namespace theme

// ---------------------------------------------------------------------------
// 2. WCAG 2.1 contrast
// ---------------------------------------------------------------------------

inline double channel(float c) {
    return c <= 0.04045f ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
inline double luminance(Rgb c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
// (L1 + 0.05) / (L2 + 0.05), the lighter first: 1 (same) … 21 (black on white).
inline double contrast(Rgb a, Rgb b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}
inline Rgb over(Rgb fg, float alpha, Rgb bg) {
    return {fg.r * alpha + bg.r * (1 - alpha), fg.g * alpha + bg.g * (1 - alpha),
            fg.b * alpha + bg.b * (1 - alpha)};
}

// ---------------------------------------------------------------------------
// 3. Dates in words
// ---------------------------------------------------------------------------

// "2020" → "jusqu’en 2020" / "until 2020"; "2020-09" → "jusqu’en septembre 2020" /
// "until September 2020"; "2020-09-01" → "jusqu’au 1er septembre 2020" / "until
// 1 September 2020". Anything else is kept as written after "jusqu’à" / "until".
inline std::string untilInWords(std::string_view date, Lang lang) {
    static const char* fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    static const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
    const bool isFr = lang == Lang::Fr;
    auto digits = [&](size_t from, size_t n) {
        if (date.size() < from + n) return -1;
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (date[i] < '0' || date[i] > '9') return -1;
            v = v * 10 + (date[i] - '0');
        }
        return v;
    };
    const int year = digits(0, 4);
    const int month = date.size() >= 7 && date[4] == '-' ? digits(5, 2) : -1;
    const int day = date.size() == 10 && date[7] == '-' ? digits(8, 2) : -1;
    const std::string y = std::to_string(year);
    if (year >= 0 && date.size() == 4) return (isFr ? "jusqu’en " : "until ") + y;
    if (year >= 0 && month >= 1 && month <= 12 && date.size() == 7)
        return isFr ? "jusqu’en " + std::string(fr[month - 1]) + " " + y
                    : "until " + std::string(en[month - 1]) + " " + y;
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31)
        return isFr ? "jusqu’au " + (day == 1 ? std::string("1er") : std::to_string(day)) + " " +
                          fr[month - 1] + " " + y
                    : "until " + std::to_string(day) + " " + en[month - 1] + " " + y;
    return (isFr ? "jusqu’à " : "until ") + std::string(date);
}

// "2026-11-29" → "29 novembre 2026" / "29 November 2026" (1er for the first); anything else
// as written.
inline std::string dayInWords(std::string_view date, Lang lang) {
    std::string u = untilInWords(date, lang);
    const std::string fr = "jusqu’au ", en = "until ";
    if (date.size() != 10) return std::string(date);
    if (lang == Lang::Fr && u.compare(0, fr.size(), fr) == 0) return u.substr(fr.size());
    if (lang == Lang::En && u.compare(0, en.size(), en) == 0 && u.find('-') == std::string::npos)
        return u.substr(en.size());
    return std::string(date);
}

}  // namespace qfq::ui
