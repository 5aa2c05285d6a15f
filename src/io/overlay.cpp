// io/overlay.cpp — merge a chain of `extends` and resolve ids into the Map's indices.
//
// Contents
//   1. Merged items and where they came from
//   2. Merging: remove, override, append (data/README.md section 7)
//   3. Building the Map: references, territory tree, text and colour conversion
//
// Merging works on the checked JSON (texts already normalised to {fr, en}), so overriding a
// name with {"en": …} keeps the inherited French. Each item remembers the document and pointer
// it came from, and each overridden field the pointer of the override, so that a bad reference
// is reported in the file (and at the line) where the author wrote it.

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "io/internal.h"

namespace qfq::io::detail {

namespace {

// Tolerant accessors: merging and building also run on documents that have errors (so that
// bad references are reported in the same run), so nothing here may assume a checked shape.
const json& get(const json& o, const char* key) {
    static const json kNull;
    if (!o.is_object()) return kNull;
    auto it = o.find(key);
    return it == o.end() ? kNull : *it;
}
std::string str(const json& o, const char* key) {
    const json& v = get(o, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}
const json& arrayAt(const json& o, const char* key) {
    static const json kEmpty = json::array();
    const json& v = get(o, key);
    return v.is_array() ? v : kEmpty;
}
std::vector<std::string> strings(const json& o, const char* key) {
    std::vector<std::string> out;
    for (const json& v : arrayAt(o, key))
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}
double number(const json& o, const char* key) {
    const json& v = get(o, key);
    return v.is_number() ? v.get<double>() : 0.0;
}

// ---------------------------------------------------------------------------
// 1. Merged items
// ---------------------------------------------------------------------------

struct Origin {
    int doc = -1;
    std::string pointer;
};

struct Item {
    json value;
    Origin origin;                         // where the item was declared
    std::map<std::string, Origin> fields;  // fields replaced by an override, and where

    // Where `field` (plus an optional "/sub/path") was written.
    Origin where(const std::string& field, const std::string& sub = "") const {
        auto it = fields.find(field);
        if (it != fields.end()) return {it->second.doc, it->second.pointer + sub};
        return {origin.doc, origin.pointer + "/" + escapeToken(field) + sub};
    }
};

enum ListId {
    Levels,
    ActorKinds,
    RelationKinds,
    Topics,
    Variants,
    Territories,
    Actors,
    Relations,
    Glossary,
    Tours,
    kListCount
};
const char* const kListNames[kListCount] = {"levels",   "actorKinds",  "relationKinds", "topics",
                                            "variants", "territories", "actors",        "relations",
                                            "glossary", "tours"};

// How each list names its items in messages.
struct Noun {
    const char *fr, *en;
};
const Noun kItemNouns[kListCount] = {
    {"le niveau", "level"}, {"le type d'acteur", "actor kind"}, {"le type de relation", "relation kind"},
    {"le thème", "topic"},  {"la variante", "variant"},         {"le territoire", "territory"},
    {"l'acteur", "actor"},  {"la relation", "relation"},        {"l'entrée de glossaire", "glossary entry"},
    {"la visite", "tour"}};
const char* const kDeclaredFr[kListCount] = {
    "niveaux déclarés",    "types déclarés",       "types déclarés",   "thèmes déclarés",
    "variantes déclarées", "territoires déclarés", "acteurs déclarés", "relations déclarées",
    "termes déclarés",     "visites déclarées"};

// The lists `override` reaches (data/README.md section 7).
bool overridable(int list) {
    return list == Actors || list == Relations || list == Glossary || list == Territories;
}

const char* keyField(int list) {
    return list == Glossary ? "term" : "id";
}

struct Merged {
    std::vector<Item> lists[kListCount];
    std::unordered_map<std::string, int> removedActors;  // id → document that removed it

    std::vector<std::string> keys(int list) const {
        std::vector<std::string> out;
        for (const Item& item : lists[list]) out.push_back(str(item.value, keyField(list)));
        return out;
    }
};

std::string qt(const std::string& s) {
    return "\"" + s + "\"";
}
std::string guillemets(const std::string& s) {
    return "« " + s + " »";
}

// ---------------------------------------------------------------------------
// 2. Merging
// ---------------------------------------------------------------------------

// Objects merge key by key (recursively), everything else is replaced.
void mergeValue(json& into, const json& patch) {
    if (into.is_object() && patch.is_object()) {
        for (auto it = patch.begin(); it != patch.end(); ++it) mergeValue(into[it.key()], it.value());
    } else {
        into = patch;
    }
}

class Merger {
public:
    Merger(std::vector<ParsedDoc>& docs, Problems& problems) : docs_(docs), problems_(problems) {}

    Merged run() {
        // Bases first: docs.back() is the root of the chain, docs[0] the leaf.
        for (int d = int(docs_.size()) - 1; d >= 0; --d) {
            json& root = docs_[size_t(d)].root;
            if (get(root, "remove").is_object()) remove(d, get(root, "remove"));
            if (get(root, "override").is_object()) override(d, get(root, "override"));
            for (int list = 0; list < kListCount; ++list) append(d, list, arrayAt(root, kListNames[list]));
        }
        return std::move(m_);
    }

private:
    std::vector<ParsedDoc>& docs_;
    Problems& problems_;
    Merged m_;

    Text missing(int list, const std::string& key, const std::string& verbFr,
                 const std::string& verbEn) const {
        // Suggestions cost an edit distance per candidate: only for problems that will be shown.
        std::string guess = problems_.full() ? "" : closest(key, m_.keys(list));
        return tr("impossible de " + verbFr + " " + kItemNouns[list].fr + " " + guillemets(key) +
                      " : absent de la carte de base" +
                      (guess.empty() ? "" : " (vouliez-vous dire " + guillemets(guess) + " ?)"),
                  "cannot " + verbEn + " " + kItemNouns[list].en + " " + qt(key) + ": not in the base map" +
                      (guess.empty() ? "" : " (did you mean " + qt(guess) + "?)"));
    }

    // Key → position in `list`, rebuilt per call: lookups stay O(1) however long the lists.
    std::unordered_map<std::string, size_t> indexOf(int list) const {
        std::unordered_map<std::string, size_t> index;
        for (size_t i = 0; i < m_.lists[list].size(); ++i)
            index.emplace(str(m_.lists[list][i].value, keyField(list)), i);
        return index;
    }

    void remove(int d, const json& what) {
        // Relations first, so that removing a relation and one of its actors is not an error.
        // Each list is filtered once (not once per removed id): a long `remove` stays linear.
        for (int list : {Relations, Actors, Glossary}) {
            const json& ids = arrayAt(what, kListNames[list]);
            if (ids.empty()) continue;
            std::unordered_map<std::string, size_t> index = indexOf(list);
            std::vector<uint8_t> gone(m_.lists[list].size(), 0);
            std::unordered_set<std::string> goneActors;
            for (size_t i = 0; i < ids.size(); ++i) {
                if (!ids[i].is_string()) continue;
                const std::string& key = ids[i].get_ref<const std::string&>();
                std::string pointer = std::string("/remove/") + kListNames[list] + "/" + std::to_string(i);
                auto at = index.find(key);
                if (at == index.end() || gone[at->second]) {
                    problems_.error(d, pointer, missing(list, key, "retirer", "remove"));
                    continue;
                }
                gone[at->second] = 1;
                // README: removing an actor also removes its relations. Inherited glossary
                // `see` lists and tours skip it too (see buildMap), as they cannot be edited.
                if (list == Actors) m_.removedActors[key] = d, goneActors.insert(key);
            }
            std::vector<Item>& items = m_.lists[list];
            size_t kept = 0;
            for (size_t i = 0; i < items.size(); ++i)
                if (!gone[i]) items[kept++] = std::move(items[i]);
            items.resize(kept);
            if (goneActors.empty()) continue;
            std::vector<Item>& relations = m_.lists[Relations];
            relations.erase(std::remove_if(relations.begin(), relations.end(),
                                           [&](const Item& r) {
                                               return goneActors.count(str(r.value, "from")) ||
                                                      goneActors.count(str(r.value, "to"));
                                           }),
                            relations.end());
        }
    }

    // A localised text: an object whose keys are only "fr" / "en" (plain strings were
    // normalised into one by the checks).
    static bool isText(const json& v) {
        if (!v.is_object() || v.empty()) return false;
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it.key() != "fr" && it.key() != "en") return false;
        return true;
    }

    // An override that gives one language of an inherited two-language text leaves the other
    // on the base's wording: the English view would keep the national name silently.
    void warnOneLanguage(int d, const std::string& pointer, const std::string& field, const json& before,
                         const json& patch) {
        if (!isText(before) || !isText(patch)) return;
        for (const char* other : {"fr", "en"}) {
            if (patch.contains(other) || !before.contains(other)) continue;
            const bool en = std::string_view(other) == "en";
            std::string kept = str(before, other);
            problems_.warn(
                d, pointer,
                tr("« " + field + " » : seul " + (en ? "le français" : "l'anglais") + " est modifié ; " +
                       (en ? "l'anglais" : "le français") + " reste celui de la carte de base (« " + kept +
                       " ») : ajouter « " + other + " » à cet « override »",
                   "\"" + field + "\": only the " + (en ? "French" : "English") + " is changed; the " +
                       (en ? "English" : "French") + " stays the base map's (\"" + kept + "\"): add \"" +
                       other + "\" to this \"override\""));
        }
    }

    void override(int d, const json& what) {
        for (int list : {Actors, Relations, Glossary, Territories}) {
            const json& entries = get(what, kListNames[list]);
            if (!entries.is_object() || entries.empty()) continue;
            std::unordered_map<std::string, size_t> index = indexOf(list);
            for (auto entry = entries.begin(); entry != entries.end(); ++entry) {
                std::string pointer =
                    std::string("/override/") + kListNames[list] + "/" + escapeToken(entry.key());
                auto at = index.find(entry.key());
                if (at == index.end()) {
                    problems_.error(d, pointer, missing(list, entry.key(), "modifier", "override"), true);
                    continue;
                }
                Item& item = m_.lists[list][at->second];
                if (!entry.value().is_object()) continue;
                for (auto field = entry.value().begin(); field != entry.value().end(); ++field) {
                    if (item.value.contains(field.key()))
                        warnOneLanguage(d, pointer + "/" + escapeToken(field.key()), field.key(),
                                        item.value[field.key()], field.value());
                    mergeValue(item.value[field.key()], field.value());
                    item.fields[field.key()] = Origin{d, pointer + "/" + escapeToken(field.key())};
                }
            }
        }
    }

    void append(int d, int list, const json& items) {
        std::unordered_map<std::string, size_t> index;
        for (size_t i = 0; i < m_.lists[list].size(); ++i)
            index.emplace(str(m_.lists[list][i].value, keyField(list)), i);
        const char* name = kListNames[list];
        for (size_t i = 0; i < items.size(); ++i) {
            std::string pointer = std::string("/") + name + "/" + std::to_string(i);
            std::string key = str(items[i], keyField(list));
            if (key.empty()) continue;  // reported by the checks; nothing can refer to it
            auto [it, added] = index.emplace(key, m_.lists[list].size());
            if (!added) {
                const Item& first = m_.lists[list][it->second];
                std::string keyPointer = pointer + "/" + keyField(list);
                if (first.origin.doc == d)
                    problems_.error(
                        d, keyPointer,
                        tr("identifiant " + guillemets(key) +
                               " en double (déjà "
                               "utilisé en " +
                               first.origin.pointer + ")",
                           "duplicate id " + qt(key) + " (already used at " + first.origin.pointer + ")"));
                else if (overridable(list))
                    problems_.error(
                        d, keyPointer,
                        tr(std::string(kItemNouns[list].fr) + " " + guillemets(key) +
                               " existe déjà dans la carte de base " + docs_[size_t(first.origin.doc)].name +
                               " : le modifier par « override » : {\"" + name + "\": {\"" + key +
                               "\": {…}}} (et retirer cette déclaration)",
                           std::string(kItemNouns[list].en) + " " + qt(key) +
                               " already exists in the base map " + docs_[size_t(first.origin.doc)].name +
                               ": change it with \"override\": {\"" + name + "\": {\"" + key +
                               "\": {…}}} (and drop this declaration)"));
                else  // levels, kinds, topics, variants, tours cannot be overridden
                    problems_.error(
                        d, keyPointer,
                        tr(std::string(kItemNouns[list].fr) + " " + guillemets(key) +
                               " existe déjà dans la carte de base " + docs_[size_t(first.origin.doc)].name +
                               " : il est hérité tel quel ; retirer cette déclaration, ou choisir un autre "
                               "identifiant pour en déclarer un nouveau",
                           std::string(kItemNouns[list].en) + " " + qt(key) +
                               " already exists in the base map " + docs_[size_t(first.origin.doc)].name +
                               ": it is inherited as is; drop this declaration, or pick another id to "
                               "declare a new one"));
                continue;
            }
            m_.lists[list].push_back(Item{items[i], Origin{d, pointer}, {}});
        }
    }
};

// ---------------------------------------------------------------------------
// 3. Building the Map
// ---------------------------------------------------------------------------

Text toText(const json& v) {
    Text t;
    if (!v.is_object()) return t;
    t.fr = str(v, "fr");
    t.en = str(v, "en");
    return t;
}

std::vector<Source> toSources(const json& item) {
    std::vector<Source> out;
    for (const json& s : arrayAt(item, "sources"))
        out.push_back({str(s, "url"), str(s, "verified"), str(s, "title")});
    return out;
}

Confidence toConfidence(const json& item) {
    return str(item, "confidence") == "unsure" ? Confidence::Unsure : Confidence::Sure;
}

class Builder {
public:
    Builder(std::vector<ParsedDoc>& docs, Merged& merged, Problems& problems, Map& map)
        : docs_(docs), m_(merged), problems_(problems), map_(map) {
        for (int list = 0; list < kListCount; ++list) {
            keys_[list] = m_.keys(list);
            for (size_t i = 0; i < keys_[list].size(); ++i) index_[list].emplace(keys_[list][i], int(i));
        }
    }

    void run();

private:
    std::vector<ParsedDoc>& docs_;
    Merged& m_;
    Problems& problems_;
    Map& map_;
    std::vector<std::string> keys_[kListCount];
    std::unordered_map<std::string, int> index_[kListCount];

    // Whether a reference to a removed actor, inherited from a base, should be skipped.
    bool removedForBase(const std::string& id, const Origin& at) const {
        auto it = m_.removedActors.find(id);
        return it != m_.removedActors.end() && at.doc > it->second;
    }

    // Index of `id` in `list`, or -1 after reporting at `at`.
    int resolve(int list, const std::string& id, const Origin& at) {
        auto it = index_[list].find(id);
        if (it != index_[list].end()) return it->second;
        std::string guess = problems_.full() ? "" : closest(id, keys_[list]);
        bool removed = list == Actors && m_.removedActors.count(id);
        const Noun& noun = kItemNouns[list];
        std::string fr = std::string(noun.fr) + " " + guillemets(id) + " n'existe pas";
        std::string en = std::string(noun.en) + " " + qt(id) + " does not exist";
        if (removed) {
            fr += " (retiré par « remove »)";
            en += " (removed by \"remove\")";
        } else if (!guess.empty()) {
            fr += " ; vouliez-vous dire " + guillemets(guess) + " ?";
            en += "; did you mean " + qt(guess) + "?";
        }
        // The nearest ids first (an alphabetical head of a long list may stop before them).
        std::vector<std::string> near =
            problems_.full() || keys_[list].size() <= 8 ? keys_[list] : nearest(id, keys_[list], 8);
        std::string count = std::to_string(keys_[list].size());
        fr += std::string(" (") + kDeclaredFr[list] +
              (keys_[list].size() > 8 ? " les plus proches sur " + count : "") + " : " +
              (keys_[list].empty() ? "aucun" : joinList(near)) + ")";
        en += std::string(" (declared") + (keys_[list].size() > 8 ? ", nearest of " + count : "") + ": " +
              (keys_[list].empty() ? std::string("none") : joinList(near)) + ")";
        problems_.error(at.doc, at.pointer, tr(fr, en));
        return -1;
    }

    // `item[field]` as a reference into `list`; -1 if absent or reported.
    int field(const Item& item, const char* name, int list) {
        const json& v = get(item.value, name);
        if (!v.is_string()) return -1;
        return resolve(list, v.get<std::string>(), item.where(name));
    }

    // An array of actor ids; references to actors removed by an overlay are skipped when
    // inherited (the overlay cannot edit them). Sets `skipped` if any was.
    std::vector<uint32_t> actorList(const Item& item, const json& array, const std::string& field,
                                    const std::string& sub, bool* skipped = nullptr) {
        std::vector<uint32_t> out;
        for (size_t i = 0; i < array.size(); ++i) {
            if (!array[i].is_string()) continue;
            const std::string& id = array[i].get_ref<const std::string&>();
            Origin at = item.where(field, sub + "/" + std::to_string(i));
            if (!index_[Actors].count(id) && removedForBase(id, at)) {
                if (skipped) *skipped = true;
                continue;
            }
            int a = resolve(Actors, id, at);
            if (a >= 0) out.push_back(uint32_t(a));
        }
        return out;
    }

    static uint32_t colour(const json& item) {
        std::string hex = str(item, "colour");
        if (hex.size() != 7) return 0x808080;
        return uint32_t(std::strtoul(hex.c_str() + 1, nullptr, 16));
    }

    void categories(int list, std::vector<Category>& out) {
        for (const Item& item : m_.lists[list]) {
            Category c;
            c.id = str(item.value, "id");
            c.label = toText(get(item.value, "label"));
            c.colour = colour(item.value);
            std::string dash = str(item.value, "dash");
            c.dash = dash == "dashed" ? Dash::Dashed : dash == "dotted" ? Dash::Dotted : Dash::Solid;
            c.verb = toText(get(item.value, "verb"));
            out.push_back(std::move(c));
        }
    }

    // Topic ids are checked only if the map declares a vocabulary.
    void topicRefs(const Item& item, const json& holder, const char* field, const std::string& sub) {
        if (keys_[Topics].empty()) return;
        const json& ids = arrayAt(holder, "topics");
        for (size_t i = 0; i < ids.size(); ++i)
            if (ids[i].is_string())
                resolve(Topics, ids[i].get<std::string>(), item.where(field, sub + "/" + std::to_string(i)));
    }

    static Text merged(Text base, const json& patch) {
        Text t = toText(patch);
        if (!t.fr.empty()) base.fr = t.fr;
        if (!t.en.empty()) base.en = t.en;
        return base;
    }

    void territories();
    void offices();
    void actors();
    void relations();
    void glossary();
    void tours();
};

void Builder::territories() {
    for (const Item& item : m_.lists[Territories]) {
        Territory t;
        t.id = str(item.value, "id");
        t.name = toText(get(item.value, "name"));
        t.level = std::max(0, field(item, "level", Levels));
        t.parent = field(item, "parent", Territories);
        map_.territories.push_back(std::move(t));
    }
    // Offices name actors, which are built after territories: resolved in offices().
    // A tree: walking up from any territory must end. Report each cycle once, on the member
    // declared first.
    const std::vector<Territory>& ts = map_.territories;
    for (size_t i = 0; i < ts.size(); ++i) {
        int at = ts[i].parent;
        size_t steps = 0;
        bool smallest = true;
        for (; at >= 0 && size_t(at) != i && steps <= ts.size(); at = ts[size_t(at)].parent, ++steps)
            smallest = smallest && size_t(at) > i;
        if (at >= 0 && size_t(at) == i && smallest) {
            std::string cycle = ts[i].id;
            for (int k = ts[i].parent; k >= 0 && size_t(k) != i; k = ts[size_t(k)].parent)
                cycle += " → " + ts[size_t(k)].id;
            cycle += " → " + ts[i].id;
            Origin where = m_.lists[Territories][i].where("parent");
            problems_.error(
                where.doc, where.pointer,
                tr("les territoires forment une boucle : " + cycle, "territories form a cycle: " + cycle));
        }
    }
}

void Builder::actors() {
    for (const Item& item : m_.lists[Actors]) {
        const json& v = item.value;
        Actor a;
        a.id = str(v, "id");
        a.acronym = str(v, "acronym");
        a.name = toText(get(v, "name"));
        a.description = toText(get(v, "description"));
        a.aliases = strings(v, "aliases");
        for (const json& n : arrayAt(v, "formerNames"))
            a.formerNames.push_back({str(n, "name"), str(n, "until"), toText(get(n, "expansion"))});
        a.level = std::max(0, field(item, "level", Levels));
        a.kind = std::max(0, field(item, "kind", ActorKinds));
        a.territory = field(item, "territory", Territories);
        for (const json& m : arrayAt(v, "missions")) a.missions.push_back(toText(m));
        a.topics = strings(v, "topics");
        topicRefs(item, v, "topics", "");
        a.url = str(v, "url");
        a.sources = toSources(v);
        a.confidence = toConfidence(v);
        if (const json& position = get(v, "position"); position.is_object()) {
            if (!get(position, "x").is_number() || !get(position, "y").is_number()) {
                Origin at = item.where("position");
                problems_.error(at.doc, at.pointer,
                                tr("la position a besoin de x et de y", "the position needs both x and y"));
            }
            a.pinned = true;
            a.x = float(number(position, "x"));
            a.y = float(number(position, "y"));
        }
        if (const json& variants = get(v, "variants"); variants.is_object()) {
            for (auto var = variants.begin(); var != variants.end(); ++var) {
                if (var.key().rfind("x-", 0) == 0) continue;
                std::string sub = '/' + escapeToken(var.key());
                Origin at = item.where("variants", sub);
                if (resolve(Variants, var.key(), at) < 0) continue;
                // Texts merge key by key over the actor's own (README section 4): a variant
                // that only gives {"en": …} keeps the actor's French.
                VariantText t;
                t.variant = var.key();
                t.acronym = str(*var, "acronym");
                if (get(*var, "name").is_object()) t.name = merged(a.name, get(*var, "name"));
                if (get(*var, "description").is_object())
                    t.description = merged(a.description, get(*var, "description"));
                t.aliases = strings(*var, "aliases");
                for (const json& n : arrayAt(*var, "formerNames"))
                    t.formerNames.push_back({str(n, "name"), str(n, "until"), toText(get(n, "expansion"))});
                for (const json& m : arrayAt(*var, "missions")) t.missions.push_back(toText(m));
                t.topics = strings(*var, "topics");
                t.url = str(*var, "url");
                t.sources = toSources(*var);
                if (get(*var, "confidence").is_string()) t.confidence = toConfidence(*var);
                topicRefs(item, *var, "variants", sub + "/topics");
                a.variants.push_back(std::move(t));
            }
        }
        map_.actors.push_back(std::move(a));
    }
    map_.reindex();
}

// A territory's `offices` keys are actor ids (the roles). Sorted by actor index, so that
// officeFor() reads the same whatever order the JSON object had.
void Builder::offices() {
    for (size_t t = 0; t < map_.territories.size(); ++t) {
        const Item& item = m_.lists[Territories][t];
        const json& offices = get(item.value, "offices");
        if (!offices.is_object()) continue;
        std::vector<Office>& out = map_.territories[t].offices;
        for (auto it = offices.begin(); it != offices.end(); ++it) {
            // Built by appending: "/" + escapeToken(…) trips GCC 12's bogus -Wrestrict (bug 105329).
            std::string sub = "/";
            sub += escapeToken(it.key());
            Origin at = item.where("offices", sub);
            // An inherited office of an actor an overlay removed goes with the actor.
            if (!index_[Actors].count(it.key()) && removedForBase(it.key(), at)) continue;
            int a = resolve(Actors, it.key(), at);
            if (a < 0) continue;
            const json& v = it.value();
            Office o;
            o.actor = uint32_t(a);
            o.name = toText(get(v, "name"));
            o.description = toText(get(v, "description"));
            o.url = str(v, "url");
            o.sources = toSources(v);
            o.confidence = toConfidence(v);
            out.push_back(std::move(o));
        }
        std::sort(out.begin(), out.end(), [](const Office& x, const Office& y) { return x.actor < y.actor; });
    }
}

void Builder::relations() {
    for (const Item& item : m_.lists[Relations]) {
        const json& v = item.value;
        Relation r;
        r.id = str(v, "id");
        int from = field(item, "from", Actors), to = field(item, "to", Actors);
        r.from = uint32_t(std::max(0, from));
        r.to = uint32_t(std::max(0, to));
        r.kind = std::max(0, field(item, "kind", RelationKinds));
        r.directed = get(v, "directed") != false;
        r.description = toText(get(v, "description"));
        r.sources = toSources(v);
        r.confidence = toConfidence(v);
        if (from >= 0 && from == to) {
            Origin at = item.where("to");
            problems_.warn(at.doc, at.pointer,
                           tr("la relation relie l'acteur " + guillemets(str(v, "from")) + " à lui-même",
                              "the relation joins actor " + qt(str(v, "from")) + " to itself"));
        }
        map_.relations.push_back(std::move(r));
    }
}

void Builder::glossary() {
    for (const Item& item : m_.lists[Glossary]) {
        const json& v = item.value;
        GlossaryEntry g;
        g.term = str(v, "term");
        g.expansion = toText(get(v, "expansion"));
        g.definition = toText(get(v, "definition"));
        g.sources = toSources(v);
        g.see = actorList(item, arrayAt(v, "see"), "see", "");
        g.confidence = toConfidence(v);
        map_.glossary.push_back(std::move(g));
    }
}

void Builder::tours() {
    for (const Item& item : m_.lists[Tours]) {
        const json& v = item.value;
        Tour t;
        t.id = str(v, "id");
        t.title = toText(get(v, "title"));
        const json& steps = arrayAt(v, "steps");
        for (size_t i = 0; i < steps.size(); ++i) {
            const json& s = steps[i];
            std::string sub = '/' + std::to_string(i);
            TourStep step;
            step.title = toText(get(s, "title"));
            step.text = toText(get(s, "text"));
            step.focus = actorList(item, arrayAt(s, "focus"), "steps", sub + "/focus");
            bool skipped = false;
            step.path = actorList(item, arrayAt(s, "path"), "steps", sub + "/path", &skipped);
            if (skipped || step.path.size() != 2) step.path.clear();
            step.zoom = float(number(s, "zoom"));
            t.steps.push_back(std::move(step));
        }
        map_.tours.push_back(std::move(t));
    }
}

void Builder::run() {
    const json& leaf = docs_[0].root;
    map_.schema = str(leaf, "schema");
    map_.id = str(leaf, "id");
    map_.language = str(leaf, "language");
    map_.licence = str(leaf, "licence");
    map_.updated = str(leaf, "updated");
    map_.title = toText(get(leaf, "title"));
    map_.description = toText(get(leaf, "description"));
    for (size_t d = 0; d + 1 < docs_.size(); ++d) map_.extendsChain.push_back(str(docs_[d].root, "extends"));
    for (const json& m : arrayAt(leaf, "maintainers"))
        map_.maintainers.push_back({str(m, "name"), str(m, "url"), str(m, "email")});

    // The nearest map of the chain that declares thresholds gives all of them: an overlay
    // that states its own does not silently inherit half of its base's.
    for (const ParsedDoc& d : docs_) {
        const json& a = get(d.root, "audit");
        if (!a.is_object()) continue;
        AuditThresholds& t = map_.audit;
        if (get(a, "maxHomepageShare").is_number())
            t.maxHomepageShare = get(a, "maxHomepageShare").get<double>();
        auto whole = [&](const char* key, long& out) {
            if (get(a, key).is_number()) out = long(get(a, key).get<double>());
        };
        whole("maxUnsourced", t.maxUnsourced);
        whole("maxUnrelatedClaimsPerUrl", t.maxUnrelatedClaimsPerUrl);
        whole("maxAgeDays", t.maxAgeDays);
        whole("maxStaleSources", t.maxStaleSources);
        whole("maxFutureDates", t.maxFutureDates);
        whole("maxMalformedUrls", t.maxMalformedUrls);
        break;
    }

    categories(Levels, map_.levels);
    categories(ActorKinds, map_.actorKinds);
    categories(RelationKinds, map_.relationKinds);
    for (const Item& item : m_.lists[Variants])
        map_.variants.push_back(
            {str(item.value, "id"), toText(get(item.value, "label")), toText(get(item.value, "group"))});
    for (const Item& item : m_.lists[Topics])
        map_.topics.push_back({str(item.value, "id"), toText(get(item.value, "label")),
                               toText(get(item.value, "description"))});
    territories();
    actors();
    offices();
    relations();
    glossary();
    tours();
}

}  // namespace

bool buildMap(std::vector<ParsedDoc>& docs, Problems& problems, Map& out) {
    // Merge problems (unknown override targets, duplicate ids) leave the merged lists
    // consistent, so the build still runs and reports bad references too.
    size_t before = problems.errors;
    Merged merged = Merger(docs, problems).run();
    // Each file is within the limits; a chain of 16 could still add up to 16 times more.
    for (auto [list, limit] : {std::pair{Actors, Limits::kActors}, std::pair{Relations, Limits::kRelations},
                               std::pair{Glossary, Limits::kGlossary}}) {
        const size_t n = merged.lists[list].size();
        if (n <= limit) continue;
        problems.error(0, std::string("/") + kListNames[list],
                       tr("trop d'éléments une fois les cartes de base fusionnées (" + std::to_string(n) +
                              ", limite " + std::to_string(limit) + ")",
                          "too many items once the base maps are merged (" + std::to_string(n) + ", limit " +
                              std::to_string(limit) + ")"));
        return false;
    }
    Builder(docs, merged, problems, out).run();
    return problems.errors == before;
}

}  // namespace qfq::io::detail
