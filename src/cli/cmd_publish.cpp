// cli/cmd_publish.cpp — `qfq publish MAP.json... -o site/`: a static folder that any web host
// can serve: the app, standalone maps, a catalogue and HTML glossary pages.
//
// Contents
//   1. Maps and their bases
//   2. The web app's files
//   3. runPublish
//
// Layout of the site:
//   index.html, app files       copied from the web build (its data/ is left out)
//   data/index.json             qfq-catalogue/1 listing the maps, the first one as default
//   data/ID.json                each map resolved into a standalone file (no `extends`)
//   glossary/ID.html, ID.en.html, glossary/index.html   readable without JavaScript

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/common.h"
#include "io/export.h"
#include "io/publish.h"

namespace qfq::cli {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// 1. Maps and their bases
// ---------------------------------------------------------------------------

struct Published {
    std::string source;  // file it was loaded from
    Map map;
};

// Loads `path`, then each map it extends (nearest first), into `out` (skipping ids seen).
bool collect(const std::string& path, const Args& args, std::vector<Published>& out,
             std::set<std::string>& ids) {
    io::LoadResult result;
    if (!loadForCommand(path, args, result)) return false;
    if (ids.insert(result.map.id).second)
        out.push_back({path, std::move(result.map)});
    else {
        for (const Published& p : out)
            if (p.map.id == result.map.id && fs::weakly_canonical(p.source) != fs::weakly_canonical(path)) {
                std::cerr << say(args.lang, "qfq publish : deux cartes ont l'id « ",
                                 "qfq publish: two maps have id \"")
                          << result.map.id << say(args.lang, " » : ", "\": ") << p.source << ", " << path
                          << "\n";
                return false;
            }
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string ref = io::extendsOf(text);
    if (ref.empty()) return true;
    io::Document base;
    if (!toolFetch(args)(ref, path, base)) return true;  // the load found it, so this does too
    return collect(base.name, args, out, ids);
}

// ---------------------------------------------------------------------------
// 2. The web app's files
// ---------------------------------------------------------------------------

// --app, else build/web in the current folder, else ../web next to the executable.
fs::path findApp(const Args& args) {
    std::error_code ec;
    auto isApp = [&](const fs::path& p) { return fs::is_regular_file(p / "index.html", ec); };
    if (args.has("--app")) return isApp(args.get("--app")) ? fs::path(args.get("--app")) : fs::path();
    if (isApp("build/web")) return "build/web";
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && isApp(exe.parent_path() / ".." / "web"))
        return (exe.parent_path() / ".." / "web").lexically_normal();
    return {};
}

bool writeFile(const fs::path& path, const std::string& text, Lang lang) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    return writeOutput(path.string(), text, lang);
}

// ---------------------------------------------------------------------------
// 3. runPublish
// ---------------------------------------------------------------------------

int runPublish(const Args& args) {
    const Lang lang = args.lang;
    if (args.positional.empty())
        return usageError(args, "indiquer au moins une carte", "give at least one map");
    std::string outArg = args.has("-o") ? args.get("-o") : args.get("--output");
    if (outArg.empty() || outArg == "-")
        return usageError(args, "indiquer le dossier du site : -o site/", "give the site folder: -o site/");
    const fs::path site = outArg;

    std::vector<Published> maps;
    std::set<std::string> ids;
    for (const std::string& path : args.positional)
        if (!collect(path, args, maps, ids)) return kExitInvalid;

    fs::path app = findApp(args);
    if (app.empty()) {
        std::cerr << say(
            lang,
            "qfq publish : application web introuvable (build/web ou --app DOSSIER) ; la construire "
            "avec « scripts/build.sh web »\n",
            "qfq publish: web app not found (build/web or --app FOLDER); build it with "
            "\"scripts/build.sh web\"\n");
        return kExitInvalid;
    }
    std::error_code ec;
    fs::create_directories(site, ec);
    if (ec) {
        std::cerr << say(lang, "qfq publish : impossible de créer ", "qfq publish: cannot create ") << site
                  << "\n";
        return kExitInvalid;
    }
    // The app, without its own data/ (the site gets exactly the published maps).
    for (const fs::directory_entry& entry : fs::directory_iterator(app, ec)) {
        if (entry.path().filename() == "data") continue;
        fs::copy(entry.path(), site / entry.path().filename(),
                 fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
        if (ec) {
            std::cerr << say(lang, "qfq publish : copie impossible de ", "qfq publish: cannot copy ")
                      << entry.path() << ": " << ec.message() << "\n";
            return kExitInvalid;
        }
    }
    fs::remove_all(site / "data", ec);

    // The data side (standalone maps, catalogue, glossary pages) is the library's, shared
    // with the app's "Publier" (io/publish.h).
    std::vector<const Map*> list;
    for (const Published& p : maps) list.push_back(&p.map);
    for (const auto& [name, bytes] : io::siteDataFiles(list))
        if (!writeFile(site / name, bytes, lang)) return kExitInvalid;

    if (args.json) {
        nlohmann::json summary = {
            {"site", site.string()}, {"app", app.string()}, {"maps", nlohmann::json::array()}};
        for (const Published& p : maps) summary["maps"].push_back(p.map.id);
        std::cout << summary.dump(2) << "\n";
    } else {
        std::cout << say(lang, "Site écrit dans ", "Site written to ") << site.string() << " (";
        for (size_t i = 0; i < maps.size(); ++i) std::cout << (i ? ", " : "") << maps[i].map.id;
        std::cout << say(lang, ") ; application copiée depuis ", "); app copied from ") << app.string()
                  << "\n";
    }
    return kExitOk;
}

}  // namespace

extern const Command cmd_publish;  // listed in main.cpp
const Command cmd_publish = {
    "publish", "make a static web site: the app, the maps, a catalogue and glossary pages",
    "Usage: qfq publish MAP.json... -o SITE/ [--app FOLDER]\n\n"
    "Writes a folder that any static web host can serve:\n"
    "  index.html + the app       copied from --app (default build/web, else ../web next to qfq)\n"
    "  data/ID.json               each map and every map it extends, resolved (standalone)\n"
    "  data/index.json            the catalogue; the first map opens by default\n"
    "  glossary/ID.html           every acronym, actor and relation as plain HTML (no JavaScript),\n"
    "                             with a link to ../index.html?map=ID; ID.en.html in English\n"
    "Exit code 1 if a map is invalid or the app is missing.\n\n"
    "Options:\n"
    "  -o, --output SITE/  the folder to write (created; files in it are replaced)\n"
    "  --app FOLDER        the built web app (scripts/build.sh web writes build/web)\n"
    "  --lang fr|en        language of the messages (default fr)\n\n"
    "Example:\n"
    "  qfq publish data/territories/ariege.json -o site/\n"
    "  then upload site/ and embed: <iframe src=\"https://…/index.html?map=ariege&embed=1\"></iframe>\n",
    "-o= --output= --app=", runPublish};

}  // namespace qfq::cli
