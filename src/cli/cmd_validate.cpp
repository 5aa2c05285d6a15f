// cli/cmd_validate.cpp — `qfq validate FILE...`: check maps against qfq-map/1.

#include <iostream>

#include "cli/common.h"

namespace qfq::cli {

namespace {

int runValidate(const Args& args) {
    if (args.positional.empty())
        return usageError(args, "indiquer au moins un fichier", "give at least one file");
    nlohmann::json all = nlohmann::json::array();
    bool allValid = true;
    for (const std::string& path : args.positional) {
        io::LoadResult result = loadWithTool(path, args);
        allValid = allValid && result.ok;
        if (args.json) {
            for (const io::Problem& p : result.problems) all.push_back(problemToJson(p));
            continue;
        }
        printProblems(result.problems, args.lang, std::cout);
        if (result.ok) {
            const Map& m = result.map;
            std::cout << path << ": " << say(args.lang, "valide (", "valid (") << m.actors.size()
                      << say(args.lang, " acteurs, ", " actors, ") << m.relations.size()
                      << say(args.lang, " relations)", " relations)") << "\n";
        } else {
            size_t errors = 0;
            for (const io::Problem& p : result.problems) errors += !p.warning;
            std::cout << path << ": " << say(args.lang, "invalide (", "invalid (") << errors
                      << say(args.lang, " erreur(s))", " error(s))") << "\n";
        }
    }
    if (args.json) std::cout << all.dump(2) << "\n";
    return allValid ? kExitOk : kExitInvalid;
}

}  // namespace

extern const Command cmd_validate;  // listed in main.cpp
const Command cmd_validate = {
    "validate", "check maps against the qfq-map/1 format (data/README.md)",
    "Usage: qfq validate FILE... [--lang fr|en] [--json]\n\n"
    "Checks every rule of data/README.md, follows \"extends\" (relative paths, or catalogue\n"
    "ids through the nearest index.json, then the tool's own catalogue: --catalogue PATH\n"
    "overrides it), and prints every problem as\n"
    "  file:line:column: /json/pointer: message\n"
    "Exit code 0 if every file is valid, 1 if any is invalid, 2 on a usage error.\n\n"
    "Options:\n"
    "  --lang fr|en  language of the messages (default fr)\n"
    "  --json        print a JSON array of problems, each with both languages\n"
    "  --catalogue PATH  index.json (or its folder) where catalogue ids are looked up\n\n"
    "Example:\n"
    "  qfq validate data/national.json data/territories/*.json --lang en\n",
    "", runValidate};

}  // namespace qfq::cli
