// tests/unit/test_query_fixture.h — small hand-built maps for the layout and query tests
// (no loader needed): a slice of the French organisation around Ariège.
#pragma once

#include <string>
#include <vector>

#include "model/map.h"

namespace qfq::testmaps {

inline Category cat(const char* id, const char* fr, const char* en = "") {
    Category c;
    c.id = id;
    c.label.fr = fr;
    c.label.en = en;
    return c;
}

inline uint32_t addActor(Map& m, const char* id, const char* acronym, const char* nameFr, const char* level,
                         const char* territory = nullptr, std::vector<std::string> topics = {}) {
    Actor a;
    a.id = id;
    a.acronym = acronym;
    a.name.fr = nameFr;
    a.level = Map::findCategory(m.levels, level);
    a.kind = 0;
    if (territory)
        for (size_t t = 0; t < m.territories.size(); ++t)
            if (m.territories[t].id == territory) a.territory = int(t);
    a.topics = std::move(topics);
    m.actors.push_back(std::move(a));
    return uint32_t(m.actors.size() - 1);
}

inline uint32_t addRelation(Map& m, const char* from, const char* kind, const char* to,
                            bool directed = true) {
    Relation r;
    r.from = uint32_t(m.findActor(from));
    r.to = uint32_t(m.findActor(to));
    r.kind = Map::findCategory(m.relationKinds, kind);
    r.directed = directed;
    r.id = std::string(from) + "--" + kind + "--" + to;
    m.relations.push_back(std::move(r));
    return uint32_t(m.relations.size() - 1);
}

inline void addTerritory(Map& m, const char* id, const char* name, const char* level, const char* parent) {
    Territory t;
    t.id = id;
    t.name.fr = name;
    t.level = Map::findCategory(m.levels, level);
    if (parent)
        for (size_t i = 0; i < m.territories.size(); ++i)
            if (m.territories[i].id == parent) t.parent = int(i);
    m.territories.push_back(std::move(t));
}

// DNE → DRANE (Toulouse) → ERUN (Foix) → école; a département, Canopé, INSPÉ, EduConnect.
inline Map ariege() {
    Map m;
    m.schema = "qfq-map/1";
    m.id = "test";
    m.language = "fr";
    m.levels = {cat("national", "National"),
                cat("region-academique", "Région académique"),
                cat("academie", "Académie"),
                cat("departement", "Département"),
                cat("circonscription", "Circonscription"),
                cat("etablissement", "Établissement")};
    m.actorKinds = {cat("etat", "État"), cat("collectivite", "Collectivité")};
    m.relationKinds = {cat("pilote", "pilote", "steers"), cat("accompagne", "accompagne", "supports"),
                       cat("equipe", "équipe", "equips"), cat("forme", "forme", "trains")};
    addTerritory(m, "fr", "France", "national", nullptr);
    addTerritory(m, "ra-occitanie", "Région académique Occitanie", "region-academique", "fr");
    addTerritory(m, "ac-toulouse", "Académie de Toulouse", "academie", "ra-occitanie");
    addTerritory(m, "ac-montpellier", "Académie de Montpellier", "academie", "ra-occitanie");
    addTerritory(m, "dep-09", "Ariège", "departement", "ac-toulouse");
    addTerritory(m, "dep-34", "Hérault", "departement", "ac-montpellier");
    addTerritory(m, "circ-foix", "Circonscription de Foix", "circonscription", "dep-09");
    addTerritory(m, "ecole-foix", "École élémentaire de Foix", "etablissement", "circ-foix");

    addActor(m, "dne", "DNE", "Direction du numérique pour l'éducation", "national", "fr", {"ent", "data"});
    uint32_t drane =
        addActor(m, "drane-toulouse", "DRANE", "Délégation régionale académique au numérique éducatif",
                 "region-academique", "ac-toulouse", {"ent", "training"});
    m.actors[drane].formerNames.push_back(
        {"DANE", "2020", {"Délégation académique au numérique éducatif", ""}});
    m.actors[drane].aliases = {"Délégation numérique"};
    uint32_t erun = addActor(m, "erun-foix", "ERUN", "Enseignant référent pour les usages du numérique",
                             "circonscription", "circ-foix", {"equipment"});
    m.actors[erun].missions.push_back({"Accompagne les écoles dans l'usage de l'ENT", ""});
    addActor(m, "ecole-foix", "", "École élémentaire de Foix", "etablissement", "ecole-foix");
    uint32_t cd = addActor(m, "cd09", "CD 09", "Conseil départemental de l'Ariège", "departement", "dep-09",
                           {"equipment"});
    m.actors[cd].kind = 1;
    addActor(m, "educonnect", "", "EduConnect", "national", nullptr, {"identity"});
    uint32_t inspe =
        addActor(m, "inspe-toulouse", "INSPÉ", "Institut national supérieur du professorat et de l'éducation",
                 "academie", "ac-toulouse", {"training"});
    m.actors[inspe].formerNames.push_back(
        {"ESPE", "2019", {"École supérieure du professorat et de l'éducation", ""}});
    addActor(m, "canope", "", "Réseau Canopé", "national", nullptr, {"training", "resources"});
    m.actors.back().formerNames.push_back({"CNDP", "2014", {}});
    uint32_t dsden = addActor(m, "dsden-34", "DSDEN 34", "Direction des services départementaux de l'Hérault",
                              "departement", "dep-34", {"ent"});
    m.actors[dsden].confidence = Confidence::Unsure;
    m.reindex();

    addRelation(m, "dne", "pilote", "drane-toulouse");
    addRelation(m, "drane-toulouse", "accompagne", "erun-foix");
    addRelation(m, "erun-foix", "accompagne", "ecole-foix");
    addRelation(m, "cd09", "equipe", "ecole-foix");
    addRelation(m, "dne", "pilote", "educonnect");
    addRelation(m, "canope", "forme", "erun-foix");
    addRelation(m, "inspe-toulouse", "forme", "erun-foix");
    addRelation(m, "drane-toulouse", "accompagne", "inspe-toulouse", false);
    uint32_t r = addRelation(m, "dne", "pilote", "dsden-34");
    m.relations[r].confidence = Confidence::Unsure;

    GlossaryEntry g;
    g.term = "ENT";
    g.expansion.fr = "Espace numérique de travail";
    g.definition.fr = "Portail de services en ligne de l'établissement.";
    m.glossary.push_back(g);
    return m;
}

}  // namespace qfq::testmaps
