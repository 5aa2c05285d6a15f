// ui/variants.h — per-académie variants in the explorer: the map shown takes the chosen
// variant's wording, and the switcher lists 30+ variants grouped and filterable.
#pragma once

namespace qfq::ui {

struct Explorer;

// Keeps the actors' own wording (those that have variants), after a new map is set.
void rememberUnvaried(Explorer& ex);
// Makes ex.map's actors show ex.variant's wording (or their own for -1); cheap when nothing
// changed, so it runs every frame and after commands that set ex.variant.
void syncVariant(Explorer& ex);
// The switcher in the top bar: a combo with a filter box, variants under their group.
void drawVariantSwitcher(Explorer& ex);

}  // namespace qfq::ui
