// cli/cmd_stats.cpp — `qfq stats FILE`: how big a map is, per level, kind and relation kind.

#include <iostream>

#include "cli/common.h"

namespace qfq::cli {

namespace {

struct Count {
    std::string id, label;
    size_t count = 0;
};

std::vector<Count> countBy(const std::vector<Category>& categories, Lang lang) {
    std::vector<Count> out;
    for (const Category& c : categories) out.push_back({c.id, c.label.get(lang), 0});
    return out;
}

nlohmann::json toJson(const std::vector<Count>& counts) {
    nlohmann::json a = nlohmann::json::array();
    for (const Count& c : counts) a.push_back({{"id", c.id}, {"label", c.label}, {"count", c.count}});
    return a;
}

void printTable(const std::string& title, const std::vector<Count>& counts) {
    std::cout << title << "\n";
    for (const Count& c : counts) {
        std::string id = c.id;
        std::cout << "  " << id << std::string(id.size() < 22 ? 22 - id.size() : 1, ' ')
                  << std::string(c.count < 10     ? 4
                                 : c.count < 100  ? 3
                                 : c.count < 1000 ? 2
                                                  : 1,
                                 ' ')
                  << c.count << "  " << c.label << "\n";
    }
}

int runStats(const Args& args) {
    if (args.positional.size() != 1)
        return usageError(args, "indiquer un seul fichier", "give exactly one file");
    io::LoadResult result;
    if (!loadForCommand(args.positional[0], args, result)) return kExitInvalid;
    const Map& m = result.map;
    Lang lang = args.lang;

    std::vector<Count> levels = countBy(m.levels, lang), kinds = countBy(m.actorKinds, lang),
                       relationKinds = countBy(m.relationKinds, lang);
    for (const Actor& a : m.actors) {
        if (size_t(a.level) < levels.size()) ++levels[size_t(a.level)].count;
        if (size_t(a.kind) < kinds.size()) ++kinds[size_t(a.kind)].count;
    }
    for (const Relation& r : m.relations)
        if (size_t(r.kind) < relationKinds.size()) ++relationKinds[size_t(r.kind)].count;
    size_t unsure = 0;
    for (const Actor& a : m.actors) unsure += a.confidence == Confidence::Unsure;
    // Territories per level (how many académies, départements… a map answers for) and the
    // offices they name (data/README.md section 3).
    std::vector<Count> territoryLevels = countBy(m.levels, lang);
    size_t offices = 0, unsureOffices = 0;
    for (const Territory& t : m.territories) {
        if (size_t(t.level) < territoryLevels.size()) ++territoryLevels[size_t(t.level)].count;
        offices += t.offices.size();
        for (const Office& o : t.offices) unsureOffices += o.confidence == Confidence::Unsure;
    }
    size_t groupedVariants = 0;
    for (const Variant& v : m.variants) groupedVariants += !v.group.empty();

    if (args.json) {
        nlohmann::json out = {{"id", m.id},
                              {"title", m.title.get(lang)},
                              {"extends", m.extendsChain},
                              {"actors", m.actors.size()},
                              {"unsureActors", unsure},
                              {"relations", m.relations.size()},
                              {"glossary", m.glossary.size()},
                              {"territories", m.territories.size()},
                              {"variants", m.variants.size()},
                              {"groupedVariants", groupedVariants},
                              {"offices", offices},
                              {"unsureOffices", unsureOffices},
                              {"territoriesByLevel", toJson(territoryLevels)},
                              {"tours", m.tours.size()},
                              {"byLevel", toJson(levels)},
                              {"byKind", toJson(kinds)},
                              {"byRelationKind", toJson(relationKinds)}};
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << m.id << " — " << m.title.get(lang) << " (" << m.updated << ")\n";
    if (!m.extendsChain.empty()) {
        std::cout << say(lang, "étend : ", "extends: ");
        for (size_t i = 0; i < m.extendsChain.size(); ++i) std::cout << (i ? " → " : "") << m.extendsChain[i];
        std::cout << "\n";
    }
    std::cout << say(lang, "acteurs : ", "actors: ") << m.actors.size() << " (" << unsure
              << say(lang, " incertains)", " unsure)") << "\n"
              << say(lang, "relations : ", "relations: ") << m.relations.size() << "\n"
              << say(lang, "glossaire : ", "glossary: ") << m.glossary.size() << "\n"
              << say(lang, "territoires : ", "territories: ") << m.territories.size() << "\n"
              << say(lang, "variantes : ", "variants: ") << m.variants.size() << "\n"
              << say(lang, "bureaux nommés : ", "offices named: ") << offices << " (" << unsureOffices
              << say(lang, " incertains)", " unsure)") << "\n"
              << say(lang, "visites : ", "tours: ") << m.tours.size() << "\n\n";
    printTable(say(lang, "Acteurs par niveau", "Actors per level"), levels);
    printTable(say(lang, "Acteurs par type", "Actors per kind"), kinds);
    printTable(say(lang, "Relations par type", "Relations per kind"), relationKinds);
    printTable(say(lang, "Territoires par niveau", "Territories per level"), territoryLevels);
    return kExitOk;
}

}  // namespace

extern const Command cmd_stats;  // listed in main.cpp
const Command cmd_stats = {
    "stats", "count actors per level and kind, relations per kind, glossary, territories, tours",
    "Usage: qfq stats FILE [--lang fr|en] [--json]\n\n"
    "Loads FILE (with its bases) and prints how many actors each level and kind holds, how\n"
    "many relations of each kind, the sizes of the glossary, territories, variants and\n"
    "tours, the territories per level and the offices they name. Exit code 1 (and problems\n"
    "on stderr) if the map is invalid.\n\n"
    "Options:\n"
    "  --lang fr|en  language of labels and messages (default fr)\n"
    "  --json        print one JSON object\n\n"
    "Example:\n"
    "  qfq stats data/national.json --lang en\n",
    "", runStats};

}  // namespace qfq::cli
