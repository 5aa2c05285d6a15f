// ui/panels_internal.h — small widgets shared by the panel files (panels.cpp, the card in
// panels_card.cpp, "Qui contacter ?" in panels_contact.cpp). Not for use outside src/ui.
#pragma once

#include <string>

#include "imgui.h"
#include "ui/explorer.h"
#include "ui/strings.h"

namespace qfq::ui {

inline const char* T(const Explorer& ex, S s) {
    return tr(s, ex.lang);
}

// Records the last item's rectangle under `name` (see Explorer::widgets).
void track(Explorer& ex, const std::string& name);
// Records a rectangle under `name`.
void trackRect(Explorer& ex, const std::string& name, ImVec2 a, ImVec2 b);

ImVec4 colourOf(uint32_t rgb);
void swatch(uint32_t rgb, bool ring = false, float dy = 0);
void lineSample(const Category& kind);

// Text that wraps at the window's edge (muted: the secondary-text colour).
void wrapped(const std::string& s);
void mutedWrapped(const std::string& s);
// A clickable row whose text wraps instead of running past the window's edge; at least
// `minHeight` tall (touch targets). Returns true when clicked.
bool wrappedSelectable(const char* id, const std::string& text, bool selected, float minHeight = 0,
                       ImU32 colour = 0);
// A clickable actor reference (wraps): selects it and flies there.
void actorLink(Explorer& ex, uint32_t a, const char* idSuffix, const char* prefix = nullptr);

// The minimum height of a touch target on a phone (CSS px), 0 elsewhere.
float touchHeight(const Explorer& ex);

// Notes how far the last item reaches to the right (the card checks its text fits).
void noteExtent(Explorer& ex);

// Panels drawn from the other files.
void card(Explorer& ex);
void contactPanel(Explorer& ex);

}  // namespace qfq::ui
