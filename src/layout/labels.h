// layout/labels.h — label metrics and wrapping shared by the layout, the screen and the
// exports, so that the box a layout reserves is the box that gets drawn.
//
// Contents
//   1. Glyph metrics (DejaVu Sans advance widths, generated from the TTF)
//   2. Actor labels: bold acronym + name, wrapped to at most two lines, ellipsised
//   3. Label boxes next to a disc (the geometry every drawer uses)
//   4. Placement: candidate positions, collisions with plates, discs and edges
//
// Widths are in em (multiply by the font size in pixels). Code points outside the font
// atlas (emoji, other scripts) count 1 em: wider than any drawn fallback, so a box is never
// too small for its text on screen (where the atlas draws '?') or in an SVG viewer (where
// an emoji font may draw it).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/map.h"

namespace qfq::layout {

// ---------------------------------------------------------------------------
// 1. Glyph metrics
// ---------------------------------------------------------------------------

float advanceEm(uint32_t codePoint);
float textWidthEm(std::string_view utf8);
// Line pitch (ascent + descent) in em.
float lineHeightEm();
// Extra width of fake bold (the text drawn twice, shifted), in em.
constexpr float kBoldExtraEm = 0.06f;

// ---------------------------------------------------------------------------
// 2. Actor labels
// ---------------------------------------------------------------------------

struct LabelText {
    std::string lines[2];
    int count = 0;         // 1 or 2 (0: empty label)
    size_t boldBytes = 0;  // the first boldBytes bytes of lines[0] are the acronym (bold)
    float widthEm = 0;     // widest line, bold included
};

// Default widest line, in em: long names wrap at this width.
constexpr float kLabelMaxEm = 11.0f;

// Acronym (bold) then name, wrapped on spaces to lines of at most maxEm, two lines at most;
// what does not fit ends in "…". An actor without acronym shows its name alone.
LabelText actorLabel(const Actor& actor, Lang lang, float maxEm = kLabelMaxEm);
// The same for any text (bold prefix of `boldBytes` bytes).
LabelText wrapLabel(std::string_view text, size_t boldBytes, float maxEm = kLabelMaxEm);

// ---------------------------------------------------------------------------
// 3. Label boxes
// ---------------------------------------------------------------------------

// Gap between a disc's rim and its label, and the plate's padding, in em.
constexpr float kLabelGapEm = 0.3f, kPlatePadEm = 0.15f;

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Box& o, float slack = 0) const {
        return x0 < o.x1 - slack && o.x0 < x1 - slack && y0 < o.y1 - slack && o.y0 < y1 - slack;
    }
};

// Where a label goes around a disc: the layout reserves Right; placement tries the others
// when Right is taken (force layout, dragged actors, zoomed views).
enum class Side : uint8_t { Right, Left, Below, Above };

// The label's plate for a disc at (cx, cy) of radius r, text of widthEm × lines at `size`
// pixels per em.
Box labelBox(float cx, float cy, float r, float widthEm, int lines, float size, Side side = Side::Right);

// ---------------------------------------------------------------------------
// 4. Placement (screen and exports)
// ---------------------------------------------------------------------------

// Disc radius of an actor with `degree` relations, layout units (app and exports agree).
inline float discRadius(uint32_t degree) {
    return std::min(7.0f + 2.0f * std::sqrt(float(degree)), 22.0f);
}

struct LabelItem {
    uint32_t id;      // actor
    float cx, cy, r;  // disc, pixels
    float widthEm;    // widest line, bold included
    int lines;
    float size;     // em size, pixels
    bool reserved;  // the layout reserved the Right box at `reservedSize`: no edge runs there
    bool keep;      // keep it even where it collides (the selected actor)
};
struct LabelDisc {
    uint32_t id;
    float x, y, r;
};
struct LabelSegment {
    uint32_t a, b;  // the edge's end actors (their own labels may touch it)
    float x0, y0, x1, y1;
};
struct PlacedBox {
    size_t item;  // index into items
    Box box;
};

// Greedy placement in `items` order (most important first): each label tries Right (where
// the layout reserved room), Left, Below, Above, and is kept at the first position whose
// plate overlaps no placed plate, no other disc, and (outside a reserved box that its text
// fits) no segment; items with `keep` stay Right when nothing is free. Labels entirely
// outside [0, width] × [0, height] are skipped; at most maxLabels are placed.
void placeLabelBoxes(const std::vector<LabelItem>& items, const std::vector<LabelDisc>& discs,
                     const std::vector<LabelSegment>& segments, float width, float height, float reservedSize,
                     size_t maxLabels, std::vector<PlacedBox>& out);

// Does segment p–q cross the box shrunk by `inset` on every side? (Liang–Barsky)
bool segmentHitsBox(float x0, float y0, float x1, float y1, const Box& b, float inset = 1.0f);

}  // namespace qfq::layout
