// cli/common.h — what every `qfq` command shares.
//
// Contents
//   1. Commands (the table lives in main.cpp)
//   2. Arguments
//   3. Output helpers (languages, problems, files)
//
// Adding a command: write src/cli/cmd_NAME.cpp that defines
//     extern const Command cmd_NAME;  // listed in main.cpp
//     const Command cmd_NAME = {"NAME", "one-line summary", "full help with an example",
//                               "--option= --flag", runName};
// then add `X(NAME)` to QFQ_COMMANDS in main.cpp. Options common to all commands (--json,
// --lang fr|en, --help) need not be listed.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/load.h"
#include "model/map.h"

namespace qfq::cli {

// Exit codes shared by all commands.
constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;  // the input is wrong (invalid map, unknown actor...)
constexpr int kExitUsage = 2;    // the command line is wrong

// ---------------------------------------------------------------------------
// 1. Commands
// ---------------------------------------------------------------------------

struct Args;

struct Command {
    const char* name;
    const char* summary;  // one line, for `qfq --help`
    const char* help;     // usage, options and an example, for `qfq help NAME`
    // Options beyond the common ones, separated by spaces; a trailing '=' means the option
    // takes a value ("-o= --variant= --all").
    const char* options;
    int (*run)(const Args& args);
};

// ---------------------------------------------------------------------------
// 2. Arguments
// ---------------------------------------------------------------------------

struct Args {
    const Command* command = nullptr;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--json" → "", "-o" → "out.json"
    bool json = false;                           // --json
    Lang lang = Lang::Fr;                        // --lang fr|en
    bool help = false;                           // --help / -h
    std::string catalogue;                       // --catalogue PATH (index.json or its folder)

    bool has(const std::string& option) const { return options.count(option) != 0; }
    std::string get(const std::string& option, const std::string& fallback = "") const {
        auto it = options.find(option);
        return it == options.end() ? fallback : it->second;
    }
};

// Parses argv[first..] for `command`. Returns false after printing a usage error.
bool parseArgs(const Command& command, int argc, char** argv, int first, Args& out);

// Prints "qfq NAME: message" and a pointer to the command's help; returns kExitUsage.
int usageError(const Args& args, const std::string& fr, const std::string& en);

// ---------------------------------------------------------------------------
// 3. Output helpers
// ---------------------------------------------------------------------------

inline const std::string& say(Lang lang, const std::string& fr, const std::string& en) {
    return lang == Lang::Fr ? fr : en;
}

// One problem per line, "file:line:col: /pointer: message".
void printProblems(const std::vector<io::Problem>& problems, Lang lang, std::ostream& out);

// {"file", "pointer", "line", "column", "severity", "message": {"fr", "en"}}
nlohmann::json problemToJson(const io::Problem& problem);

// The catalogues (index.json files) where catalogue ids such as "national" are looked up
// once the nearest index.json above the file has failed: --catalogue PATH alone when given,
// else the tool's own: $QFQ_CATALOGUE, the data/ folder of the source tree the binary was
// built from, and data/ (or web/data/, ../share/qfq/data/) next to the executable.
std::vector<std::string> toolCatalogues(const Args& args);

// io::fetchFile plus the tool's catalogues: what every command uses to follow `extends`.
io::Fetch toolFetch(const Args& args);

// Loads a map file through toolFetch (problems are not printed).
io::LoadResult loadWithTool(const std::string& path, const Args& args);

// Loads a map for a command that needs a valid one: problems go to stderr (in the --lang
// language). Returns false if the map is invalid.
bool loadForCommand(const std::string& path, const Args& args, io::LoadResult& out);

// Writes to `path`, or stdout for "" and "-". Returns false after printing why.
bool writeOutput(const std::string& path, const std::string& text, Lang lang);

// The candidate closest to `word` ("" if none is close), for "did you mean" hints.
std::string closestWord(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace qfq::cli
