// layout/labels.cpp — label metrics and wrapping (see labels.h).
//
// Contents
//   1. Glyph metrics
//   2. Wrapping and ellipsis
//   3. Boxes
//   4. Placement
#include "layout/labels.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qfq::layout {

namespace {

struct AdvanceRange {
    uint32_t first, count, offset;
};
#include "layout/dejavu_advances.inc"

// Decodes one code point at s[i] (advancing i); invalid bytes count as U+FFFD.
uint32_t nextCodePoint(std::string_view s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    uint32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Glyph metrics
// ---------------------------------------------------------------------------

// The font's range holding cp, or null: the font (and the app's atlas) has no glyph for it.
static const AdvanceRange* rangeOf(uint32_t cp) {
    for (const AdvanceRange& r : kAdvanceRanges)
        if (cp >= r.first && cp < r.first + r.count) return &r;
    return nullptr;
}

float advanceEm(uint32_t cp) {
    const AdvanceRange* r = rangeOf(cp);
    return r ? float(kAdvances[r->offset + cp - r->first]) / 2048.0f : 1.0f;
}

float textWidthEm(std::string_view s) {
    float w = 0;
    for (size_t i = 0; i < s.size();) w += advanceEm(nextCodePoint(s, i));
    return w;
}

float lineHeightEm() {
    return kAscentEm + kDescentEm + kLineGapEm;
}

// ---------------------------------------------------------------------------
// 2. Wrapping and ellipsis
// ---------------------------------------------------------------------------

namespace {

// The longest prefix of `s` (whole code points) no wider than maxEm.
size_t fitPrefix(std::string_view s, float maxEm) {
    float w = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        float a = advanceEm(nextCodePoint(s, j));
        if (w + a > maxEm) break;
        w += a;
        i = j;
    }
    return i;
}

}  // namespace

LabelText wrapLabel(std::string_view text, size_t boldBytes, float maxEm) {
    LabelText out;
    // Collapse runs of white space (names come from people's files).
    std::string clean;
    clean.reserve(text.size());
    size_t boldClean = 0;
    // A code point the map's font has no glyph for (emoji, other scripts) is left out:
    // drawn, it would be a "?" box, and the label is measured as drawn.
    for (size_t i = 0; i < text.size();) {
        const size_t at = i;
        const uint32_t cp = nextCodePoint(text, i);
        const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
        if (space) {
            if (!clean.empty() && clean.back() != ' ') clean += ' ';
        } else if (rangeOf(cp)) {  // invalid bytes (U+FFFD) are left out too
            clean.append(text.substr(at, i - at));
        }
        if (at < boldBytes && i >= boldBytes) boldClean = clean.size();
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    if (boldClean > clean.size()) boldClean = clean.size();
    if (clean.empty()) return out;

    std::string_view rest = clean;
    const float ell = advanceEm(0x2026);
    for (int line = 0; line < 2 && !rest.empty(); ++line) {
        const bool last = line == 1;
        std::string_view take;
        if (textWidthEm(rest) <= maxEm) {
            take = rest;
            rest = {};
        } else {
            size_t fit = fitPrefix(rest, maxEm);
            size_t cut = rest.substr(0, fit + 1).rfind(' ');  // break at the last space that fits
            if (last || cut == std::string_view::npos || cut == 0) {
                if (last) {
                    // Ellipsis: as much as fits with "…" after it.
                    size_t f = fitPrefix(rest, maxEm - ell);
                    while (f > 0 && rest[f - 1] == ' ') --f;
                    out.lines[line] = std::string(rest.substr(0, f)) + "\u2026";
                    out.count = line + 1;
                    rest = {};
                    break;
                }
                take = rest.substr(0, fit == 0 ? 1 : fit);  // hard break inside a long word
                rest = rest.substr(take.size());
            } else {
                take = rest.substr(0, cut);
                rest = rest.substr(cut + 1);
            }
        }
        out.lines[line] = std::string(take);
        out.count = line + 1;
    }
    out.boldBytes = std::min(boldClean, out.lines[0].size());
    for (int l = 0; l < out.count; ++l) {
        float w = textWidthEm(out.lines[l]) + (l == 0 && out.boldBytes ? kBoldExtraEm : 0.0f);
        out.widthEm = std::max(out.widthEm, w);
    }
    return out;
}

LabelText actorLabel(const Actor& actor, Lang lang, float maxEm) {
    const std::string& name = actor.name.get(lang);
    if (actor.acronym.empty()) return wrapLabel(name, 0, maxEm);
    if (name.empty() || name == actor.acronym) return wrapLabel(actor.acronym, actor.acronym.size(), maxEm);
    // A name that starts with its acronym ("M@gistère (formation continue)", "DRANE – Versailles")
    // is not preceded by it a second time: its first word is the bold one.
    const std::string& a = actor.acronym;
    if (name.size() > a.size() && name.compare(0, a.size(), a) == 0 &&
        (name[a.size()] == ' ' || name[a.size()] == ','))
        return wrapLabel(name, a.size(), maxEm);
    return wrapLabel(a + " " + name, a.size(), maxEm);
}

// ---------------------------------------------------------------------------
// 3. Boxes
// ---------------------------------------------------------------------------

Box labelBox(float cx, float cy, float r, float widthEm, int lines, float size, Side side) {
    const float pad = kPlatePadEm * size, gap = kLabelGapEm * size;
    const float w = widthEm * size + 2 * pad,
                h = float(lines < 1 ? 1 : lines) * lineHeightEm() * size + 2 * pad;
    switch (side) {
        case Side::Right:
            return {cx + r + gap, cy - h * 0.5f, cx + r + gap + w, cy + h * 0.5f};
        case Side::Left:
            return {cx - r - gap - w, cy - h * 0.5f, cx - r - gap, cy + h * 0.5f};
        case Side::Below:
            return {cx - w * 0.5f, cy + r + gap, cx + w * 0.5f, cy + r + gap + h};
        case Side::Above:
        default:
            return {cx - w * 0.5f, cy - r - gap - h, cx + w * 0.5f, cy - r - gap};
    }
}

// ---------------------------------------------------------------------------
// 4. Placement
// ---------------------------------------------------------------------------

bool segmentHitsBox(float px, float py, float qx, float qy, const Box& b, float inset) {
    const float x0 = b.x0 + inset, y0 = b.y0 + inset, x1 = b.x1 - inset, y1 = b.y1 - inset;
    if (x1 <= x0 || y1 <= y0) return false;
    float t0 = 0, t1 = 1;
    const float dx = qx - px, dy = qy - py;
    const float pp[4] = {-dx, dx, -dy, dy}, qq[4] = {px - x0, x1 - px, py - y0, y1 - py};
    for (int i = 0; i < 4; ++i) {
        if (pp[i] == 0) {
            if (qq[i] < 0) return false;
        } else {
            const float t = qq[i] / pp[i];
            if (pp[i] < 0) {
                if (t > t1) return false;
                t0 = std::max(t0, t);
            } else {
                if (t < t0) return false;
                t1 = std::min(t1, t);
            }
        }
    }
    return t0 < t1;
}

namespace {

// A uniform bucket grid holding item indices, for exact overlap tests in a neighbourhood.
struct Buckets {
    float cell = 48;
    int w = 1, h = 1;
    std::vector<std::vector<uint32_t>> cells;
    void reset(float width, float height) {
        w = std::clamp(int(width / cell) + 1, 1, 2000), h = std::clamp(int(height / cell) + 1, 1, 2000);
        cells.assign(size_t(w) * size_t(h), {});
    }
    template <class F>
    void forBox(float x0, float y0, float x1, float y1, F f) {
        if (!(x1 >= x0 && y1 >= y0)) return;
        const int cx0 = std::clamp(int(std::floor(x0 / cell)), 0, w - 1),
                  cx1 = std::clamp(int(std::floor(x1 / cell)), 0, w - 1);
        const int cy0 = std::clamp(int(std::floor(y0 / cell)), 0, h - 1),
                  cy1 = std::clamp(int(std::floor(y1 / cell)), 0, h - 1);
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx) f(cells[size_t(cy) * size_t(w) + size_t(cx)]);
    }
};

}  // namespace

void placeLabelBoxes(const std::vector<LabelItem>& items, const std::vector<LabelDisc>& discs,
                     const std::vector<LabelSegment>& segments, float width, float height, float reservedSize,
                     size_t maxLabels, std::vector<PlacedBox>& out) {
    out.clear();
    if (!(width > 0 && height > 0)) return;
    Buckets discB, segB, plateB;
    discB.reset(width, height), segB.reset(width, height), plateB.reset(width, height);
    for (uint32_t i = 0; i < discs.size(); ++i) {
        const LabelDisc& d = discs[i];
        discB.forBox(d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r,
                     [&](std::vector<uint32_t>& c) { c.push_back(i); });
    }
    for (uint32_t i = 0; i < segments.size(); ++i) {
        const LabelSegment& s = segments[i];
        segB.forBox(std::min(s.x0, s.x1), std::min(s.y0, s.y1), std::max(s.x0, s.x1), std::max(s.y0, s.y1),
                    [&](std::vector<uint32_t>& c) { c.push_back(i); });
    }
    std::vector<uint32_t> stamp(segments.size() + 1, 0);
    uint32_t epoch = 0;
    for (size_t it = 0; it < items.size() && out.size() < maxLabels; ++it) {
        const LabelItem& item = items[it];
        const bool fits = item.reserved && item.size <= reservedSize * 1.02f;
        bool done = false;
        for (int side = 0; side < 5 && !done; ++side) {
            // Sides 0-3: right, left, below, above; 4: the right box slid inside the picture
            // (a disc at the very edge keeps its label on screen, over its own disc).
            const Side sd = side == 4 ? Side::Right : Side(side);
            Box b = labelBox(item.cx, item.cy, item.r, item.widthEm, item.lines, item.size, sd);
            if (side == 4) {
                const float dx = b.x1 > width - 1 ? width - 1 - b.x1 : b.x0 < 1 ? 1 - b.x0 : 0.0f;
                const float dy = b.y1 > height - 1 ? height - 1 - b.y1 : b.y0 < 1 ? 1 - b.y0 : 0.0f;
                if (dx == 0 && dy == 0 && !item.keep) continue;
                b.x0 += dx, b.x1 += dx, b.y0 += dy, b.y1 += dy;
            }
            if (b.x1 < 0 || b.y1 < 0 || b.x0 > width || b.y0 > height) continue;
            bool free = true;
            plateB.forBox(b.x0, b.y0, b.x1, b.y1, [&](std::vector<uint32_t>& c) {
                for (uint32_t k = 0; k < c.size() && free; ++k)
                    if (out[c[k]].box.overlaps(b, 1.0f)) free = false;
            });
            if (free)
                discB.forBox(b.x0, b.y0, b.x1, b.y1, [&](std::vector<uint32_t>& c) {
                    for (uint32_t k : c) {
                        const LabelDisc& o = discs[k];
                        if (!free || o.id == item.id) continue;
                        const float cx = std::clamp(o.x, b.x0, b.x1), cy = std::clamp(o.y, b.y0, b.y1);
                        if ((cx - o.x) * (cx - o.x) + (cy - o.y) * (cy - o.y) < o.r * o.r) free = false;
                    }
                });
            // The reserved box has no edge in it; anywhere else, check.
            if (free && !(side == 0 && fits)) {
                ++epoch;
                segB.forBox(b.x0, b.y0, b.x1, b.y1, [&](std::vector<uint32_t>& c) {
                    for (uint32_t k : c) {
                        if (!free || stamp[k] == epoch) continue;
                        stamp[k] = epoch;
                        const LabelSegment& s = segments[k];
                        if (s.a == item.id || s.b == item.id) continue;
                        if (segmentHitsBox(s.x0, s.y0, s.x1, s.y1, b, 0.5f)) free = false;
                    }
                });
            }
            if (!free && !(item.keep && side == 4)) continue;
            out.push_back(
                {it, free ? b : labelBox(item.cx, item.cy, item.r, item.widthEm, item.lines, item.size)});
            const uint32_t id = uint32_t(out.size() - 1);
            const Box& pb = out.back().box;
            plateB.forBox(pb.x0, pb.y0, pb.x1, pb.y1, [&](std::vector<uint32_t>& c) { c.push_back(id); });
            done = true;
        }
    }
}

}  // namespace qfq::layout
