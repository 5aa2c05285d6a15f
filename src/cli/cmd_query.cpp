// cli/cmd_query.cpp — commands that lay out and question a map:
//   qfq layout FILE [--mode layered|force] [--seed N] [--iterations N] [-o OUT.json]
//   qfq search FILE QUERY [--limit N]
//   qfq focus FILE ID [--depth N]
//   qfq path FILE FROM TO [--k N] [--shortest]
//   qfq contact FILE --topic T --territory X [--school ecole|college|lycee]
//
// Contents
//   1. Shared helpers (numbers, actor lookup)
//   2. layout
//   3. search
//   4. focus
//   5. path
//   6. contact
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

#include "cli/common.h"
#include "layout/layout.h"
#include "query/contact.h"
#include "query/query.h"
#include "query/search.h"
#include "query/topic_alias.h"

namespace qfq::cli {

namespace {

// ---------------------------------------------------------------------------
// 1. Shared helpers
// ---------------------------------------------------------------------------

// Parses a whole non-negative integer option; false after a usage error.
bool intOption(const Args& args, const std::string& name, long fallback, long max, long& out) {
    out = fallback;
    if (!args.has(name)) return true;
    const std::string v = args.get(name);
    char* end = nullptr;
    long n = v.empty() ? -1 : std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 0 || n > max) {
        usageError(args, name + " attend un entier entre 0 et " + std::to_string(max),
                   name + " needs a whole number from 0 to " + std::to_string(max));
        return false;
    }
    out = n;
    return true;
}

// An actor by id, else by search (best hit); -1 after printing why.
long findActorArg(const Map& m, const std::string& key, const Args& args) {
    long a = m.findActor(key);
    if (a >= 0) return a;
    query::SearchIndex ix;
    ix.build(m);
    for (const query::Hit& h : ix.search(key, 5))
        if (!h.glossary) return long(h.index);
    std::cerr << say(args.lang, "qfq : acteur inconnu « ", "qfq: unknown actor \"") << key
              << say(args.lang, " »", "\"") << "\n";
    return -1;
}

nlohmann::json actorJson(const Map& m, uint32_t a, Lang lang) {
    const Actor& x = m.actors[a];
    return {{"id", x.id},
            {"label", x.label(lang)},
            {"name", x.name.get(lang)},
            {"level", size_t(x.level) < m.levels.size() ? m.levels[size_t(x.level)].id : ""}};
}

std::string verb(const Map& m, const Relation& r, Lang lang) {
    if (size_t(r.kind) >= m.relationKinds.size()) return "?";
    const Category& k = m.relationKinds[size_t(r.kind)];
    return k.verb.empty() ? k.label.get(lang) : k.verb.get(lang);
}

// ---------------------------------------------------------------------------
// 2. layout
// ---------------------------------------------------------------------------

int runLayout(const Args& args) {
    if (args.positional.size() != 1)
        return usageError(args, "indiquer un seul fichier", "give exactly one file");
    const std::string mode = args.get("--mode", "layered");
    if (mode != "layered" && mode != "force")
        return usageError(args, "--mode vaut layered ou force", "--mode is layered or force");
    long seed, iterations;
    if (!intOption(args, "--seed", 1, 1L << 40, seed) ||
        !intOption(args, "--iterations", 300, 100000, iterations))
        return kExitUsage;
    io::LoadResult lr;
    if (!loadForCommand(args.positional[0], args, lr)) return kExitInvalid;
    const Map& m = lr.map;

    layout::Options o;
    o.mode = mode == "force" ? layout::Mode::Force : layout::Mode::Layered;
    o.seed = uint64_t(seed);
    o.iterations = int(iterations);
    if (o.mode == layout::Mode::Force) o.levelGravity = 0.5f;  // keep the bands readable
    std::vector<uint32_t> toActor;
    layout::Graph g = layout::graphFromMap(m, args.lang, {}, {}, &toActor);
    const auto t0 = std::chrono::steady_clock::now();
    layout::LayoutRun run;
    run.start(g, o);
    while (!run.done()) run.step(1e9);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const layout::Positions& p = run.positions();

    nlohmann::json nodes = nlohmann::json::array();
    for (uint32_t i = 0; i < g.n; ++i)
        nodes.push_back({{"id", m.actors[toActor[i]].id},
                         {"x", std::round(p.x[i] * 10) / 10},
                         {"y", std::round(p.y[i] * 10) / 10}});
    nlohmann::json bands = nlohmann::json::array();
    for (const layout::Band& b : run.bands())
        bands.push_back(
            {{"level", b.level >= 0 && size_t(b.level) < m.levels.size() ? m.levels[size_t(b.level)].id : ""},
             {"y0", b.y0},
             {"y1", b.y1},
             {"rows", b.rows},
             {"actors", b.nodes}});
    const double st = layout::stress(g, p, 20000, 1);
    const uint64_t cr = layout::crossings(g, p, 2000, 1);
    nlohmann::json out = {{"schema", "qfq-layout/1"},
                          {"map", m.id},
                          {"mode", mode},
                          {"seed", seed},
                          {"iterations", o.mode == layout::Mode::Force ? iterations : 0},
                          {"ms", std::round(ms * 10) / 10},
                          {"stress", st},
                          {"crossings", cr},
                          {"bands", bands},
                          {"nodes", nodes}};
    const std::string path = args.get("-o");
    if (!writeOutput(path, out.dump(args.json || !path.empty() ? -1 : 1) + "\n", args.lang))
        return kExitInvalid;
    if (!path.empty() && !args.json)
        std::cout << say(args.lang, "mise en page ", "layout ") << mode << " : " << g.n
                  << say(args.lang, " acteurs, ", " actors, ") << g.edgeCount() << " relations, " << int(ms)
                  << " ms, stress " << st << ", " << cr << say(args.lang, " croisements → ", " crossings → ")
                  << path << "\n";
    return kExitOk;
}

// ---------------------------------------------------------------------------
// 3. search
// ---------------------------------------------------------------------------

int runSearch(const Args& args) {
    if (args.positional.size() != 2) return usageError(args, "indiquer FICHIER REQUÊTE", "give FILE QUERY");
    long limit;
    if (!intOption(args, "--limit", 10, 1000, limit)) return kExitUsage;
    io::LoadResult lr;
    if (!loadForCommand(args.positional[0], args, lr)) return kExitInvalid;
    const Map& m = lr.map;
    query::SearchIndex ix;
    ix.build(m);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<query::Hit> hits = ix.search(args.positional[1], size_t(limit));
    const double us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    if (args.json) {
        nlohmann::json a = nlohmann::json::array();
        for (const query::Hit& h : hits) {
            nlohmann::json j = {{"field", query::fieldName(h.field)},
                                {"tier", query::tierName(h.tier)},
                                {"typos", h.typos},
                                {"text", h.text},
                                {"why", query::explain(h, m, args.lang)}};
            if (h.glossary)
                j["glossary"] = m.glossary[h.index].term;
            else
                j["actor"] = actorJson(m, h.index, args.lang);
            a.push_back(j);
        }
        std::cout << nlohmann::json{{"query", args.positional[1]}, {"microseconds", us}, {"hits", a}}.dump(1)
                  << "\n";
        return kExitOk;
    }
    if (hits.empty()) std::cout << say(args.lang, "aucun résultat\n", "no match\n");
    for (size_t i = 0; i < hits.size(); ++i) {
        const query::Hit& h = hits[i];
        std::cout << i + 1 << ". ";
        if (h.glossary)
            std::cout << m.glossary[h.index].term << " — " << m.glossary[h.index].expansion.get(args.lang);
        else
            std::cout << m.actors[h.index].label(args.lang) << " — " << m.actors[h.index].name.get(args.lang)
                      << " (" << m.actors[h.index].id << ")";
        std::cout << "  [" << query::explain(h, m, args.lang) << "]\n";
    }
    return kExitOk;
}

// ---------------------------------------------------------------------------
// 4. focus
// ---------------------------------------------------------------------------

int runFocus(const Args& args) {
    if (args.positional.size() != 2) return usageError(args, "indiquer FICHIER ACTEUR", "give FILE ACTOR");
    long depth;
    if (!intOption(args, "--depth", 1, 1000, depth)) return kExitUsage;
    io::LoadResult lr;
    if (!loadForCommand(args.positional[0], args, lr)) return kExitInvalid;
    const Map& m = lr.map;
    long a = findActorArg(m, args.positional[1], args);
    if (a < 0) return kExitInvalid;
    query::Network net;
    net.build(m);
    query::Neighbourhood nb = net.neighbourhood(uint32_t(a), int(depth));
    if (args.json) {
        nlohmann::json actors = nlohmann::json::array(), rels = nlohmann::json::array();
        for (size_t i = 0; i < nb.actors.size(); ++i) {
            nlohmann::json j = actorJson(m, nb.actors[i], args.lang);
            j["depth"] = nb.depth[i];
            actors.push_back(j);
        }
        for (uint32_t r : nb.relations)
            rels.push_back({{"id", m.relations[r].id},
                            {"from", m.actors[m.relations[r].from].id},
                            {"to", m.actors[m.relations[r].to].id},
                            {"kind", m.relationKinds[size_t(m.relations[r].kind)].id}});
        std::cout << nlohmann::json{{"centre", m.actors[size_t(a)].id},
                                    {"depth", depth},
                                    {"actors", actors},
                                    {"relations", rels}}
                         .dump(1)
                  << "\n";
        return kExitOk;
    }
    std::cout << m.actors[size_t(a)].label(args.lang) << say(args.lang, " : ", ": ") << nb.actors.size() - 1
              << say(args.lang, " acteurs à ", " actors within ") << depth
              << say(args.lang, " pas ou moins, ", " hops, ") << nb.relations.size() << " relations\n";
    for (size_t i = 1; i < nb.actors.size(); ++i)
        std::cout << "  " << nb.depth[i] << "  " << m.actors[nb.actors[i]].label(args.lang) << " ("
                  << m.actors[nb.actors[i]].id << ")\n";
    return kExitOk;
}

// ---------------------------------------------------------------------------
// 5. path
// ---------------------------------------------------------------------------

int runPath(const Args& args) {
    if (args.positional.size() != 3) return usageError(args, "indiquer FICHIER DE VERS", "give FILE FROM TO");
    long k;
    if (!intOption(args, "--k", 3, 64, k)) return kExitUsage;
    io::LoadResult lr;
    if (!loadForCommand(args.positional[0], args, lr)) return kExitInvalid;
    const Map& m = lr.map;
    long from = findActorArg(m, args.positional[1], args), to = findActorArg(m, args.positional[2], args);
    if (from < 0 || to < 0) return kExitInvalid;
    query::Network net;
    net.build(m);
    // The institutional chain first (authority, steering, appointment…); --shortest: fewest hops.
    query::PathResult r = args.has("--shortest") ? net.paths(uint32_t(from), uint32_t(to), int(k))
                                                 : net.chainPaths(uint32_t(from), uint32_t(to), int(k));
    if (args.json) {
        nlohmann::json paths = nlohmann::json::array();
        for (const query::Path& p : r.paths) {
            nlohmann::json steps = nlohmann::json::array();
            for (size_t i = 0; i < p.relations.size(); ++i) {
                const Relation& rel = m.relations[p.relations[i]];
                steps.push_back({{"from", m.actors[p.actors[i]].id},
                                 {"to", m.actors[p.actors[i + 1]].id},
                                 {"relation", rel.id},
                                 {"kind", m.relationKinds[size_t(rel.kind)].id},
                                 {"forward", bool(p.forward[i])}});
            }
            nlohmann::json ids = nlohmann::json::array();
            for (uint32_t x : p.actors) ids.push_back(m.actors[x].id);
            paths.push_back({{"actors", ids}, {"steps", steps}, {"cost", p.cost}});
        }
        std::cout << nlohmann::json{{"from", m.actors[size_t(from)].id},
                                    {"to", m.actors[size_t(to)].id},
                                    {"undirected", r.undirected},
                                    {"truncated", r.truncated},
                                    {"paths", paths}}
                         .dump(1)
                  << "\n";
        return r.paths.empty() ? kExitInvalid : kExitOk;
    }
    if (r.paths.empty()) {
        std::cout << say(args.lang, "aucun chemin\n", "no path\n");
        return kExitInvalid;
    }
    if (r.undirected)
        std::cout << say(args.lang, "(aucun chemin dans le sens des relations : sens ignoré)\n",
                         "(no path along the relations' directions: directions ignored)\n");
    if (r.truncated)
        std::cout << say(args.lang, "(recherche arrêtée : graphe trop grand pour d'autres chemins)\n",
                         "(search stopped: graph too large to look for more paths)\n");
    for (const query::Path& p : r.paths) {
        std::cout << m.actors[p.actors[0]].label(args.lang);
        std::vector<std::string> kinds;  // the relation kinds it follows, in order, once each
        for (size_t i = 0; i < p.relations.size(); ++i) {
            const Relation& rel = m.relations[p.relations[i]];
            const std::string v = verb(m, rel, args.lang);
            std::cout << (p.forward[i] ? " —" + v + "→ " : " ←" + v + "— ")
                      << m.actors[p.actors[i + 1]].label(args.lang);
            const std::string& kind = m.relationKinds[size_t(rel.kind)].label.get(args.lang);
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
        }
        std::cout << "\n    " << say(args.lang, "suit : ", "follows: ");
        for (size_t i = 0; i < kinds.size(); ++i) std::cout << (i ? ", " : "") << kinds[i];
        std::cout << "\n";
    }
    return kExitOk;
}

// ---------------------------------------------------------------------------
// 6. contact
// ---------------------------------------------------------------------------

int runContact(const Args& args) {
    if (args.positional.size() != 1)
        return usageError(args, "indiquer un seul fichier", "give exactly one file");
    if (!args.has("--topic")) return usageError(args, "--topic est requis", "--topic is required");
    io::LoadResult lr;
    if (!loadForCommand(args.positional[0], args, lr)) return kExitInvalid;
    const Map& m = lr.map;
    query::ContactQuery q;
    q.topic = args.get("--topic");  // an id or a word of either language: "formation", "ENT"
    q.territory = args.has("--territory") ? args.get("--territory") : "";
    q.school = args.has("--school") ? args.get("--school") : "";
    q.lang = args.lang;
    query::ContactAnswer r = query::answerContact(m, q);
    if (!r.ok) {
        std::cerr << "qfq contact: " << r.error << "\n";
        if (r.topicId.empty() || r.topic < 0) {
            std::cerr << say(args.lang, "  sujets : ", "  topics: ");
            for (size_t t = 0; t < m.topics.size(); ++t)
                std::cerr << (t ? ", " : "") << m.topics[t].id << " (" << m.topics[t].label.get(args.lang)
                          << ")";
            std::cerr << "\n";
        }
        return kExitInvalid;
    }
    static const char* kGroups[] = {"school", "authority", "office", "service"};
    if (args.json) {
        nlohmann::json lines = nlohmann::json::array();
        for (const query::ContactLine& l : r.lines) {
            nlohmann::json j = actorJson(m, l.actor, args.lang);
            j["group"] = kGroups[int(l.group)];
            j["territory"] = l.territory >= 0 ? m.territories[size_t(l.territory)].id : "";
            j["own"] = l.office;  // the territory's own actor (not a typical role)
            if (l.officeTerritory >= 0) {
                // The concrete office of a typical role here ("DSDEN du Finistère").
                nlohmann::json office = {{"name", l.who},
                                         {"territory", m.territories[size_t(l.officeTerritory)].id}};
                if (!l.url.empty()) office["url"] = l.url;
                if (l.officeUnsure) office["confidence"] = "unsure";
                j["office"] = std::move(office);
            }
            j["byTopic"] = l.byTopic;
            j["school"] = l.school >= 0 ? m.actors[size_t(l.school)].id : "";
            j["sentence"] = l.sentence;
            j["url"] = l.url;
            lines.push_back(j);
        }
        std::cout << nlohmann::json{{"topic", r.topicId},
                                    {"territory", m.territories[size_t(r.territory)].id},
                                    {"school", r.school >= 0 ? m.actors[size_t(r.school)].id : ""},
                                    {"lines", lines}}
                         .dump(1)
                  << "\n";
        return kExitOk;
    }
    std::cout << m.territories[size_t(r.territory)].name.get(args.lang) << " — "
              << (r.topic >= 0 ? m.topics[size_t(r.topic)].label.get(args.lang) : r.topicId) << "\n";
    if (r.lines.empty()) std::cout << say(args.lang, "personne trouvé\n", "nobody found\n");
    for (size_t i = 0; i < r.lines.size(); ++i)
        std::cout << "  " << i + 1 << ". " << r.lines[i].sentence << "\n";
    return kExitOk;
}

}  // namespace

extern const Command cmd_layout, cmd_search, cmd_focus, cmd_path, cmd_contact;

const Command cmd_layout = {
    "layout", "lay out a map (level bands or force-directed) and write positions as JSON",
    "Usage: qfq layout FILE [--mode layered|force] [--seed N] [--iterations N] [-o OUT.json]\n"
    "Writes {schema: \"qfq-layout/1\", nodes: [{id, x, y}], bands, stress, crossings, ms}.\n"
    "Example: qfq layout data/national.json --mode force --seed 7 -o build/national-layout.json\n",
    "--mode= --seed= --iterations= -o=", runLayout};

const Command cmd_search = {
    "search", "search actors and glossary (accents, case and typos forgiven)",
    "Usage: qfq search FILE QUERY [--limit N]\n"
    "Each hit says why it matched (acronym, former name of…, alias, glossary, close spelling).\n"
    "Example: qfq search data/national.json \"DANE\"\n",
    "--limit=", runSearch};

const Command cmd_focus = {
    "focus", "actors within N hops of an actor",
    "Usage: qfq focus FILE ACTOR [--depth N]   (ACTOR: an id, or a search such as DRANE)\n"
    "Example: qfq focus data/national.json drane --depth 2\n",
    "--depth=", runFocus};

const Command cmd_path = {
    "path", "how one actor reaches another: the institutional chain first",
    "Usage: qfq path FILE FROM TO [--k N] [--shortest]\n"
    "Ranks paths by institutional cost: authority, steering and appointment before advice,\n"
    "partnership, services, programmes and funding (--shortest: fewest hops instead), and\n"
    "says which relation kinds each path follows. Follows relation directions first; if no\n"
    "such path exists, ignores them and says so.\n"
    "Example: qfq path data/national.json dne ecole --k 3\n",
    "--k= --shortest", runPath};

const Command cmd_contact = {
    "contact", "whom to contact for a topic in a territory",
    "Usage: qfq contact FILE --topic T [--territory X] [--school S]\n"
    "  T: a topic id or word, French or English (ent, formation, équipement, training…)\n"
    "  X: territory id, name or the start of one (dep-95, Ariège, finis); default: the whole map\n"
    "  S: the kind of school asked from (ecole, college, lycee); default: any\n"
    "Nearest first for the person asking: the school's own contacts (head, digital referent,\n"
    "ERUN for écoles), the local authority that runs T for that kind of school, then State\n"
    "offices from the most local level up (école → circonscription → département → académie →\n"
    "région académique → national), then services and programmes; each line a sentence.\n"
    "Example: qfq contact data/territories/val-d-oise.json --topic ent --territory dep-95 --school college\n",
    "--topic= --territory= --school=", runContact};

}  // namespace qfq::cli
