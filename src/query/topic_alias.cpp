// query/topic_alias.cpp — words to topic ids (see topic_alias.h).
//
// Contents
//   1. The alias table (everyday words for the national base's topic ids)
//   2. resolveTopic

#include "query/topic_alias.h"

#include <utility>

#include "query/search.h"

namespace qfq::query {

namespace {

// ---------------------------------------------------------------------------
// 1. Alias table (folded words → topic id); labels of the map are tried first.
// ---------------------------------------------------------------------------

const std::pair<const char*, const char*> kAliases[] = {{"formation", "training"},
                                                        {"formations", "training"},
                                                        {"former", "training"},
                                                        {"equipement", "equipment"},
                                                        {"equipements", "equipment"},
                                                        {"materiel", "equipment"},
                                                        {"ressources", "resources"},
                                                        {"ressource", "resources"},
                                                        {"reseau", "infrastructure"},
                                                        {"reseaux", "infrastructure"},
                                                        {"infrastructures", "infrastructure"},
                                                        {"donnees", "data-protection"},
                                                        {"rgpd", "data-protection"},
                                                        {"financement", "funding"},
                                                        {"financements", "funding"},
                                                        {"subvention", "funding"},
                                                        {"accompagnement", "support"},
                                                        {"aide", "support"},
                                                        {"certification", "certification"},
                                                        {"pix", "certification"},
                                                        {"identite", "identity"},
                                                        {"authentification", "identity"},
                                                        {"connexion", "identity"},
                                                        {"strategie", "strategy"},
                                                        {"gouvernance", "strategy"},
                                                        {"pilotage", "strategy"},
                                                        {"inclusion", "inclusion"},
                                                        {"handicap", "inclusion"},
                                                        {"parentalite", "parenting"},
                                                        {"parents", "parenting"},
                                                        {"distance", "distance-learning"},
                                                        {"enseignement a distance", "distance-learning"},
                                                        {"espace numerique de travail", "ent"}};

bool hasWord(const std::string& text, const std::string& word) {
    for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
        bool start = p == 0 || text[p - 1] == ' ';
        bool end = p + word.size() == text.size() || text[p + word.size()] == ' ';
        if (start && end) return true;
    }
    return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. resolveTopic
// ---------------------------------------------------------------------------

std::string resolveTopic(const Map& map, std::string_view word) {
    const std::string w = fold(word);
    if (w.empty()) return std::string(word);
    for (const Topic& t : map.topics)
        if (t.id == word || fold(t.id) == w) return t.id;
    // A label that is the word, then one that starts with it, then one that holds it.
    for (int pass = 0; pass < 3; ++pass)
        for (const Topic& t : map.topics)
            for (const std::string* label : {&t.label.fr, &t.label.en}) {
                std::string l = fold(*label);
                if (l.empty()) continue;
                if ((pass == 0 && l == w) || (pass == 1 && l.rfind(w + " ", 0) == 0) ||
                    (pass == 2 && hasWord(l, w)))
                    return t.id;
            }
    for (auto [alias, id] : kAliases)
        if (w == alias)
            for (const Topic& t : map.topics)
                if (t.id == id) return t.id;
    return std::string(word);
}

}  // namespace qfq::query
