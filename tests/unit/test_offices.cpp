// tests/unit/test_offices.cpp — role × territory → office (data/README.md section 3), variant
// groups and full per-variant wording, and "whom do I contact" naming the concrete office.
//
// Contents
//   1. Loading offices: resolved, sorted, checked (unknown role, no source), written back
//   2. Overlays: override.territories names offices; re-declaring a base territory is refused
//   3. officeFor walks up the tree; contact() carries the office
//   4. Variants: group, acronym, url, sources, confidence; withVariant()
//   5. The shipped national map: every académie a variant, every département answerable
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "query/query.h"
#include "query/search.h"
#include "test_io_fixture.h"

using qfq::Confidence;
using qfq::Map;
using qfq::Office;

namespace {

// A base with a France → académie → two départements tree and offices at two levels.
json officeMap() {
    json m = baseMap();
    m["levels"].push_back({{"id", "departement"}, {"label", "Département"}, {"colour", "#00aa00"}});
    // The generic roles: no territory of their own.
    json rectorat = actor("rectorat", "academie");
    rectorat["topics"] = {"ent"};
    json dsden = actor("dsden", "departement");
    dsden["topics"] = {"ent", "support"};
    m["actors"].push_back(rectorat);
    m["actors"].push_back(dsden);
    m["territories"] = json::parse(R"J([
      {"id": "france", "name": "France", "level": "national"},
      {"id": "toulouse", "name": "Académie de Toulouse", "level": "academie", "parent": "france",
       "offices": {"rectorat": {"name": "Rectorat de l'académie de Toulouse", "url": "https://www.ac-toulouse.fr/",
                                "sources": [{"url": "https://www.ac-toulouse.fr/rectorat", "verified": "2026-12-01"}]}}},
      {"id": "dep-09", "name": "Ariège", "level": "departement", "parent": "toulouse",
       "offices": {"dsden": {"name": {"fr": "DSDEN de l'Ariège", "en": "Ariège education services"},
                             "url": "https://www.ac-toulouse.fr/dsden-09",
                             "description": "Foix.",
                             "sources": [{"url": "https://www.ac-toulouse.fr/dsden-09", "verified": "2026-12-01"}]},
                   "rectorat": {"name": "Rectorat (antenne de Foix)", "confidence": "unsure"}}},
      {"id": "dep-31", "name": "Haute-Garonne", "level": "departement", "parent": "toulouse"}
    ])J");
    return m;
}

const Office* officeOf(const Map& m, const std::string& territory, const std::string& role) {
    int t = qfq::query::findTerritory(m, territory);
    long a = m.findActor(role);
    if (t < 0 || a < 0) return nullptr;
    return qfq::query::officeFor(m, uint32_t(a), t);
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Loading offices
// ---------------------------------------------------------------------------

TEST_CASE("offices: a territory names the office holding a role there") {
    LoadResult r = loadJson(officeMap());
    INFO(dump(r));
    REQUIRE(r.ok);
    const Map& m = r.map;
    int dep = qfq::query::findTerritory(m, "dep-09");
    REQUIRE(dep >= 0);
    const auto& offices = m.territories[size_t(dep)].offices;
    REQUIRE(offices.size() == 2);
    // Sorted by the role's actor index, whatever the order in the JSON object.
    CHECK(offices[0].actor < offices[1].actor);
    const Office* o = officeOf(m, "dep-09", "dsden");
    REQUIRE(o != nullptr);
    CHECK(o->name.fr == "DSDEN de l'Ariège");
    CHECK(o->name.en == "Ariège education services");
    CHECK(o->url == "https://www.ac-toulouse.fr/dsden-09");
    CHECK(o->description.fr == "Foix.");
    REQUIRE(o->sources.size() == 1);
    CHECK(o->sources[0].verified == "2026-12-01");
    CHECK(o->confidence == Confidence::Sure);
    const Office* unsure = officeOf(m, "dep-09", "rectorat");
    REQUIRE(unsure != nullptr);
    CHECK(unsure->confidence == Confidence::Unsure);
    CHECK(unsure->sources.empty());
}

TEST_CASE("offices: an unknown role, a bad key and an unsourced office are reported where written") {
    json m = officeMap();
    m["territories"][2]["offices"]["dsdem"] = {{"name", "X"}, {"confidence", "unsure"}};
    CHECK_PROBLEM(loadJson(m), "/territories/2/offices/dsdem", "actor \"dsdem\" does not exist");
    CHECK(find(loadJson(m), "/territories/2/offices/dsdem", "did you mean \"dsden\"") != nullptr);

    m = officeMap();
    m["territories"][2]["offices"]["Bad Id"] = {{"name", "X"}, {"confidence", "unsure"}};
    CHECK_PROBLEM(loadJson(m), "/territories/2/offices/Bad Id", "invalid actor id");

    m = officeMap();
    m["territories"][3]["offices"] = {{"dsden", {{"name", "DSDEN de la Haute-Garonne"}}}};
    CHECK_PROBLEM(loadJson(m), "/territories/3/offices/dsden", "office without a source");
    m["territories"][3]["offices"]["dsden"]["sources"] = json::array();
    CHECK_PROBLEM(loadJson(m), "/territories/3/offices/dsden", "office without a source");
    m["territories"][3]["offices"]["dsden"]["confidence"] = "unsure";
    CHECK(loadJson(m).ok);

    m = officeMap();
    m["territories"][2]["offices"]["dsden"]["nom"] = "typo";
    CHECK_PROBLEM(loadJson(m), "/territories/2/offices/dsden/nom", "unknown field \"nom\"");
    m = officeMap();
    m["territories"][2]["offices"]["dsden"]["url"] = "ftp://x";
    CHECK_PROBLEM(loadJson(m), "/territories/2/offices/dsden/url", "invalid URL");
    m = officeMap();
    m["territories"][2]["offices"] = json::array();
    CHECK_PROBLEM(loadJson(m), "/territories/2/offices", "expected an object");
}

TEST_CASE("offices: a map with offices and full variants writes back to the same map") {
    json doc = officeMap();
    doc["variants"][0]["group"] = "Région académique Occitanie";
    doc["actors"][1]["variants"]["toulouse"] = json::parse(R"J({
        "acronym": "DRANE-T", "name": "DRANE Toulouse", "aliases": ["la délégation"],
        "formerNames": [{"name": "DANE", "until": "2020"}], "missions": ["Accompagner"], "topics": ["ent"],
        "url": "https://drane.ac-toulouse.fr", "confidence": "sure",
        "sources": [{"url": "https://drane.ac-toulouse.fr/qui", "verified": "2026-12-01"}]})J");
    LoadResult r = loadJson(doc);
    INFO(dump(r));
    REQUIRE(r.ok);
    json written = qfq::io::toJson(r.map);
    LoadResult again = loadJson(written);
    INFO(dump(again));
    REQUIRE(again.ok);
    CHECK(qfq::io::toJson(again.map) == written);
    CHECK(written["territories"][2]["offices"]["dsden"]["name"]["fr"] == "DSDEN de l'Ariège");
    CHECK(written["territories"][2]["offices"]["rectorat"]["confidence"] == "unsure");
    CHECK(written["variants"][0]["group"]["fr"] == "Région académique Occitanie");
    CHECK(written["actors"][1]["variants"]["toulouse"]["acronym"] == "DRANE-T");
    CHECK(written["actors"][1]["variants"]["toulouse"]["sources"][0]["verified"] == "2026-12-01");
}

// ---------------------------------------------------------------------------
// 2. Overlays
// ---------------------------------------------------------------------------

TEST_CASE("offices: an overlay names offices for the base's territories and adds its own") {
    Files files;
    files.put("base.json", officeMap());
    json overlay = minimalOverlay("base");
    overlay["override"]["territories"]["dep-31"]["offices"]["dsden"] = {
        {"name", "DSDEN de la Haute-Garonne"},
        {"sources", {{{"url", "https://www.ac-toulouse.fr/dsden-31"}, {"verified", "2026-12-01"}}}}};
    // A commune of the overlay: its office of the same role is the nearest one.
    overlay["territories"] =
        json::parse(R"J([{"id": "foix", "name": "Foix", "level": "etablissement", "parent": "dep-09",
        "offices": {"dsden": {"name": "Circonscription de Foix", "confidence": "unsure"}}}])J");
    files.put("overlay.json", overlay);
    LoadResult r = files.load("overlay.json");
    INFO(dump(r));
    REQUIRE(r.ok);
    const Office* o = officeOf(r.map, "dep-31", "dsden");
    REQUIRE(o != nullptr);
    CHECK(o->name.fr == "DSDEN de la Haute-Garonne");
    REQUIRE(officeOf(r.map, "foix", "dsden") != nullptr);
    CHECK(officeOf(r.map, "foix", "dsden")->name.fr == "Circonscription de Foix");
    CHECK(officeOf(r.map, "foix", "rectorat")->name.fr == "Rectorat (antenne de Foix)");

    // Re-declaring a territory of the base is an error that says to use override.
    json twice = minimalOverlay("base");
    twice["territories"] = json::parse(
        R"J([{"id": "dep-09", "name": "Ariège", "level": "departement", "parent": "toulouse"}])J");
    files.put("twice.json", twice);
    CHECK_PROBLEM(files.load("twice.json"), "/territories/0/id", "change it with \"override\"");

    // Override of a territory the base lacks; an id in an override.
    json bad = minimalOverlay("base");
    bad["override"]["territories"]["dep-99"]["name"] = "Nulle part";
    files.put("bad.json", bad);
    CHECK_PROBLEM(files.load("bad.json"), "/override/territories/dep-99", "cannot override territory");
    json badId = minimalOverlay("base");
    badId["override"]["territories"]["dep-09"]["id"] = "dep-10";
    files.put("bad-id.json", badId);
    CHECK_PROBLEM(files.load("bad-id.json"), "/override/territories/dep-09/id", "cannot be changed");

    // Removing a role removes its inherited offices with it.
    json removed = minimalOverlay("base");
    removed["remove"]["actors"] = {"dsden"};
    files.put("removed.json", removed);
    LoadResult rr = files.load("removed.json");
    INFO(dump(rr));
    REQUIRE(rr.ok);
    int dep = qfq::query::findTerritory(rr.map, "dep-09");
    REQUIRE(dep >= 0);
    CHECK(rr.map.territories[size_t(dep)].offices.size() == 1);
}

// ---------------------------------------------------------------------------
// 3. officeFor and contact
// ---------------------------------------------------------------------------

TEST_CASE("offices: officeFor walks up the territory tree, nearest first") {
    LoadResult r = loadJson(officeMap());
    REQUIRE(r.ok);
    const Map& m = r.map;
    long rectorat = m.findActor("rectorat");
    REQUIRE(rectorat >= 0);
    int at = -2;
    // Haute-Garonne names no office: the académie's answers.
    const Office* o =
        qfq::query::officeFor(m, uint32_t(rectorat), qfq::query::findTerritory(m, "dep-31"), &at);
    REQUIRE(o != nullptr);
    CHECK(o->name.fr == "Rectorat de l'académie de Toulouse");
    CHECK(at == qfq::query::findTerritory(m, "toulouse"));
    // Ariège names its own.
    CHECK(officeOf(m, "dep-09", "rectorat")->name.fr == "Rectorat (antenne de Foix)");
    // None above France, none for a role nobody named, none for bad indices.
    CHECK(officeOf(m, "france", "rectorat") == nullptr);
    CHECK(officeOf(m, "dep-31", "dsden") == nullptr);
    CHECK(qfq::query::officeFor(m, uint32_t(rectorat), -1, &at) == nullptr);
    CHECK(at == -1);
    CHECK(qfq::query::officeFor(m, uint32_t(rectorat), 999) == nullptr);
    CHECK(qfq::query::officeFor(m, 9999, 1) == nullptr);
}

TEST_CASE("offices: contact() names the office of each typical role") {
    LoadResult r = loadJson(officeMap());
    REQUIRE(r.ok);
    const Map& m = r.map;
    auto c = qfq::query::contact(m, "ent", "Ariège", Lang::En);
    REQUIRE(c.ok);
    bool sawDsden = false, sawRectorat = false;
    for (const auto& h : c.hits) {
        const std::string& id = m.actors[h.actor].id;
        if (id == "dsden") {
            sawDsden = true;
            CHECK(h.officeName == "Ariège education services");
            CHECK(h.officeUrl == "https://www.ac-toulouse.fr/dsden-09");
            CHECK_FALSE(h.officeUnsure);
            CHECK(m.territories[size_t(h.officeTerritory)].id == "dep-09");
        }
        if (id == "rectorat") {
            sawRectorat = true;
            CHECK(h.officeName == "Rectorat (antenne de Foix)");
            CHECK(h.officeUnsure);
        }
        if (id == "dne") CHECK(h.officeName.empty());
    }
    CHECK(sawDsden);
    CHECK(sawRectorat);
    auto g = qfq::query::contact(m, "ent", "dep-31", Lang::Fr);
    REQUIRE(g.ok);
    for (const auto& h : g.hits) {
        if (m.actors[h.actor].id == "rectorat") CHECK(h.officeName == "Rectorat de l'académie de Toulouse");
        if (m.actors[h.actor].id == "dsden") CHECK(h.officeTerritory == -1);
    }
}

// ---------------------------------------------------------------------------
// 4. Variants
// ---------------------------------------------------------------------------

TEST_CASE("variants: a group, and every field of a variant replaces the actor's") {
    json doc = baseMap();
    doc["variants"][1]["group"] = {{"fr", "Région académique Occitanie"}, {"en", "Occitanie"}};
    // Added to the fixture's Montpellier wording (which gives only a description).
    doc["actors"][1]["variants"]["montpellier"].update(json::parse(R"J({
        "acronym": "DRNE", "url": "https://drne.example.fr/", "confidence": "sure",
        "sources": [{"url": "https://drne.example.fr/missions", "verified": "2026-12-01"}]})J"));
    LoadResult r = loadJson(doc);
    INFO(dump(r));
    REQUIRE(r.ok);
    const Map& m = r.map;
    CHECK(m.variants[0].group.empty());
    CHECK(m.variants[1].group.get(Lang::En) == "Occitanie");
    const qfq::Actor& drane = m.actors[size_t(m.findActor("drane"))];
    qfq::Actor shown = qfq::withVariant(drane, "montpellier");
    CHECK(shown.acronym == "DRNE");
    CHECK(shown.url == "https://drne.example.fr/");
    CHECK(shown.confidence == Confidence::Sure);  // the actor itself is unsure
    REQUIRE(shown.sources.size() == 1);
    CHECK(shown.sources[0].url == "https://drne.example.fr/missions");
    CHECK(shown.description.fr == "Site de Montpellier");
    CHECK(shown.name.fr == drane.name.fr);  // not given: kept
    CHECK(shown.id == drane.id);
    CHECK(shown.variants.size() == drane.variants.size());
    qfq::Actor toulouse = qfq::withVariant(drane, "toulouse");
    CHECK(toulouse.acronym == "DRANE");
    CHECK(toulouse.name.fr == "DRANE Toulouse");
    CHECK(toulouse.confidence == Confidence::Unsure);
    CHECK(qfq::withVariant(drane, "nowhere").name.fr == drane.name.fr);

    doc["variants"][1]["group"] = "";
    CHECK_PROBLEM(loadJson(doc), "/variants/1/group", "empty text");
}

// ---------------------------------------------------------------------------
// 5. The shipped national map
// ---------------------------------------------------------------------------

namespace {

const Map& shippedNational() {
    static LoadResult r = qfq::io::loadFile(std::string(QFQ_SOURCE_DIR) + "/data/national.json");
    REQUIRE(r.ok);
    return r.map;
}

}  // namespace

TEST_CASE("national map: every académie (and vice-rectorat) is a variant, grouped by région académique") {
    const Map& m = shippedNational();
    CHECK(m.variants.size() >= 34);
    std::set<std::string> groups;
    for (const auto& v : m.variants) {
        CAPTURE(v.id);
        CHECK_FALSE(v.group.empty());
        groups.insert(v.group.get(Lang::Fr));
    }
    CHECK(groups.size() >= 18);
    // Each variant changes at least the rectorat and the delegation.
    for (const auto& v : m.variants) {
        CAPTURE(v.id);
        int changed = 0;
        for (const char* role : {"recteur-academie", "drane"}) {
            long a = m.findActor(role);
            REQUIRE(a >= 0);
            changed += qfq::findVariant(m.actors[size_t(a)], v.id) != nullptr;
        }
        CHECK(changed == 2);
    }
}

TEST_CASE("national map: a local name of the delegation (DRNE, SRA-NE) finds the DRANE") {
    const Map& m = shippedNational();
    qfq::query::SearchIndex ix;
    ix.build(m);
    for (const char* q : {"DRNE", "SRA-NE"}) {
        CAPTURE(q);
        auto hits = ix.search(q, 3);
        REQUIRE(!hits.empty());
        CHECK_FALSE(hits[0].glossary);
        CHECK(m.actors[hits[0].index].id == "drane");
        // A variant's own acronym, or an alias of the national actor (both are sourced names).
        CHECK((hits[0].field == qfq::query::Field::VariantName || hits[0].field == qfq::query::Field::Alias));
    }
}

TEST_CASE("national map: the special cases name who pays for collèges and lycées") {
    const Map& m = shippedNational();
    auto office = [&](const char* territory, const char* role) -> std::string {
        int t = qfq::query::findTerritory(m, territory);
        long a = m.findActor(role);
        REQUIRE(t >= 0);
        REQUIRE(a >= 0);
        const Office* o = qfq::query::officeFor(m, uint32_t(a), t);
        return o ? o->name.fr : "";
    };
    CHECK(office("metropole-de-lyon", "departement") == "Métropole de Lyon");
    CHECK(office("metropole-de-lyon", "ia-dasen") == office("dep-69", "ia-dasen"));  // same DSDEN
    CHECK(office("dep-2a", "departement") == "Collectivité de Corse");
    CHECK(office("dep-2b", "departement") == "Collectivité de Corse");
    CHECK(office("ra-corse", "region") == "Collectivité de Corse");
    CHECK(office("dep-67", "departement") == "Collectivité européenne d’Alsace");
    CHECK(office("dep-68", "departement") == "Collectivité européenne d’Alsace");
    CHECK(office("dep-75", "departement") == "Ville de Paris");
    CHECK(office("dep-972", "departement") == "Collectivité territoriale de Martinique");
    CHECK(office("dep-973", "departement") == "Collectivité territoriale de Guyane");
    CHECK(office("dep-976", "departement").rfind("Département de Mayotte", 0) == 0);
    // The vice-rectorats and Saint-Pierre-et-Miquelon are académie-level, marked by their name.
    for (const char* id : {"vr-nouvelle-caledonie", "vr-polynesie-francaise", "vr-wallis-et-futuna"}) {
        int t = qfq::query::findTerritory(m, id);
        REQUIRE(t >= 0);
        CHECK(m.territories[size_t(t)].name.fr.rfind("Vice-rectorat", 0) == 0);
    }
    CHECK(qfq::query::findTerritory(m, "se-saint-pierre-et-miquelon") >= 0);
}

TEST_CASE("national map: whom to contact for the ENT names an office in each of the 101 départements") {
    const Map& m = shippedNational();
    int depLevel = Map::findCategory(m.levels, "departement");
    REQUIRE(depLevel >= 0);
    size_t departements = 0, named = 0;
    std::set<std::string> names;
    for (size_t t = 0; t < m.territories.size(); ++t) {
        const qfq::Territory& dep = m.territories[t];
        if (dep.level != depLevel || dep.id.rfind("dep-", 0) != 0) continue;
        ++departements;
        CAPTURE(dep.id);
        auto r = qfq::query::contact(m, "ent", dep.id, Lang::Fr);
        REQUIRE(r.ok);
        REQUIRE(r.territory == int(t));
        const int academie = dep.parent;
        REQUIRE(academie >= 0);
        bool specific = false;
        for (const auto& h : r.hits) {
            if (h.officeName.empty()) continue;
            if (h.officeTerritory == int(t) || h.officeTerritory == academie) specific = true;
            if (h.officeTerritory == int(t) && m.actors[h.actor].id == "ia-dasen") names.insert(h.officeName);
        }
        CHECK(specific);
        named += specific;
    }
    CHECK(departements >= 101);
    CHECK(named == departements);
    // One DSDEN per département: the names differ.
    CHECK(names.size() == departements);
}
