// tests/unit/test_io_fixture.h — shared by test_io.cpp and test_io_overlay.cpp: a small map that
// uses every feature, an in-memory fetch, and helpers to look for a problem.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "io/load.h"

using nlohmann::json;
using qfq::Lang;
using qfq::io::Document;
using qfq::io::LoadResult;
using qfq::io::Problem;

// ---------------------------------------------------------------------------
// 1. Fixtures
// ---------------------------------------------------------------------------

inline json baseMap() {
    return json::parse(R"({
  "schema": "qfq-map/1", "id": "base", "title": {"fr": "Base", "en": "Base"}, "language": "fr",
  "licence": "CC-BY-4.0", "maintainers": [{"name": "Équipe", "url": "https://example.org", "email": "a@b.fr"}],
  "updated": "2026-11-29", "description": "Une carte de test.",
  "levels": [
    {"id": "national", "label": {"fr": "National", "en": "National"}, "colour": "#1f4e79"},
    {"id": "academie", "label": "Académie", "colour": "#2E75B6"},
    {"id": "etablissement", "label": "Établissement", "colour": "#7f6000"}],
  "actorKinds": [{"id": "etat", "label": {"fr": "État", "en": "State"}, "colour": "#2e75b6"},
                 {"id": "collectivite", "label": "Collectivité", "colour": "#548235"}],
  "relationKinds": [{"id": "pilote", "label": "pilote", "colour": "#c00000", "verb": {"fr": "pilote", "en": "steers"}},
                    {"id": "partenaire", "label": "partenaire", "colour": "#808080", "dash": "dashed"}],
  "variants": [{"id": "toulouse", "label": "Académie de Toulouse"}, {"id": "montpellier", "label": "Académie de Montpellier"}],
  "territories": [
    {"id": "france", "name": "France", "level": "national"},
    {"id": "toulouse", "name": "Académie de Toulouse", "level": "academie", "parent": "france"}],
  "actors": [
    {"id": "dne", "acronym": "DNE", "name": {"fr": "Direction du numérique pour l'éducation", "en": "Digital Education Directorate"},
     "aliases": ["la DNE"], "formerNames": [{"name": "DNE-old", "expansion": "Ancienne", "until": "2019"}],
     "level": "national", "kind": "etat", "description": "Pilote le numérique.", "missions": ["Piloter", {"en": "Steer"}],
     "topics": ["ent", "equipment"], "url": "https://www.education.gouv.fr/",
     "sources": [{"url": "https://www.education.gouv.fr/dne", "verified": "2026-11-29", "title": "Page DNE"}],
     "position": {"x": -120.5, "y": 40}, "x-note": "kept and ignored"},
    {"id": "drane", "acronym": "DRANE", "name": "Délégation régionale académique au numérique éducatif",
     "level": "academie", "kind": "etat", "territory": "toulouse", "confidence": "unsure",
     "sources": [{"url": "https://www.ac-toulouse.fr/drane", "verified": "2026-01-15"}],
     "variants": {"toulouse": {"name": "DRANE Toulouse", "url": "https://drane.ac-toulouse.fr"},
                  "montpellier": {"description": "Site de Montpellier"}}},
    {"id": "college", "name": "Collège", "level": "etablissement", "kind": "collectivite",
     "sources": [{"url": "https://example.org/college", "verified": "2026-11-29"}]}],
  "relations": [
    {"from": "dne", "to": "drane", "kind": "pilote", "sources": [{"url": "https://example.org/r", "verified": "2026-11-29"}]},
    {"id": "drane-college", "from": "drane", "to": "college", "kind": "partenaire", "directed": false,
     "description": "Accompagne.", "confidence": "unsure"}],
  "glossary": [{"term": "ENT", "expansion": "Espace numérique de travail", "definition": "Portail.", "see": ["dne", "college"]}],
  "tours": [{"id": "decouverte", "title": "Découverte", "steps": [
    {"title": "Le national", "text": "La DNE pilote.", "focus": ["dne"], "path": ["dne", "drane"], "zoom": 1.5},
    {"title": "Le terrain", "text": "Le collège.", "focus": ["college", "drane"]}]}]
})");
}

// "x12": built by appending, as `"x" + std::to_string(12)` trips GCC 12's bogus -Wrestrict
// (GCC bug 105329) once inlined.
inline std::string numbered(const char* prefix, long long i) {
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}

inline json minimalOverlay(const std::string& extends) {
    return {{"schema", "qfq-map/1"},   {"id", "overlay"},        {"title", "Surcouche"},
            {"language", "fr"},        {"licence", "CC-BY-4.0"}, {"maintainers", {{{"name", "X"}}}},
            {"updated", "2026-11-30"}, {"extends", extends},     {"actors", json::array()}};
}

inline json actor(const std::string& id, const std::string& level = "national") {
    return {{"id", id},
            {"name", "Acteur " + id},
            {"level", level},
            {"kind", "etat"},
            {"sources", {{{"url", "https://example.org/" + id}, {"verified", "2026-11-29"}}}}};
}

// Files by name; catalogue ids resolve to "ID.json".
struct Files {
    std::map<std::string, std::string> texts;
    int fetches = 0;

    void put(const std::string& name, const json& doc) { texts[name] = doc.dump(2); }
    LoadResult load(const std::string& name) {
        qfq::io::Fetch fetch = [this](const std::string& ref, const std::string&, Document& out) {
            ++fetches;
            std::string file = ref.find(".json") != std::string::npos ? ref : ref + ".json";
            if (file.rfind("./", 0) == 0) file = file.substr(2);
            auto it = texts.find(file);
            if (it == texts.end()) return false;
            out = {file, it->second};
            return true;
        };
        return qfq::io::loadMap({name, texts.at(name)}, fetch);
    }
};

inline LoadResult loadText(const std::string& text, const std::string& name = "test.json") {
    return qfq::io::loadMap({name, text}, nullptr);
}
inline LoadResult loadJson(const json& doc) {
    return loadText(doc.dump(2));
}

inline std::string dump(const std::vector<Problem>& problems) {
    std::string out;
    for (const Problem& p : problems) out += qfq::io::formatProblem(p, Lang::En) + "\n";
    return out;
}
inline std::string dump(const LoadResult& r) {
    return dump(r.problems);
}

// The first problem at `pointer` whose English message contains `text`, or nullptr.
inline const Problem* find(const LoadResult& r, const std::string& pointer, const std::string& text) {
    for (const Problem& p : r.problems)
        if (p.pointer == pointer && p.message.en.find(text) != std::string::npos) return &p;
    return nullptr;
}

inline size_t errorCount(const LoadResult& r) {
    size_t n = 0;
    for (const Problem& p : r.problems) n += !p.warning;
    return n;
}

// Asserts that `doc` is invalid with a problem at `pointer` mentioning `text`, that the map
// is empty (never half-loaded) and that every problem has both languages.
#define CHECK_PROBLEM(result, pointer, text)                                                             \
    do {                                                                                                 \
        const LoadResult& r_ = (result);                                                                 \
        INFO(dump(r_));                                                                                  \
        CHECK_FALSE(r_.ok);                                                                              \
        CHECK(r_.map.actors.empty());                                                                    \
        CHECK(find(r_, pointer, text) != nullptr);                                                       \
        for (const Problem& p_ : r_.problems) CHECK((!p_.message.fr.empty() && !p_.message.en.empty())); \
    } while (0)
