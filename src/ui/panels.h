// ui/panels.h — the Dear ImGui windows around the map.
#pragma once

#include "model/map.h"

namespace qfq::ui {

struct Explorer;

// Top bar (search, map and variant switchers, language), legend, actor card, glossary,
// filters, load errors, help and notices.
void drawPanels(Explorer& ex);

// The actor's name / description in the current variant (per-académie wording), else
// the map's own.
const Text& actorName(const Explorer& ex, const Actor& actor);
const Text& actorDescription(const Explorer& ex, const Actor& actor);

// "Chemin depuis…": the institutional paths from `from` to `to` (card), highlighted.
void findPath(Explorer& ex, long from, long to);
// "Qui contacter ?": recomputes the answer when the question changed (topic, place, school,
// language, map); highlights its actors.
void updateContact(Explorer& ex);

// Asks the page (JavaScript) to do something outside the wasm: load a map, open a file.
void requestPage(const char* event, const std::string& payload);

}  // namespace qfq::ui
