// io/load.cpp — the public entry points: loadMap, loadFile, extendsOf, formatProblem.
//
// Contents
//   1. formatProblem
//   2. extendsOf (SAX scan, no DOM)
//   3. loadMap: fetch the chain of bases (clean ones parsed once), parse, check, merge, build
//   4. Native files: loadFile, fetchFile (relative paths and index.json catalogues)

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/internal.h"

namespace qfq::io {

using namespace detail;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// 1. formatProblem
// ---------------------------------------------------------------------------

std::string formatProblem(const Problem& p, Lang lang) {
    std::string out;
    if (!p.file.empty()) out += p.file + ":";
    if (p.line > 0) out += std::to_string(p.line) + ":" + std::to_string(p.column) + ":";
    if (!out.empty()) out += " ";
    if (!p.pointer.empty()) out += p.pointer + ": ";
    if (p.warning) out += lang == Lang::Fr ? "attention : " : "warning: ";
    return out + p.message.get(lang);
}

// ---------------------------------------------------------------------------
// 2. extendsOf
// ---------------------------------------------------------------------------

namespace {

// Reads only what it needs: stops at the top-level "extends" string.
struct ExtendsSax : nlohmann::json_sax<json> {
    int depth = 0;
    bool atExtends = false;
    std::string found;

    bool scalar() {
        atExtends = false;
        return true;
    }
    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool string(string_t& s) override {
        if (atExtends) {
            found = s;
            return false;  // done: stop parsing
        }
        return true;
    }
    bool start_object(std::size_t) override {
        atExtends = false;
        return ++depth <= kMaxDepth;
    }
    bool key(string_t& k) override {
        atExtends = depth == 1 && k == "extends";
        return true;
    }
    bool end_object() override { return --depth, true; }
    bool start_array(std::size_t) override {
        atExtends = false;
        return depth == 0 ? false : ++depth <= kMaxDepth;  // a top-level array is not a map
    }
    bool end_array() override { return --depth, true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }
};

}  // namespace

std::string extendsOf(std::string_view text) {
    try {
        if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        ExtendsSax sax;
        json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, false);
        return sax.found;
    } catch (...) {
        return "";
    }
}

// ---------------------------------------------------------------------------
// 3. loadMap
// ---------------------------------------------------------------------------

namespace {

constexpr size_t kMaxChain = Limits::kExtendsChain;

// Bases come back again and again (the national map under every territory the browser
// switches to; under every input of the fuzz_load target): a base that parsed and checked
// without a single problem is kept, and the same name, place in the chain and bytes later
// reuse its checked JSON instead of parsing and checking it again. Only clean, small
// documents are kept, so no problem (with its position) ever has to be replayed.
struct CleanBase {
    std::string name;
    int index = 0;
    std::string text;
    json root;
};
constexpr size_t kCleanBases = 4, kCleanBaseMaxBytes = 2 << 20;

std::vector<CleanBase>& cleanBases() {
    static std::vector<CleanBase> kept;  // single-threaded callers: CLI, wasm, fuzzer, tests
    return kept;
}

const CleanBase* findCleanBase(const std::string& name, int index, const std::string& text) {
    for (const CleanBase& b : cleanBases())
        if (b.index == index && b.text.size() == text.size() && b.name == name && b.text == text) return &b;
    return nullptr;
}

void keepCleanBase(const ParsedDoc& doc, int index) {
    if (doc.text.size() > kCleanBaseMaxBytes) return;
    std::vector<CleanBase>& kept = cleanBases();
    if (kept.size() >= kCleanBases) kept.erase(kept.begin());
    kept.push_back(CleanBase{doc.name, index, doc.text, doc.root});
}

std::string stringField(const json& root, const char* key) {
    if (!root.is_object()) return "";
    auto it = root.find(key);
    return it != root.end() && it->is_string() ? it->get<std::string>() : "";
}

LoadResult load(const Document& first, const Fetch& fetch) {
    std::vector<ParsedDoc> docs;
    Problems problems;
    if (first.text.size() > kMaxFileBytes) {  // refuse before copying 50 MB around
        docs.push_back(ParsedDoc{first.name, "", json(), false, false});
        problems.errorAt(
            0, -1,
            tr("fichier trop gros (" + std::to_string(first.text.size() / 1048576) + " Mo, limite 50 Mo)",
               "file too large (" + std::to_string(first.text.size() / 1048576) + " MB, limit 50 MB)"));
        LoadResult result;
        result.problems = locateProblems(docs, problems.list);
        return result;
    }
    docs.push_back(ParsedDoc{first.name, first.text, json(), false, false});
    parseDocument(docs[0], 0, problems);
    if (docs[0].parsed) checkDocument(docs[0], 0, problems);

    // Follow `extends` to the root base, even after errors, so that one run reports all.
    bool complete = false;  // the whole chain is parsed and ends with a base map
    for (;;) {
        ParsedDoc& last = docs.back();
        int at = int(docs.size()) - 1;
        if (!last.parsed || !last.root.is_object()) break;
        std::string ref = stringField(last.root, "extends");
        if (ref.empty()) {
            complete = !last.root.contains("extends");
            break;
        }
        if (docs.size() > kMaxChain) {
            problems.error(at, "/extends",
                           tr("chaîne d'« extends » trop longue (plus de 16 cartes)",
                              "chain of \"extends\" too long (more than 16 maps)"));
            break;
        }
        Document base;
        bool found = false;
        try {
            found = fetch && fetch(ref, last.name, base);
        } catch (...) {
            found = false;
        }
        if (!found) {
            problems.error(
                at, "/extends",
                tr("carte de base « " + ref + " » introuvable" +
                       (base.why.fr.empty() ? "" : " : " + base.why.fr),
                   "base map \"" + ref + "\" not found" + (base.why.en.empty() ? "" : ": " + base.why.en)));
            break;
        }
        std::string chain;
        for (const ParsedDoc& d : docs) chain += d.name + " → ";
        auto sameFile = [&](const ParsedDoc& d) { return d.name == base.name; };
        if (std::any_of(docs.begin(), docs.end(), sameFile)) {
            problems.error(
                at, "/extends",
                tr("cycle d'« extends » : " + chain + base.name, "\"extends\" cycle: " + chain + base.name));
            break;
        }
        const int index = int(docs.size());
        const size_t listedBefore = problems.list.size(), unlistedBefore = problems.unlisted;
        const CleanBase* clean = findCleanBase(base.name, index, base.text);
        if (clean) {
            docs.push_back(ParsedDoc{clean->name, clean->text, clean->root, true, true});
        } else {
            docs.push_back(ParsedDoc{base.name, std::move(base.text), json(), false, false});
            parseDocument(docs.back(), index, problems);
        }
        if (!docs.back().parsed) break;
        // The same map reached under another name is a cycle too.
        std::string id = stringField(docs.back().root, "id");
        for (int d = 0; d < index && !id.empty(); ++d)
            if (stringField(docs[size_t(d)].root, "id") == id) {
                problems.error(
                    index - 1, "/extends",
                    tr("cycle d'« extends » : " + chain + docs.back().name + " (même identifiant « " + id +
                           " »)",
                       "\"extends\" cycle: " + chain + docs.back().name + " (same id \"" + id + "\")"));
                docs.back().parsed = false;  // stop here
                break;
            }
        if (!docs.back().parsed) break;
        if (!clean) {
            checkDocument(docs.back(), index, problems);
            if (problems.list.size() == listedBefore && problems.unlisted == unlistedBefore)
                keepCleanBase(docs.back(), index);
        }
    }

    // Merging and resolving ids also run after other errors (they tolerate any shape), so
    // that a bad reference is reported together with, say, a bad date.
    LoadResult result;
    if (complete) buildMap(docs, problems, result.map);
    result.ok = problems.errors == 0;
    if (!result.ok) result.map = Map{};
    result.problems = locateProblems(docs, problems.list);
    // Reading order: leaf file first, then its bases; top to bottom within each file.
    std::vector<std::string> order;
    for (const ParsedDoc& d : docs) order.push_back(d.name);
    auto rank = [&](const Problem& p) {
        return size_t(std::find(order.begin(), order.end(), p.file) - order.begin());
    };
    std::stable_sort(result.problems.begin(), result.problems.end(), [&](const Problem& a, const Problem& b) {
        size_t ra = rank(a), rb = rank(b);
        if (ra != rb) return ra < rb;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
    if (problems.unlisted > 0) {
        std::string n = std::to_string(problems.unlisted);
        result.problems.push_back(
            {docs[0].name, "", 0, 0,
             tr("… et " + n + " autre(s) problème(s) non affiché(s) : corriger d'abord ceux-ci",
                "… and " + n + " more problem(s) not shown: fix these first"),
             false});
    }
    return result;
}

}  // namespace

LoadResult loadMap(const Document& doc, const Fetch& fetch) {
    // Nothing escapes: bad input must never abort the page or the CLI.
    try {
        return load(doc, fetch);
    } catch (const std::exception& e) {
        LoadResult r;
        r.problems.push_back(
            {doc.name, "", 0, 0,
             tr(std::string("erreur interne : ") + e.what(), std::string("internal error: ") + e.what()),
             false});
        return r;
    } catch (...) {
        LoadResult r;
        r.problems.push_back({doc.name, "", 0, 0, tr("erreur interne", "internal error"), false});
        return r;
    }
}

// ---------------------------------------------------------------------------
// 4. Native files
// ---------------------------------------------------------------------------

// Reads a whole file; false if it cannot be read or is over the size limit (then `tooBig`).
bool readFile(const std::string& path, std::string& out, bool* tooBig) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    auto size = fs::file_size(path, ec);
    if (ec) return false;
    if (size > kMaxFileBytes) {
        if (tooBig) *tooBig = true;
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

namespace {

bool looksLikePath(const std::string& ref) {
    return ref.find('/') != std::string::npos || ref.find('\\') != std::string::npos ||
           (ref.size() > 5 && ref.compare(ref.size() - 5, 5, ".json") == 0);
}

}  // namespace

namespace {

// The map `ref` listed in the catalogue `index` (an index.json), if it lists it.
bool fromCatalogue(const fs::path& index, const std::string& ref, Document& out, std::string& listed) {
    std::string text;
    if (!readFile(index, text)) return false;
    json catalogue = json::parse(text, nullptr, false);
    if (!catalogue.is_object() || catalogue.value("schema", "") != "qfq-catalogue/1" ||
        !catalogue.contains("maps") || !catalogue["maps"].is_array())
        return false;
    for (const json& entry : catalogue["maps"])
        if (entry.is_object() && entry.value("id", "") == ref && entry.contains("path") &&
            entry["path"].is_string()) {
            fs::path path = (index.parent_path() / entry["path"].get<std::string>()).lexically_normal();
            out.name = path.generic_string();
            if (readFile(path, out.text)) return true;
            if (listed.empty()) listed = index.generic_string() + " → " + out.name;
            return false;
        }
    return false;
}

}  // namespace

bool fetchFile(const std::string& ref, const std::string& from, Document& out) {
    return fetchFileIn(ref, from, out, {});
}

bool fetchFileIn(const std::string& ref, const std::string& from, Document& out,
                 const std::vector<std::string>& catalogues) {
    try {
        if (ref.find("://") != std::string::npos) {
            out.why =
                tr("les cartes sur le web ne sont lues que par le site (ici, hors ligne, donner un fichier)",
                   "maps on the web are read by the site only (here, offline, give a file)");
            return false;  // no network here
        }
        fs::path folder = fs::path(from).parent_path();
        if (looksLikePath(ref)) {
            fs::path path = (folder / ref).lexically_normal();
            out.name = path.generic_string();
            if (readFile(path, out.text)) return true;
            out.why =
                tr("fichier « " + out.name + " » absent (chemin relatif au dossier du fichier qui l'étend)",
                   "no file \"" + out.name + "\" (the path is relative to the extending file's folder)");
            return false;
        }
        // A catalogue id: the nearest index.json that lists it, walking up, then the tool's own.
        std::vector<std::string> looked;
        std::string listed;  // "index.json → its file" when a catalogue lists the id but the file is missing
        fs::path dir = folder.empty() ? fs::path(".") : folder;
        for (int up = 0; up < 64; ++up) {
            fs::path index = (dir / "index.json").lexically_normal();
            if (fromCatalogue(index, ref, out, listed)) return true;
            fs::path absolute = fs::absolute(dir).lexically_normal();
            if (absolute == absolute.root_path() || !absolute.has_relative_path()) break;
            dir = (dir / "..").lexically_normal();
        }
        looked.push_back(
            fs::absolute(folder.empty() ? fs::path(".") : folder).lexically_normal().generic_string() +
            "/index.json");
        for (const std::string& c : catalogues) {
            std::error_code ec;
            // A folder (even one that does not exist: a name without ".json") holds index.json.
            fs::path index = fs::is_directory(c, ec) || fs::path(c).extension() != ".json"
                                 ? fs::path(c) / "index.json"
                                 : fs::path(c);
            index = fs::absolute(index).lexically_normal();
            if (fromCatalogue(index, ref, out, listed)) return true;
            looked.push_back(index.generic_string());
        }
        std::string places;
        for (size_t i = 0; i < looked.size(); ++i)
            places += (i ? ", " : "") + looked[i] + (i == 0 ? " (et les dossiers au-dessus)" : "");
        std::string placesEn;
        for (size_t i = 0; i < looked.size(); ++i)
            placesEn += (i ? ", " : "") + looked[i] + (i == 0 ? " (and the folders above)" : "");
        // A catalogue that lists the id but whose file is missing is named too: the fix is there.
        const std::string brokenFr = listed.empty() ? "" : " ; " + listed + " est introuvable";
        const std::string brokenEn = listed.empty() ? "" : "; " + listed + " cannot be read";
        out.why =
            tr("cherchée dans " + places + brokenFr +
                   " ; donner le catalogue avec « --catalogue CHEMIN/index.json », ou un chemin relatif "
                   "(« ../national.json »)",
               "looked in " + placesEn + brokenEn +
                   "; give the catalogue with \"--catalogue PATH/index.json\", or a relative path "
                   "(\"../national.json\")");
        return false;
    } catch (...) {
        return false;
    }
}

LoadResult loadFile(const std::string& path) {
    Document doc;
    doc.name = path;
    bool tooBig = false;
    if (!readFile(path, doc.text, &tooBig)) {
        LoadResult r;
        r.problems.push_back({path, "", 0, 0,
                              tooBig ? tr("fichier trop gros (limite 50 Mo)", "file too large (limit 50 MB)")
                                     : tr("impossible de lire le fichier", "cannot read the file"),
                              false});
        return r;
    }
    return loadMap(doc, fetchFile);
}

}  // namespace qfq::io
