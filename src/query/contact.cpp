// query/contact.cpp — topics and territories by word, and the ranked contact answer
// (see contact.h).
//
// Contents
//   1. Words: folding, word prefixes, mission stems
//   2. Topics
//   3. Territories
//   4. The answer: scope, groups, ranking, sentences
#include "query/contact.h"

#include <algorithm>
#include <map>

#include "model/nearest.h"
#include "query/search.h"

namespace qfq::query {

// ---------------------------------------------------------------------------
// 1. Words
// ---------------------------------------------------------------------------

namespace {

std::vector<std::string> words(std::string_view folded) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) out.emplace_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Every word of `query` starts a word of `text`, in order (both folded): "ac lyon" finds
// "academie de lyon", "rhone" finds "metropole de lyon rhone".
bool wordsPrefix(const std::vector<std::string>& text, const std::vector<std::string>& query) {
    size_t at = 0;
    for (const std::string& q : query) {
        while (at < text.size() && !startsWith(text[at], q)) ++at;
        if (at == text.size()) return false;
        ++at;
    }
    return true;
}

// The stem a mission's word must start with to speak of a topic word: short words whole
// ("ent"), long ones without their ending ("équipement" → "equipe" finds "équiper",
// "enseignement" → "enseigne" does not find "enseignants").
std::string stem(const std::string& w) {
    if (w.size() <= 4) return w;
    return w.substr(0, std::max<size_t>(5, w.size() - 4));
}

const std::string& lowerFirst(std::string& s) {
    // Lower-case the first letter of a sentence-like mission ("Déployer…" → "déployer…"),
    // not of an acronym ("ENT…").
    if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = char(s[0] - 'A' + 'a');
    // Accented capitals of Latin-1 (À…Þ except ×): "Être…" → "être…".
    const unsigned char b0 = (unsigned char)(s.size() >= 3 ? s[0] : 0),
                        b1 = (unsigned char)(s.size() >= 3 ? s[1] : 0);
    if (b0 == 0xc3 && b1 >= 0x80 && b1 <= 0x9e && b1 != 0x97 && !(s[2] >= 'A' && s[2] <= 'Z'))
        s[1] = char(b1 + 0x20);
    return s;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. Topics
// ---------------------------------------------------------------------------

int findTopic(const Map& map, std::string_view word) {
    const std::string f = fold(word);
    if (f.empty()) return -1;
    const auto& ts = map.topics;
    for (size_t t = 0; t < ts.size(); ++t)
        if (fold(ts[t].id) == f || fold(ts[t].label.fr) == f || fold(ts[t].label.en) == f) return int(t);
    const std::vector<std::string> q = words(f);
    for (size_t t = 0; t < ts.size(); ++t)
        for (const std::string* label : {&ts[t].label.fr, &ts[t].label.en}) {
            std::vector<std::string> w = words(fold(*label));
            if (!w.empty() && startsWith(w[0], q[0]) && wordsPrefix(w, q)) return int(t);
        }
    if (f.size() < 3) return -1;  // "de" must not find "Protection des données"
    for (size_t t = 0; t < ts.size(); ++t)
        for (const std::string* label : {&ts[t].id, &ts[t].label.fr, &ts[t].label.en})
            if (wordsPrefix(words(fold(*label)), q)) return int(t);
    return -1;
}

bool startsWords(std::string_view text, std::string_view query) {
    return wordsPrefix(words(fold(text)), words(fold(query)));
}

std::vector<int> matchTopics(const Map& map, std::string_view prefix, Lang lang) {
    std::vector<int> out;
    const std::vector<std::string> q = words(fold(prefix));
    for (size_t t = 0; t < map.topics.size(); ++t) {
        const Topic& topic = map.topics[t];
        if (q.empty() || wordsPrefix(words(fold(topic.id)), q) ||
            wordsPrefix(words(fold(topic.label.get(lang))), q) ||
            wordsPrefix(words(fold(topic.label.get(lang == Lang::Fr ? Lang::En : Lang::Fr))), q))
            out.push_back(int(t));
    }
    return out;
}

// ---------------------------------------------------------------------------
// 3. Territories
// ---------------------------------------------------------------------------

std::vector<int> matchTerritories(const Map& map, std::string_view prefix, size_t limit) {
    const std::vector<std::string> q = words(fold(prefix));
    struct Scored {
        int rank, level, index;
    };
    std::vector<Scored> found;
    for (size_t t = 0; t < map.territories.size(); ++t) {
        const Territory& x = map.territories[t];
        int rank = -1;
        for (const std::string* name : {&x.name.fr, &x.name.en, &x.id}) {
            const std::vector<std::string> w = words(fold(*name));
            if (q.empty() || (!w.empty() && startsWith(w[0], q[0]) && wordsPrefix(w, q)))
                rank = 0;  // the name itself starts with it: "finis" → "Finistère"
            else if (rank < 0 && wordsPrefix(w, q))
                rank = 1;  // a later word does: "lyon" → "Académie de Lyon"
        }
        if (rank >= 0) found.push_back({rank == 0 ? 0 : 2, x.level, int(t)});
    }
    // The parts of a territory that starts with the words: "rhône" → Rhône, then the
    // Métropole de Lyon inside it (its collèges are the Métropole's).
    if (!q.empty()) {
        std::vector<uint8_t> first(map.territories.size(), 0), listed(map.territories.size(), 0);
        for (const Scored& f : found) {
            listed[size_t(f.index)] = 1;
            if (f.rank == 0) first[size_t(f.index)] = 1;
        }
        for (size_t t = 0; t < map.territories.size(); ++t) {
            const int p = map.territories[t].parent;
            if (!listed[t] && p >= 0 && size_t(p) < first.size() && first[size_t(p)])
                found.push_back({1, map.territories[t].level, int(t)});
        }
    }
    // Among equal matches, the territories the map's own actors work in come first: on the
    // Val-d'Oise map "val" is Val-d'Oise before Val-de-Marne.
    std::vector<uint8_t> used(map.territories.size(), 0);
    for (const Actor& a : map.actors)
        if (a.territory >= 0 && size_t(a.territory) < used.size()) used[size_t(a.territory)] = 1;
    std::stable_sort(found.begin(), found.end(), [&](const Scored& a, const Scored& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        if (used[size_t(a.index)] != used[size_t(b.index)]) return used[size_t(a.index)] > used[size_t(b.index)];
        if (a.level != b.level) return a.level < b.level;
        return a.index < b.index;
    });
    std::vector<int> out;
    for (size_t i = 0; i < found.size() && out.size() < limit; ++i) out.push_back(found[i].index);
    return out;
}

int resolveTerritory(const Map& map, std::string_view text) {
    // An id or a whole name; else what a person types: the start of a name ("val" →
    // Val-d’Oise, not "Centre-Val de Loire"); else findTerritory's words anywhere.
    const std::string f = fold(text);
    for (size_t t = 0; t < map.territories.size(); ++t)
        if (map.territories[t].id == text || fold(map.territories[t].name.fr) == f ||
            fold(map.territories[t].name.en) == f)
            return int(t);
    std::vector<int> m = matchTerritories(map, text, 1);
    if (!m.empty()) return m[0];
    return findTerritory(map, text);
}

// ---------------------------------------------------------------------------
// 4. The answer
// ---------------------------------------------------------------------------

std::vector<uint32_t> schoolKinds(const Map& map) {
    std::vector<uint32_t> out;
    const int kind = Map::findCategory(map.actorKinds, "etablissement");
    if (kind < 0) return out;
    int local = -1;  // the most local level any school has
    for (const Actor& a : map.actors)
        if (a.kind == kind) local = std::max(local, a.level);
    for (uint32_t a = 0; a < map.actors.size(); ++a)
        if (map.actors[a].kind == kind && map.actors[a].level == local) out.push_back(a);
    return out;
}

std::string schoolNoun(const Map& map, uint32_t school, Lang lang) {
    std::string n = map.actors[school].name.get(lang);
    size_t cut = n.find(" (");
    if (cut != std::string::npos) n.resize(cut);
    // A territory's own wording ("Collège public du Val-d’Oise") reads "collège" in a sentence.
    if (std::count(n.begin(), n.end(), ' ') >= 2) n.resize(n.find(' '));
    lowerFirst(n);
    return n;
}

namespace {

struct Context {
    const Map& map;
    Lang lang;
    bool fr;
    std::vector<std::vector<uint32_t>> incident;  // shown relations per actor
    std::vector<std::string> topicStems;          // folded words a mission must start with
    int kindPersonnel, kindCollectivite;
};

bool kindIs(const Map& map, const Actor& a, std::initializer_list<const char*> ids) {
    const std::string& id = map.actorKinds[size_t(a.kind)].id;
    for (const char* k : ids)
        if (id == k) return true;
    return false;
}

// The actor's first mission that speaks of the topic, preferring one that also names the
// kind of school ("Déployer l’ENT des collèges…" for a collège); "" when none.
std::string topicMission(const Context& c, const Actor& a, const std::string& schoolStem) {
    std::string best;
    for (const Text& m : a.missions) {
        const std::string& text = m.get(c.lang);
        const std::vector<std::string> w = words(fold(text));
        bool topic = false, school = schoolStem.empty();
        for (const std::string& word : w) {
            for (const std::string& s : c.topicStems) topic |= startsWith(word, s);
            if (!schoolStem.empty()) school |= startsWith(word, schoolStem);
        }
        if (!topic) continue;
        if (school) return text;
        if (best.empty()) best = text;
    }
    return best;
}

std::string article(const std::string& noun, bool fr) {
    if (!fr) return noun.empty() || std::string("aeiou").find(noun[0]) == std::string::npos ? "a " : "an ";
    return startsWith(fold(noun), "ecole") ? "une " : "un ";
}

std::string displayName(const Actor& a, Lang lang) {
    std::string name = a.name.get(lang);
    if (!a.acronym.empty() && name.find(a.acronym) == std::string::npos) name += " (" + a.acronym + ")";
    return name;
}

}  // namespace

ContactAnswer answerContact(const Map& map, const ContactQuery& q, const Masks* masks) {
    ContactAnswer r;
    const bool fr = q.lang == Lang::Fr;
    r.topic = findTopic(map, q.topic);
    r.topicId = r.topic >= 0 ? map.topics[size_t(r.topic)].id : fold(q.topic);
    if (r.topicId.empty()) {
        r.error = fr ? "choisir un sujet" : "choose a topic";
        return r;
    }
    if (q.territory.empty()) {
        for (size_t t = 0; t < map.territories.size() && r.territory < 0; ++t)
            if (map.territories[t].parent < 0) r.territory = int(t);
    } else {
        r.territory = resolveTerritory(map, q.territory);
    }
    if (r.territory < 0) {
        r.error = (fr ? "territoire inconnu : " : "unknown territory: ") + q.territory;
        // The nearest id or name, as the loader suggests: "dep-9" for "dep-09", "Arriège"…
        std::vector<std::string> ids, names;
        for (const Territory& t : map.territories) {
            ids.push_back(t.id);
            names.push_back(fold(t.name.get(q.lang)));
        }
        std::string guess = closest(q.territory, ids);
        if (guess.empty()) {
            const std::string near = closest(fold(q.territory), names);
            for (size_t t = 0; t < names.size() && guess.empty() && !near.empty(); ++t)
                if (names[t] == near) guess = map.territories[t].name.get(q.lang);
        }
        if (!guess.empty())
            r.error += fr ? " (vouliez-vous dire « " + guess + " » ?)" : " (did you mean \"" + guess + "\"?)";
        return r;
    }
    const std::vector<uint32_t> schools = schoolKinds(map);
    if (!q.school.empty()) {
        r.school = map.findActor(q.school);
        if (r.school < 0 || std::find(schools.begin(), schools.end(), uint32_t(r.school)) == schools.end()) {
            r.error = (fr ? "type d’établissement inconnu : " : "unknown kind of school: ") + q.school;
            r.school = -1;
            return r;
        }
    }
    r.ok = true;

    Context c{map,
              q.lang,
              fr,
              {},
              {},
              Map::findCategory(map.actorKinds, "personnel"),
              Map::findCategory(map.actorKinds, "collectivite")};
    c.incident.assign(map.actors.size(), {});
    for (uint32_t i = 0; i < map.relations.size(); ++i) {
        const Relation& rel = map.relations[i];
        if (rel.from >= map.actors.size() || rel.to >= map.actors.size()) continue;
        if (masks && !masks->relationShown(i)) continue;
        c.incident[rel.from].push_back(i);
        if (rel.to != rel.from) c.incident[rel.to].push_back(i);
    }
    // Stems of the topic: its id and the first word of each label ("ENT", "Équipement").
    {
        std::vector<std::string> heads{fold(r.topicId)};
        if (r.topic >= 0) {
            const Topic& t = map.topics[size_t(r.topic)];
            for (const std::string* l : {&t.label.fr, &t.label.en}) {
                std::vector<std::string> w = words(fold(*l));
                if (!w.empty()) heads.push_back(w[0]);
            }
        }
        for (const std::string& h : heads)
            for (const std::string& w : words(h)) c.topicStems.push_back(stem(w));
    }
    auto other = [&](uint32_t rel, uint32_t a) {
        const Relation& x = map.relations[rel];
        return x.from == a ? x.to : x.from;
    };

    // Where each actor answers for: its own territory on the chain, or (a typical role)
    // the chain's territory of its level, or the asked territory for roles more local.
    const std::vector<int> chain = territoryChain(map, r.territory);
    std::vector<int> step(map.territories.size(), -1);
    for (size_t i = 0; i < chain.size(); ++i) step[size_t(chain[i])] = int(i);
    const int askedLevel = map.territories[size_t(r.territory)].level;
    const std::string& asked = map.territories[size_t(r.territory)].name.get(q.lang);
    auto scope = [&](const Actor& x, int& where) {
        if (x.territory >= 0) {
            where = x.territory;
            return size_t(x.territory) < step.size() && step[size_t(x.territory)] >= 0;
        }
        where = -1;
        for (int t : chain)
            if (map.territories[size_t(t)].level == x.level) where = t;
        if (where < 0 && x.level > askedLevel) where = r.territory;
        return true;
    };
    std::vector<uint8_t> isSchool(map.actors.size(), 0);
    for (uint32_t s : schools) isSchool[s] = 1;
    // The kinds of school each collectivité is linked to (equips, runs the ENT for…).
    std::vector<std::vector<uint32_t>> authorityOf(map.actors.size());
    for (uint32_t s : schools)
        for (uint32_t rel : c.incident[s]) {
            uint32_t o = other(rel, s);
            if (map.actors[o].kind == c.kindCollectivite) authorityOf[o].push_back(s);
        }

    auto addLine = [&](uint32_t a, ContactGroup g, int where, long school, bool byTopic,
                       const std::string& mission) {
        const Actor& x = map.actors[a];
        ContactLine l;
        l.actor = a;
        l.group = g;
        l.territory = where;
        l.office = x.territory >= 0;
        l.byTopic = byTopic;
        l.school = school;
        l.who = displayName(x, q.lang);
        l.url = x.url;
        // A typical role ("the Département") as the asked territory names it ("Métropole de
        // Lyon"), with that office's site and own words.
        std::string officeWords;
        if (x.territory < 0)
            if (const Office* o = officeFor(map, a, r.territory, &l.officeTerritory)) {
                l.who = o->name.get(q.lang);
                if (o->confidence == Confidence::Unsure) l.who += fr ? " (incertain)" : " (unsure)";
                l.officeUnsure = o->confidence == Confidence::Unsure;
                if (!o->url.empty()) l.url = o->url;
                officeWords = o->description.get(q.lang);
                while (!officeWords.empty() && (officeWords.back() == '.' || officeWords.back() == ' '))
                    officeWords.pop_back();
            }
        std::string prefix;
        if (g == ContactGroup::School) {
            prefix = (fr ? "Dans votre " : "In your ") + schoolNoun(map, uint32_t(school), q.lang);
        } else if (g == ContactGroup::Authority && school >= 0) {
            const std::string noun = schoolNoun(map, uint32_t(school), q.lang);
            prefix = (fr ? "Pour " : "For ") + article(noun, fr) + noun + " (" + asked + ")";
        } else {
            prefix = where >= 0 ? map.territories[size_t(where)].name.get(q.lang)
                                : (fr ? "Partout" : "Everywhere");
        }
        std::string why = mission;
        if (!officeWords.empty()) {
            why = lowerFirst(officeWords);
        } else if (!why.empty()) {
            why = (fr ? "mission : " : "mission: ") + lowerFirst(why);
        } else if (byTopic && r.topic >= 0) {
            std::string label = map.topics[size_t(r.topic)].label.get(q.lang);
            why = (fr ? "s’occupe de : " : "handles: ") + lowerFirst(label);
        }
        if (g == ContactGroup::School) {
            std::string first =
                fr ? "premier interlocuteur dans l’établissement" : "first contact at the school";
            why = why.empty() ? first : first + " ; " + why;
        }
        l.sentence = prefix + (fr ? " : " : ": ") + l.who + (why.empty() ? "" : " — " + why);
        if (!l.url.empty()) l.sentence += (fr ? " — site " : " — website ") + l.url;
        r.lines.push_back(std::move(l));
    };

    // Topic match per actor: 2 = in its topics, 1 = a mission speaks of it, 0 = neither.
    std::vector<std::string> missionOf(map.actors.size());
    auto matches = [&](uint32_t a, long school) {
        const Actor& x = map.actors[a];
        std::string st;
        if (school >= 0) {
            const std::vector<std::string> w = words(fold(schoolNoun(map, uint32_t(school), Lang::Fr)));
            if (!w.empty()) st = stem(w.front());
        }
        missionOf[a] = topicMission(c, x, st);
        for (const std::string& t : x.topics)
            if (fold(t) == fold(r.topicId)) return 2;
        return missionOf[a].empty() ? 0 : 1;
    };

    std::vector<uint8_t> used(map.actors.size(), 0);
    // 1. The school's own persons: linked to it, or at its level and linked to one of them.
    if (r.school >= 0) {
        const uint32_t s = uint32_t(r.school);
        const int schoolLevel = map.actors[s].level;
        std::vector<uint32_t> first;
        for (uint32_t rel : c.incident[s]) {
            uint32_t o = other(rel, s);
            if (map.actors[o].kind == c.kindPersonnel && !used[o] && (!masks || masks->actorShown(o)))
                first.push_back(o), used[o] = 1;
        }
        const size_t direct = first.size();
        for (size_t i = 0; i < direct; ++i)
            for (uint32_t rel : c.incident[first[i]]) {
                uint32_t o = other(rel, first[i]);
                const Actor& x = map.actors[o];
                // Only whom they name or lead (the head appoints the RUPN), not whom they
                // support: "the teachers" are the person asking.
                const std::string& kind = map.relationKinds[size_t(map.relations[rel].kind)].id;
                const bool leads =
                    kind == "appoints" || kind == "authority" || kind == "steers" || kind == "coordinates";
                if (x.kind == c.kindPersonnel && x.level == schoolLevel && !used[o] && !isSchool[o] &&
                    leads && (!masks || masks->actorShown(o)) && map.relations[rel].from == first[i])
                    first.push_back(o), used[o] = 1;
            }
        for (uint32_t a : first) {
            int where;
            scope(map.actors[a], where);
            int m = matches(a, r.school);
            addLine(a, ContactGroup::School, where, r.school, m == 2, missionOf[a]);
        }
    }
    // 2. The local authority of each kind of school asked about, when the topic is theirs.
    for (uint32_t s : schools) {
        if (r.school >= 0 && long(s) != r.school) continue;
        for (uint32_t a = 0; a < map.actors.size(); ++a) {
            if (used[a] || (masks && !masks->actorShown(a))) continue;
            const auto& of = authorityOf[a];
            if (std::find(of.begin(), of.end(), s) == of.end()) continue;
            int where;
            if (!scope(map.actors[a], where)) continue;
            int m = matches(a, long(s));
            if (m == 0) continue;
            addLine(a, ContactGroup::Authority, where, long(s), m == 2, missionOf[a]);
        }
    }
    for (const ContactLine& l : r.lines) used[l.actor] = 1;
    // 3. Everyone else in scope who handles the topic: offices, then services.
    struct Rest {
        uint32_t actor;
        ContactGroup group;
        int where, level, match;
        bool office;
    };
    std::vector<Rest> rest;
    for (uint32_t a = 0; a < map.actors.size(); ++a) {
        const Actor& x = map.actors[a];
        if (used[a] || isSchool[a] || (masks && !masks->actorShown(a))) continue;
        // A collectivité of another kind of school is not this school's authority.
        if (r.school >= 0 && !authorityOf[a].empty()) continue;
        int where;
        if (!scope(x, where)) continue;
        int m = matches(a, r.school);
        if (m == 0) continue;
        const bool service = kindIs(
            map, x,
            {"programme", "service-numerique", "association", "entreprise", "usagers", "etablissement"});
        rest.push_back(
            {a, service ? ContactGroup::Service : ContactGroup::Office, where, x.level, m, x.territory >= 0});
    }
    std::stable_sort(rest.begin(), rest.end(), [](const Rest& a, const Rest& b) {
        if (a.group != b.group) return a.group < b.group;
        if (a.level != b.level) return a.level > b.level;  // the more local level first
        if (a.office != b.office) return a.office;         // the territory's own office first
        if (a.match != b.match) return a.match > b.match;
        return a.actor < b.actor;
    });
    for (const Rest& x : rest) addLine(x.actor, x.group, x.where, r.school, x.match == 2, missionOf[x.actor]);
    return r;
}

}  // namespace qfq::query
