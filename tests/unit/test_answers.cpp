// tests/unit/test_answers.cpp — "Qui contacter ?" answers and institutional paths on the real
// maps of data/ (query/contact.h, Network::chainPaths): the questions the map exists for.
//
// Contents
//   1. Topics and territories by word
//   2. Contact answers: nearest first for the person asking
//   3. Paths: the institutional chain first
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "io/load.h"
#include "query/contact.h"
#include "query/query.h"

using namespace qfq;

namespace {

const Map& load(const char* file) {
    static std::map<std::string, io::LoadResult> cache;
    auto it = cache.find(file);
    if (it == cache.end())
        it = cache.emplace(file, io::loadFile(std::string(QFQ_SOURCE_DIR) + "/" + file)).first;
    REQUIRE(it->second.ok);
    return it->second.map;
}
const Map& national() {
    return load("data/national.json");
}
const Map& valDOise() {
    return load("data/territories/val-d-oise.json");
}

std::string topicId(const Map& m, const char* word) {
    int t = query::findTopic(m, word);
    return t < 0 ? "" : m.topics[size_t(t)].id;
}

std::string id(const Map& m, uint32_t a) {
    return m.actors[a].id;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Topics and territories by word
// ---------------------------------------------------------------------------

TEST_CASE("answers: topics by id or French / English word") {
    const Map& m = national();
    CHECK(topicId(m, "ent") == "ent");
    CHECK(topicId(m, "ENT") == "ent");
    CHECK(topicId(m, "formation") == "training");
    CHECK(topicId(m, "Formation") == "training");
    CHECK(topicId(m, "équipement") == "equipment");
    CHECK(topicId(m, "equip") == "equipment");
    CHECK(topicId(m, "financement") == "funding");
    CHECK(topicId(m, "données") == "data-protection");
    CHECK(topicId(m, "staff training") == "training");
    CHECK(topicId(m, "xyzzy").empty());
    CHECK(topicId(m, "de").empty());  // a short word inside a label is not a topic
    CHECK(topicId(m, "").empty());
    // Type-to-filter over the labels shown in the panel.
    std::vector<int> f = query::matchTopics(m, "form", Lang::Fr);
    REQUIRE(f.size() == 1);
    CHECK(m.topics[size_t(f[0])].id == "training");
    CHECK(query::matchTopics(m, "", Lang::Fr).size() == m.topics.size());
}

TEST_CASE("answers: territories by prefix, accents and case ignored") {
    const Map& m = valDOise();
    auto first = [&](const char* q) {
        std::vector<int> t = query::matchTerritories(m, q, 5);
        return t.empty() ? std::string() : m.territories[size_t(t[0])].id;
    };
    CHECK(first("val-d-o") == "dep-95");
    CHECK(first("VAL D OISE") == "dep-95");
    CHECK(first("finis") == "dep-29");
    // "rhône": the Rhône, then the Métropole de Lyon inside it, then Auvergne-Rhône-Alpes.
    std::vector<int> rhone = query::matchTerritories(m, "rhône", 5);
    REQUIRE(rhone.size() >= 3);
    CHECK(m.territories[size_t(rhone[0])].id == "dep-69");
    CHECK(m.territories[size_t(rhone[1])].id == "metropole-de-lyon");
    CHECK(first("ac lyon") == "ac-lyon");
    CHECK(first("lyon") == "ac-lyon");
    CHECK(first("versa") == "ac-versailles");
    CHECK(first("île") == "ra-ile-de-france");
    CHECK(first("ile-de") == "ra-ile-de-france");
    CHECK(first("zzz").empty());
    CHECK(query::matchTerritories(m, "", 1000).size() == m.territories.size());
    CHECK(query::matchTerritories(m, "a", 3).size() == 3);  // the limit holds
}

// ---------------------------------------------------------------------------
// 2. Contact answers
// ---------------------------------------------------------------------------

TEST_CASE("answers: ENT for a collège of the Val-d'Oise, nearest first") {
    const Map& m = valDOise();
    query::ContactAnswer r = query::answerContact(m, {"ent", "dep-95", "college", Lang::Fr});
    REQUIRE(r.ok);
    REQUIRE(r.lines.size() >= 4);
    // The school's own persons first: the head, then the RUPN the head appoints.
    CHECK(id(m, r.lines[0].actor) == "chef-etablissement");
    CHECK(r.lines[0].group == query::ContactGroup::School);
    CHECK(id(m, r.lines[1].actor) == "rupn");
    // Then the collèges' authority, the Département — not the Région (lycées) nor the commune.
    CHECK(id(m, r.lines[2].actor) == "departement");
    CHECK(r.lines[2].group == query::ContactGroup::Authority);
    CHECK(r.lines[2].sentence ==
          "Pour un collège (Val-d’Oise) : Conseil départemental du Val-d’Oise — mission : déployer l’ENT des "
          "collèges avec l’académie — site https://www.valdoise.fr/");
    for (const query::ContactLine& l : r.lines) {
        CHECK(id(m, l.actor) != "region");
        CHECK(id(m, l.actor) != "commune-epci");
    }
    // Among the State's offices, the département's own comes first, the rectorat later.
    int dasen = -1, recteur = -1, firstOffice = -1;
    for (size_t i = 0; i < r.lines.size(); ++i) {
        if (r.lines[i].group == query::ContactGroup::Office && firstOffice < 0) firstOffice = int(i);
        if (id(m, r.lines[i].actor) == "ia-dasen") dasen = int(i);
        if (id(m, r.lines[i].actor) == "recteur-academie") recteur = int(i);
    }
    REQUIRE(firstOffice >= 0);
    CHECK(r.lines[size_t(firstOffice)].territory == query::findTerritory(m, "dep-95"));
    CHECK(r.lines[size_t(firstOffice)].office);
    REQUIRE(dasen >= 0);
    REQUIRE(recteur >= 0);
    CHECK(dasen < recteur);
}

TEST_CASE("answers: an école is answered by its ERUN and the commune") {
    const Map& m = national();
    query::ContactAnswer r = query::answerContact(m, {"équipement", "ac-lyon", "ecole", Lang::Fr});
    REQUIRE(r.ok);
    CHECK(r.topicId == "equipment");
    REQUIRE(r.lines.size() >= 2);
    CHECK(id(m, r.lines[0].actor) == "erun");
    CHECK(r.lines[0].sentence.rfind("Dans votre école : ", 0) == 0);
    CHECK(id(m, r.lines[1].actor) == "commune-epci");
    CHECK(r.lines[1].sentence.rfind("Pour une école (Académie de Lyon) : ", 0) == 0);
}

TEST_CASE("answers: any kind of school lists each kind's authority; English sentences") {
    const Map& m = national();
    query::ContactAnswer r = query::answerContact(m, {"ent", "ac-versailles", "", Lang::En});
    REQUIRE(r.ok);
    std::vector<std::string> authorities;
    for (const query::ContactLine& l : r.lines)
        if (l.group == query::ContactGroup::Authority) authorities.push_back(id(m, l.actor));
    CHECK(authorities == std::vector<std::string>{"commune-epci", "departement", "region"});
    bool lycee = false;
    for (const query::ContactLine& l : r.lines)
        lycee |= l.sentence.rfind("For a Lycée", 0) == 0 || l.sentence.rfind("For a lycée", 0) == 0;
    CHECK(lycee);
    // Groups never go backwards.
    for (size_t i = 1; i < r.lines.size(); ++i) CHECK(r.lines[i - 1].group <= r.lines[i].group);
}

TEST_CASE("answers: a typical role answers as the territory's office (officeFor)") {
    const Map& m = national();
    // Collèges of the Métropole de Lyon are the Métropole's, not the Rhône's.
    query::ContactAnswer r = query::answerContact(m, {"ent", "metropole-de-lyon", "college", Lang::Fr});
    REQUIRE(r.ok);
    const query::ContactLine* authority = nullptr;
    for (const query::ContactLine& l : r.lines)
        if (l.group == query::ContactGroup::Authority) authority = &l;
    REQUIRE(authority);
    CHECK(id(m, authority->actor) == "departement");
    CHECK(authority->who == "Métropole de Lyon");
    CHECK(authority->officeTerritory >= 0);
    CHECK(authority->sentence.rfind("Pour un collège (Métropole de Lyon) : Métropole de Lyon — ", 0) == 0);
    CHECK(authority->sentence.find("site https://www.grandlyon.com/") != std::string::npos);
    // The DSDEN of a département, by its own name.
    query::ContactAnswer f = query::answerContact(m, {"strategy", "finis", "", Lang::Fr});
    REQUIRE(f.ok);
    bool dsden = false;
    for (const query::ContactLine& l : f.lines)
        dsden |= id(m, l.actor) == "dsden" && l.who.find("DSDEN du Finistère") != std::string::npos;
    CHECK(dsden);
}

TEST_CASE("answers: bad questions get a reason, never a crash") {
    const Map& m = national();
    CHECK(!query::answerContact(m, {"", "ac-lyon", "", Lang::Fr}).ok);
    query::ContactAnswer t = query::answerContact(m, {"ent", "Atlantide", "", Lang::Fr});
    CHECK(!t.ok);
    CHECK(t.error.find("Atlantide") != std::string::npos);
    CHECK(!query::answerContact(m, {"ent", "ac-lyon", "dne", Lang::Fr}).ok);  // not a school
    CHECK(query::answerContact(m, {"ent", "finis", "", Lang::Fr}).ok ==
          (query::matchTerritories(m, "finis").size() > 0));
    Map empty;
    CHECK(!query::answerContact(empty, {"ent", "", "", Lang::Fr}).ok);
    CHECK(query::schoolKinds(empty).empty());
    std::vector<uint32_t> schools = query::schoolKinds(m);
    CHECK(schools.size() >= 3);
}

// ---------------------------------------------------------------------------
// 3. Paths
// ---------------------------------------------------------------------------

TEST_CASE("paths: the DNE reaches an école through the institutional chain") {
    for (const Map* m : {&national(), &valDOise()}) {
        query::Network net;
        net.build(*m);
        long dne = m->findActor("dne"), ecole = m->findActor("ecole");
        REQUIRE(dne >= 0);
        REQUIRE(ecole >= 0);
        query::PathResult r = net.chainPaths(uint32_t(dne), uint32_t(ecole), 3);
        REQUIRE(!r.paths.empty());
        CHECK(!r.undirected);
        std::vector<std::string> ids;
        for (uint32_t a : r.paths[0].actors) ids.push_back(m->actors[a].id);
        CHECK(ids == std::vector<std::string>{"dne", "drane", "ia-dasen", "erun", "ecole"});
        // The hop-count answer goes through the TNE programme instead.
        query::PathResult hops = net.paths(uint32_t(dne), uint32_t(ecole), 1);
        REQUIRE(!hops.paths.empty());
        CHECK(hops.paths[0].actors.size() < r.paths[0].actors.size());
        for (size_t i = 1; i < r.paths.size(); ++i) CHECK(r.paths[i - 1].cost <= r.paths[i].cost);
        double sum = 0;
        for (size_t i = 0; i < r.paths[0].relations.size(); ++i)
            sum += query::relationCost(*m, r.paths[0].relations[i], r.paths[0].actors[i + 1]);
        CHECK(sum == doctest::Approx(r.paths[0].cost));
    }
}

TEST_CASE("paths: chain paths tolerate bad input like paths()") {
    query::Network net;
    Map empty;
    net.build(empty);
    CHECK(net.chainPaths(0, 1).paths.empty());
    const Map& m = national();
    net.build(m);
    CHECK(net.chainPaths(0, 0).paths.size() == 1);
    CHECK(net.chainPaths(0, 99999).paths.empty());
    CHECK(net.chainPaths(0, 1, 0).paths.empty());
    CHECK(query::relationCost(m, 999999, 0) == 0);
}
