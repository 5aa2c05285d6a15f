// ui/view_link.h — the shareable view in a URL fragment, as plain data (no ImGui, no explorer).
//
//   map=occitanie&v=toulouse&sel=drane&focus=drane&depth=2&cam=120.5,-40,1.25&lang=en
//   &present=1&tour=decouverte&step=3&hide=1&sure=1&lv=circonscription&k=association&rk=conseille
//   &ask=ent&where=dep-95&school=college&from=dne
//
// `ask`, `where` and `school` are the "Qui contacter ?" question (topic, territory, kind of
// school: ids); `from` is the actor a path starts from (the card's actor, `sel`, is its end).
// `lv`, `k` and `rk` list the levels / kinds / relation kinds switched off. Reading is
// forgiving: a part that is malformed (no `=`, unknown key, a depth out of 1..6, a camera
// that is not three finite numbers) is skipped and listed, never an error. Ids are not
// checked here: the explorer resolves them against its map (ui/url_state.cpp).
//
// A link written by formatViewLink reads back as the same ViewLink, with nothing skipped.
// The camera keeps six significant digits (as links always did): parseViewLink rounds to
// them, so reading and writing a link again never drifts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"

namespace qfq::ui {

struct ViewCamera {
    float x = 0, y = 0, zoom = 1;  // finite; zoom > 0
    bool operator==(const ViewCamera&) const = default;
};

// What a fragment says; an empty optional means the fragment does not say it.
struct ViewLink {
    std::optional<std::string> map;  // catalogue id or URL; the first `map=` wins
    std::optional<std::string> variant, selected, focused, tour;  // ids, as written
    std::optional<std::string> ask, where, school, pathFrom;      // ids, as written
    std::optional<int> depth;                                     // 1..6
    std::optional<ViewCamera> camera;
    std::optional<Lang> lang;  // `en`, anything else is French
    std::optional<bool> present, hideUnconnected, sureOnly;
    std::optional<int> step;  // 1-based tour step, as written (any int; the tour clamps it)
    // Ids switched off (empty ids dropped); an engaged empty list switches everything on.
    std::optional<std::vector<std::string>> levelsOff, kindsOff, relationKindsOff;
    // Parts that were not understood, as "key=decoded value" or the raw part.
    std::vector<std::string> skipped;

    bool operator==(const ViewLink&) const = default;
};

// Parses a fragment, with or without its leading '#'. Later parts win over earlier ones
// (except `map`); a malformed part leaves the earlier value in place.
ViewLink parseViewLink(std::string_view fragment);

// The fragment (without '#') for `link`: only the parts it holds, values percent-encoded.
// `skipped` is not written.
std::string formatViewLink(const ViewLink& link);

// %XX and '+' decoding of one value (malformed escapes are kept as they are).
std::string percentDecode(std::string_view text);
// Everything but letters, digits and - _ . ~ / : becomes %XX.
std::string percentEncode(std::string_view text);

}  // namespace qfq::ui
