// cli/common.cpp — argument parsing and output helpers shared by the commands.
//
// Contents
//   1. Arguments
//   2. Problems, the tool's catalogues, maps
//   3. Files and suggestions

#include "cli/common.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace qfq::cli {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// 1. Arguments
// ---------------------------------------------------------------------------

namespace {

// The command's options plus the common ones; value = whether the option takes a value.
std::map<std::string, bool> optionSpec(const Command& command) {
    std::map<std::string, bool> spec = {
        {"--json", false}, {"--lang", true}, {"--help", false}, {"-h", false}, {"--catalogue", true}};
    std::istringstream words(command.options ? command.options : "");
    for (std::string word; words >> word;) {
        bool value = word.back() == '=';
        if (value) word.pop_back();
        spec[word] = value;
    }
    return spec;
}

}  // namespace

bool parseArgs(const Command& command, int argc, char** argv, int first, Args& out) {
    out.command = &command;
    std::map<std::string, bool> spec = optionSpec(command);
    bool optionsEnded = false;
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (optionsEnded || arg == "-" || arg.size() < 2 || arg[0] != '-') {
            out.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        std::string name = arg, value;
        bool inlineValue = false;
        if (size_t eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            inlineValue = true;
        }
        auto it = spec.find(name);
        if (it == spec.end()) {
            std::vector<std::string> names;
            for (const auto& [n, v] : spec) names.push_back(n);
            std::string guess = closestWord(name, names);
            std::string fr = "option inconnue " + name, en = "unknown option " + name;
            if (!guess.empty()) {
                fr += " (vouliez-vous dire " + guess + " ?)";
                en += " (did you mean " + guess + "?)";
            }
            usageError(out, fr, en);
            return false;
        }
        if (it->second && !inlineValue) {
            if (i + 1 >= argc) {
                usageError(out, "l'option " + name + " attend une valeur",
                           "option " + name + " needs a value");
                return false;
            }
            value = argv[++i];
        } else if (!it->second && inlineValue) {
            usageError(out, "l'option " + name + " ne prend pas de valeur",
                       "option " + name + " takes no value");
            return false;
        }
        out.options[name] = value;
        if (name == "--json") out.json = true;
        if (name == "--catalogue") out.catalogue = value;
        if (name == "--help" || name == "-h") out.help = true;
        if (name == "--lang") {
            if (value != "fr" && value != "en") {
                usageError(out, "--lang attend fr ou en", "--lang expects fr or en");
                return false;
            }
            out.lang = value == "fr" ? Lang::Fr : Lang::En;
        }
    }
    return true;
}

int usageError(const Args& args, const std::string& fr, const std::string& en) {
    const char* name = args.command ? args.command->name : "";
    std::cerr << "qfq " << name << ": " << say(args.lang, fr, en) << "\n"
              << say(args.lang, "Aide : qfq help ", "Help: qfq help ") << name << "\n";
    return kExitUsage;
}

// ---------------------------------------------------------------------------
// 2. Problems and maps
// ---------------------------------------------------------------------------

void printProblems(const std::vector<io::Problem>& problems, Lang lang, std::ostream& out) {
    for (const io::Problem& p : problems) out << io::formatProblem(p, lang) << "\n";
}

nlohmann::json problemToJson(const io::Problem& p) {
    return {{"file", p.file},
            {"pointer", p.pointer},
            {"line", p.line},
            {"column", p.column},
            {"severity", p.warning ? "warning" : "error"},
            {"message", {{"fr", p.message.fr}, {"en", p.message.en}}}};
}

std::vector<std::string> toolCatalogues(const Args& args) {
    if (!args.catalogue.empty()) return {args.catalogue};
    std::vector<std::string> out;
    std::error_code ec;
    auto add = [&](const fs::path& index) {
        fs::path p = fs::absolute(index, ec).lexically_normal();
        if (ec || !fs::is_regular_file(p, ec)) return;
        if (std::find(out.begin(), out.end(), p.generic_string()) == out.end())
            out.push_back(p.generic_string());
    };
    if (const char* env = std::getenv("QFQ_CATALOGUE"); env && *env) {
        fs::path p(env);
        add(fs::is_directory(p, ec) ? p / "index.json" : p);
    }
#ifdef QFQ_SOURCE_DIR
    add(fs::path(QFQ_SOURCE_DIR) / "data" / "index.json");
#endif
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path dir = exe.parent_path();
        for (const char* rel : {"data", "web/data", "../../data", "../share/qfq/data"})
            add(dir / rel / "index.json");
    }
    return out;
}

io::Fetch toolFetch(const Args& args) {
    std::vector<std::string> catalogues = toolCatalogues(args);
    if (!args.catalogue.empty() && catalogues.size() == 1) {
        std::error_code ec;
        fs::path p(args.catalogue);
        if (fs::is_directory(p, ec)) catalogues[0] = (p / "index.json").generic_string();
    }
    return [catalogues](const std::string& ref, const std::string& from, io::Document& out) {
        return io::fetchFileIn(ref, from, out, catalogues);
    };
}

io::LoadResult loadWithTool(const std::string& path, const Args& args) {
    io::Document doc;
    doc.name = path;
    bool tooBig = false;
    if (!io::readFile(path, doc.text, &tooBig)) {
        io::LoadResult r;
        r.problems.push_back({path, "", 0, 0,
                              tooBig
                                  ? Text{"fichier trop gros (limite 50 Mo)", "file too large (limit 50 MB)"}
                                  : Text{"impossible de lire le fichier", "cannot read the file"},
                              false});
        return r;
    }
    return io::loadMap(doc, toolFetch(args));
}

bool loadForCommand(const std::string& path, const Args& args, io::LoadResult& out) {
    out = loadWithTool(path, args);
    printProblems(out.problems, args.lang, std::cerr);
    if (!out.ok)
        std::cerr << say(args.lang, "qfq : carte invalide, voir « qfq validate ",
                         "qfq: invalid map, see \"qfq validate ")
                  << path << say(args.lang, " »", "\"") << "\n";
    return out.ok;
}

// ---------------------------------------------------------------------------
// 3. Files and suggestions
// ---------------------------------------------------------------------------

bool writeOutput(const std::string& path, const std::string& text, Lang lang) {
    if (path.empty() || path == "-") {
        std::cout << text;
        std::cout.flush();
        return bool(std::cout);
    }
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    if (!file) {
        std::cerr << say(lang, "qfq : impossible d'écrire ", "qfq: cannot write ") << path << "\n";
        return false;
    }
    return true;
}

std::string closestWord(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const std::string& c : candidates) {
        std::vector<size_t> row(c.size() + 1);
        for (size_t j = 0; j <= c.size(); ++j) row[j] = j;
        for (size_t i = 1; i <= word.size(); ++i) {
            size_t diagonal = row[0];
            row[0] = i;
            for (size_t j = 1; j <= c.size(); ++j) {
                size_t up = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == c[j - 1] ? 0 : 1)});
                diagonal = up;
            }
        }
        if (row[c.size()] < bestDistance) bestDistance = row[c.size()], best = c;
    }
    return best;
}

}  // namespace qfq::cli
