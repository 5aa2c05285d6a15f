// query/contact.h — "Qui contacter ?": a ranked answer, in sentences, for a person asking
// about a topic from a territory and (optionally) a kind of school.
//
// Contents
//   1. Topics by word: ids, French or English labels ("formation" → training)
//   2. Territories by prefix ("finis" → Finistère), accent- and case-insensitive
//   3. The answer: ranked lines, nearest to the person asking first
//
// Nothing here is specific to one map: the kinds of school are the map's actors of kind
// "etablissement"; the school-level contacts are the persons linked to that school; the
// local authority is the collectivité that equips it. query.h's older contact() stays for
// scripts that read its fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"
#include "query/query.h"

namespace qfq::query {

// ---------------------------------------------------------------------------
// 1. Topics
// ---------------------------------------------------------------------------

// Index into map.topics of the topic a word names, -1 when none: the id ("ent"), then a
// label whose first word starts with it ("formation" → "Formation des personnels",
// "équip" → "Équipement"), then any label word starting with it ("donnees" → "Protection
// des données"). Both languages, accents and case ignored.
int findTopic(const Map& map, std::string_view word);

// Topics (indices into map.topics) whose id or label has a word starting with `prefix`
// (folded), in the map's order; all of them for an empty prefix.
std::vector<int> matchTopics(const Map& map, std::string_view prefix, Lang lang);

// Every word of `query` starts a word of `text`, in order, both folded ("form" finds
// "Formation des personnels", "ac lyon" finds "Académie de Lyon"); an empty query matches.
bool startsWords(std::string_view text, std::string_view query);

// ---------------------------------------------------------------------------
// 2. Territories
// ---------------------------------------------------------------------------

// Territories whose name (either language) or id has words starting with the words of
// `prefix`, folded ("finis" → Finistère, "ac lyon" → Académie de Lyon): names that start
// with it first, then the territories inside those ("rhône" → Rhône, then Métropole de
// Lyon), then names with a later word starting with it; within each, the more general level,
// then the map's order. At most `limit`. An empty prefix lists the first `limit`.
std::vector<int> matchTerritories(const Map& map, std::string_view prefix, size_t limit = 50);

// The territory a person means: an id or a whole name, else the start of a name
// (matchTerritories), else words anywhere in a name (findTerritory). -1 when none.
int resolveTerritory(const Map& map, std::string_view text);

// ---------------------------------------------------------------------------
// 3. The answer
// ---------------------------------------------------------------------------

// The kinds of school a person may ask from: actors of kind "etablissement" at the most
// local level (école, collège, lycée…), in the map's order.
std::vector<uint32_t> schoolKinds(const Map& map);

// The noun a sentence uses for a kind of school: "école", "collège", "lycée agricole" (the
// name before any parenthesis; a territory's longer wording keeps its first word).
std::string schoolNoun(const Map& map, uint32_t school, Lang lang);

struct ContactQuery {
    std::string topic;      // a topic id or word (findTopic)
    std::string territory;  // id or name (findTerritory); empty = the map's top territory
    std::string school;     // actor id of a kind of school ("college"), empty = any
    Lang lang = Lang::Fr;
};

enum class ContactGroup : uint8_t {
    School,     // persons at the school: head, digital referent, ERUN for écoles
    Authority,  // the local authority that runs it for that kind of school
    Office,     // State offices and persons, from the most local level up
    Service,    // the service or programme itself, associations, companies
};

struct ContactLine {
    uint32_t actor = 0;
    ContactGroup group = ContactGroup::Office;
    int territory = -1;    // the territory it answers for (-1: the whole map)
    bool office = false;   // the territory's own actor (it has a territory), not a typical role
    bool byTopic = false;  // the topic is in its topics (else a mission or its school role)
    long school = -1;      // the kind of school this line is about (-1: any)
    std::string who;       // "Conseil départemental du Val-d’Oise"
    std::string sentence;  // "Pour un collège (Val-d’Oise) : Conseil départemental … — site …"
    std::string url;       // the actor's (or office's) site, when the map has one
    // A typical role ("the DSDEN") named by the asked territory's office for it (officeFor:
    // "DSDEN du Finistère"): `who` and `url` are the office's; -1 when the map names none.
    int officeTerritory = -1;
    bool officeUnsure = false;
};

struct ContactAnswer {
    bool ok = false;
    std::string error;  // in the query's language
    int topic = -1;     // index into map.topics (-1: the word matched no declared topic)
    std::string topicId;
    int territory = -1;
    long school = -1;
    std::vector<ContactLine> lines;  // nearest first
};

// Ranked for the person asking: the school's own contacts, then the local authority that
// runs the topic for that kind of school (when the topic is one of its topics), then the
// State's offices and persons from the most local level up (the territory's own office
// before a typical role of the same level), then services and programmes.
ContactAnswer answerContact(const Map& map, const ContactQuery& q, const Masks* masks = nullptr);

}  // namespace qfq::query
