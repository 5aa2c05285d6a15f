// app/text_view.h — the map as JSON for the page's accessible text view (web/textview.js).
#pragma once

#include <cstddef>
#include <string>

namespace qfq::ui {
struct Explorer;
}

namespace qfq::app {

// Levels with their actors (each with the card's contents: names, kind, territory,
// description, missions, relations by kind, sources), the glossary and the contact form's
// choices, in the explorer's language and variant. At most `maxActors` actors.
std::string textViewJson(const ui::Explorer& ex, size_t maxActors);

// The "whom do I contact?" answer for a topic id and a territory id ("" = the whole map).
std::string contactJson(const ui::Explorer& ex, const std::string& topic, const std::string& territory);

}  // namespace qfq::app
