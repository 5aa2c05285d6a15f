// query/topic_alias.h — the topic a user means by a word: "formation" is `training`,
// "équipement" is `equipment`. Shared by `qfq contact` and the app's "whom do I contact".
//
// Contents
//   1. resolveTopic
#pragma once

#include <string>
#include <string_view>

#include "model/map.h"

namespace qfq::query {

// The id of the map's topic that `word` names: the id itself; else a topic whose label (either
// language) is the word or starts with it, or holds it as a whole word; else a French or English
// everyday word of the small alias table (formation → training, données → data-protection…).
// Accents and case are ignored. Returns `word` unchanged when nothing matches.
std::string resolveTopic(const Map& map, std::string_view word);

}  // namespace qfq::query
