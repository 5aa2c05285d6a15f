// model/map.h — the resolved map: plain data, no I/O.
//
// Contents
//   1. Localised text, sources, categories
//   2. Actors, relations, glossary, territories (and their offices), tours
//   3. Map (flat arrays + id lookup)
//   4. Variants applied (an actor as one académie words it)
//
// A Map is what the loader (io/) returns after `extends` is resolved and every reference
// is checked: indices, not ids, link actors to levels, kinds and relations, so layout and
// query code walks contiguous arrays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qfq {

// ---------------------------------------------------------------------------
// 1. Localised text, sources, categories
// ---------------------------------------------------------------------------

enum class Lang : uint8_t { Fr, En };

struct Text {
    std::string fr, en;
    // The wanted language, else the other one, else "".
    const std::string& get(Lang lang) const {
        const std::string& wanted = lang == Lang::Fr ? fr : en;
        return wanted.empty() ? (lang == Lang::Fr ? en : fr) : wanted;
    }
    bool empty() const { return fr.empty() && en.empty(); }
};

struct Source {
    std::string url, verified, title;
};

enum class Confidence : uint8_t { Sure, Unsure };
enum class Dash : uint8_t { Solid, Dashed, Dotted };

// A level, an actor kind or a relation kind, as declared by the map.
struct Category {
    std::string id;
    Text label;
    uint32_t colour = 0x808080;  // 0xRRGGBB
    Dash dash = Dash::Solid;     // relation kinds only
    Text verb;                   // relation kinds only: "pilote" / "steers"
};

// ---------------------------------------------------------------------------
// 2. Actors, relations, glossary, territories, tours
// ---------------------------------------------------------------------------

struct FormerName {
    std::string name, until;
    Text expansion;
};

// Per-académie wording of an actor: each field given replaces the actor's own (empty = keep
// the actor's). Texts are already merged over the actor's (a variant giving only {"en": …}
// keeps the French).
struct VariantText {
    std::string variant;  // variant id
    std::string acronym;
    Text name, description;
    std::vector<std::string> aliases;
    std::vector<FormerName> formerNames;
    std::vector<Text> missions;
    std::vector<std::string> topics;
    std::string url;
    std::vector<Source> sources;
    std::optional<Confidence> confidence;
};

struct Actor {
    std::string id, acronym;
    Text name, description;
    std::vector<std::string> aliases;
    std::vector<FormerName> formerNames;
    int level = 0;       // index into Map::levels
    int kind = 0;        // index into Map::actorKinds
    int territory = -1;  // index into Map::territories, -1 = everywhere
    std::vector<Text> missions;
    std::vector<std::string> topics;
    std::string url;
    std::vector<Source> sources;
    Confidence confidence = Confidence::Sure;
    bool pinned = false;
    float x = 0, y = 0;  // pinned position (layout units)
    std::vector<VariantText> variants;

    // Short label: the acronym, else the name.
    const std::string& label(Lang lang) const { return acronym.empty() ? name.get(lang) : acronym; }
};

struct Relation {
    std::string id;
    uint32_t from = 0, to = 0;  // indices into Map::actors
    int kind = 0;               // index into Map::relationKinds
    bool directed = true;
    Text description;
    std::vector<Source> sources;
    Confidence confidence = Confidence::Sure;
};

struct GlossaryEntry {
    std::string term;
    Text expansion, definition;
    std::vector<Source> sources;
    std::vector<uint32_t> see;  // actor indices
};

// The concrete office of a generic role in one territory: the role is an actor of the map
// without a territory of its own ("dsden", "recteur-academie"), the office is who holds it
// there ("DSDEN du Finistère", with its page). A territory names its offices instead of the
// map drawing one actor per territory: 101 départements add no dot to the national map.
// query::officeFor() walks up the territory tree, so an office named for an académie answers
// for its départements, and an overlay can name offices for its communes the same way.
struct Office {
    uint32_t actor = 0;  // index into Map::actors: the role
    Text name, description;
    std::string url;
    std::vector<Source> sources;
    Confidence confidence = Confidence::Sure;
};

struct Territory {
    std::string id;
    Text name;
    int level = 0;                // index into Map::levels
    int parent = -1;              // index into Map::territories
    std::vector<Office> offices;  // at most one per role (the keys of a JSON object)
};

struct Variant {
    std::string id;
    Text label;
    Text group;  // e.g. the région académique, for switchers with many entries; may be empty
};

// A topic of the "whom do I contact" vocabulary; Actor::topics holds these ids.
struct Topic {
    std::string id;
    Text label, description;
};

struct TourStep {
    Text title, text;
    std::vector<uint32_t> focus;  // actor indices
    std::vector<uint32_t> path;   // actor indices, may be empty
    float zoom = 0;               // 0 = fit the focus
};

struct Tour {
    std::string id;
    Text title;
    std::vector<TourStep> steps;
};

struct Maintainer {
    std::string name, url, email;
};

// ---------------------------------------------------------------------------
// 3. Map
// ---------------------------------------------------------------------------

struct Map {
    std::string schema, id, language, licence, updated;
    std::vector<std::string> extendsChain;  // ids/URLs of the bases, nearest first
    Text title, description;
    std::vector<Maintainer> maintainers;

    std::vector<Category> levels, actorKinds, relationKinds;
    std::vector<Variant> variants;
    std::vector<Topic> topics;
    std::vector<Territory> territories;
    std::vector<Actor> actors;
    std::vector<Relation> relations;
    std::vector<GlossaryEntry> glossary;
    std::vector<Tour> tours;

    // id → index; rebuilt by reindex() after the arrays change.
    std::unordered_map<std::string, uint32_t> actorIndex;

    void reindex() {
        actorIndex.clear();
        actorIndex.reserve(actors.size());
        for (uint32_t i = 0; i < actors.size(); ++i) actorIndex.emplace(actors[i].id, i);
    }
    // Index of the actor with this id, or -1.
    long findActor(std::string_view actorId) const {
        auto it = actorIndex.find(std::string(actorId));
        return it == actorIndex.end() ? -1 : long(it->second);
    }
    static int findCategory(const std::vector<Category>& list, std::string_view id) {
        for (size_t i = 0; i < list.size(); ++i)
            if (list[i].id == id) return int(i);
        return -1;
    }
};

// ---------------------------------------------------------------------------
// 4. Variants applied
// ---------------------------------------------------------------------------

// The wording of variant `variantId` for this actor, or nullptr when it has none.
inline const VariantText* findVariant(const Actor& actor, std::string_view variantId) {
    for (const VariantText& v : actor.variants)
        if (v.variant == variantId) return &v;
    return nullptr;
}

// The actor as variant `variantId` words it: each field the variant gives replaces the
// actor's; structure (id, level, kind, territory, position, variants) is kept, so a map whose
// actors are replaced this way keeps every index, layout and relation valid.
inline Actor withVariant(const Actor& actor, std::string_view variantId) {
    Actor out = actor;
    const VariantText* v = findVariant(actor, variantId);
    if (!v) return out;
    if (!v->acronym.empty()) out.acronym = v->acronym;
    if (!v->name.empty()) out.name = v->name;
    if (!v->description.empty()) out.description = v->description;
    if (!v->aliases.empty()) out.aliases = v->aliases;
    if (!v->formerNames.empty()) out.formerNames = v->formerNames;
    if (!v->missions.empty()) out.missions = v->missions;
    if (!v->topics.empty()) out.topics = v->topics;
    if (!v->url.empty()) out.url = v->url;
    if (!v->sources.empty()) out.sources = v->sources;
    if (v->confidence) out.confidence = *v->confidence;
    return out;
}

}  // namespace qfq
