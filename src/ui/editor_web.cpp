// ui/editor_web.cpp — the editor between the session and the page: the map on screen follows
// the document, the work goes to the browser's storage, downloads (map JSON, the CSV set as a
// ZIP, the published site as a ZIP) go through the page, and edit.* commands come from
// window.qfq.command.
//
// Contents
//   1. Following the document (the map on screen), storage
//   2. Downloads: JSON, CSV set, published site
//   3. Starting, status, commands
//   4. Entry points for the page (download bytes, app files)
//
// Page events raised here (web/app.js): "edit-store" {name, text, original} (kept in
// localStorage, restored with edit.restore), "edit-clear", "edit-begin" (the "Modifier" button:
// the page restores the kept work or sends edit.start), "download" {name, mime} (the bytes are
// read with qfq_edit_download_data/size), "edit-publish" (the page hands the app's files with
// qfq_edit_app_file, then sends edit.publish).

#include <emscripten.h>

#include "io/csv.h"
#include "io/export.h"
#include "io/publish.h"
#include "ui/editor.h"
#include "ui/explorer.h"
#include "ui/panels.h"

namespace qfq::ui {

using nlohmann::json;

namespace {

std::string g_download;                // bytes of the last download, until the page has read them
std::vector<io::SiteFile> g_appFiles;  // the app's own files, for "Publier" (from the page)

// ---------------------------------------------------------------------------
// 1. Following the document
// ---------------------------------------------------------------------------

// The map on screen is the document resolved, whenever it is valid (the last valid one stays
// otherwise). Positions of actors that were on screen are kept by setMap.
void showDocument(Explorer& ex) {
    EditSession& s = ex.editor.session;
    if (!s.result.ok) return;
    Map map = s.result.map;
    std::string ref = ex.mapRef;
    long keep = ex.selected;
    std::string selectedId =
        keep >= 0 && size_t(keep) < ex.map.actors.size() ? ex.map.actors[size_t(keep)].id : "";
    setMap(ex, std::move(map), ref);
    if (!selectedId.empty()) ex.selected = ex.map.findActor(selectedId), ex.showCard = ex.selected >= 0;
}

void store(Explorer& ex) {
    Editor& e = ex.editor;
    if (e.storedRevision == e.session.revision) return;
    e.storedRevision = e.session.revision;
    json saved = {
        {"name", e.session.name}, {"text", savedText(e.session)}, {"original", e.session.originalText}};
    requestPage("edit-store", saved.dump(-1, ' ', false, json::error_handler_t::replace));
}

// After any change: the map, the storage, the message.
void changed(Explorer& ex, const json& answer) {
    Editor& e = ex.editor;
    if (answer.value("ok", false)) {
        e.lastError.clear();
        showDocument(ex);
        store(ex);
    } else if (answer.contains("error")) {
        e.lastError = answer["error"].value(ex.lang == Lang::Fr ? "fr" : "en", "");
    }
}

// ---------------------------------------------------------------------------
// 2. Downloads
// ---------------------------------------------------------------------------

void download(const std::string& name, const std::string& mime, std::string bytes) {
    g_download = std::move(bytes);
    requestPage("download", json{{"name", name}, {"mime", mime}}.dump());
}

std::string stem(const EditSession& s) {
    std::string id = s.doc.value("id", "carte");
    return id.empty() ? "carte" : id;
}

// The CSV set of the map as resolved (what `qfq export --format csv` writes), zipped.
std::string csvZip(const EditSession& s) {
    std::vector<io::SiteFile> files;
    for (auto& [name, text] : io::csvSet(s.result.map)) files.push_back({name, text});
    return io::zipStore(files);
}

// The site `qfq publish` writes: the app's files (from the page), the map and its bases
// resolved into standalone files, the catalogue and the glossary pages.
bool publishZip(const Editor& e, std::string& out) {
    const EditSession& s = e.session;
    if (!s.result.ok || g_appFiles.empty()) return false;
    std::vector<Map> bases;
    std::string ref = s.doc.value("extends", "");
    for (int depth = 0; depth < 16 && !ref.empty() && s.bases.count(ref); ++depth) {
        const io::Document& doc = s.bases.at(ref);
        io::LoadResult r =
            io::loadMap(doc, [&](const std::string& next, const std::string&, io::Document& o) {
                auto it = s.bases.find(next);
                if (it == s.bases.end()) return false;
                o = it->second;
                return true;
            });
        if (!r.ok) break;
        bases.push_back(std::move(r.map));
        ref = io::extendsOf(doc.text);
    }
    std::vector<const Map*> maps = {&s.result.map};
    for (const Map& m : bases) maps.push_back(&m);
    std::vector<io::SiteFile> files = g_appFiles;
    for (auto& f : io::siteDataFiles(maps)) files.push_back(std::move(f));
    out = io::zipStore(files);
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// 3. Starting, status, commands
// ---------------------------------------------------------------------------

void editorRemember(Explorer& ex, const std::string& ref, const std::string& name, const std::string& text) {
    if (!ref.empty()) ex.editor.session.bases[ref] = io::Document{name, text};
    if (!name.empty()) ex.editor.session.bases[name] = io::Document{name, text};
}

// The button asks the page first: it restores the work kept in the browser, if any, else
// sends edit.start.
void editorStart(Explorer& ex) {
    if (!ex.editor.session.active && ex.hasMap) requestPage("edit-begin", "");
}

namespace {

void startSession(Explorer& ex) {
    EditSession& s = ex.editor.session;
    if (s.active || !ex.hasMap) {
        s.active = s.active && ex.hasMap;
        return;
    }
    // An overlay on screen is edited as it is; a base map gets a new, empty overlay.
    auto it = s.bases.find(ex.mapRef);
    if (!ex.map.extendsChain.empty() && it != s.bases.end()) {
        std::string name = it->second.name.substr(it->second.name.find_last_of('/') + 1);
        openDocument(s, it->second.text, name);
    } else {
        openNew(s, ex.map.id, todayUtc());
    }
    std::snprintf(ex.editor.forms.mapId, sizeof ex.editor.forms.mapId, "%s", s.doc.value("id", "").c_str());
    store(ex);
}

}  // namespace

json editorStatus(const Explorer& ex) {
    const Editor& e = ex.editor;
    const EditSession& s = e.session;
    json problems = json::array();
    for (const EditProblem& p : s.problems)
        problems.push_back({{"pointer", p.pointer},
                            {"field", p.field},
                            {"warning", p.warning},
                            {"message", p.message.get(ex.lang)}});
    return {{"active", s.active},
            {"revision", s.revision},
            {"undo", s.undo.size()},
            {"redo", s.redo.size()},
            {"name", s.name},
            {"valid", s.result.ok},
            {"relationTool", e.relationTool},
            {"problems", problems},
            {"error", e.lastError},
            {"tab", e.forms.tab},
            // The command the open form would send (what it checks live): tests wait on it to
            // know that what they typed has reached the form.
            {"form", e.forms.checkedCommand},
            {"fields", e.forms.fields}};
}

json editorCommand(Explorer& ex, const json& j) {
    Editor& e = ex.editor;
    EditSession& s = e.session;
    const std::string cmd = j.value("cmd", "");
    json answer = {{"ok", true}};
    if (cmd == "edit.start") {
        if (j.value("new", false)) {
            openNew(s, j.value("extends", ex.map.id), todayUtc());
            store(ex);
        } else {
            startSession(ex);
        }
        answer["ok"] = s.active;
    } else if (cmd == "edit.open" || cmd == "edit.restore") {
        // A file the user opened, or the work kept by the page: its base must be known.
        std::string text = j.value("text", ""), base = io::extendsOf(text);
        if (!base.empty() && !s.bases.count(base)) return {{"ok", false}, {"needBase", base}};
        if (!openDocument(s, text, j.value("name", "carte.json"))) return {{"ok", false}};
        if (cmd == "edit.restore" && j.contains("original") && j["original"].is_string() &&
            !j["original"].get<std::string>().empty()) {
            s.originalText = j["original"].get<std::string>();
            s.original = OrderedJson::parse(s.originalText, nullptr, false);
            if (s.original.is_discarded()) s.original = OrderedJson(), s.originalText.clear();
        }
        e.storedRevision = cmd == "edit.restore" ? s.revision : 0;
        showDocument(ex);
        store(ex);
        answer["ok"] = s.result.ok;
    } else if (cmd == "edit.stop") {
        s.active = false;
        requestPage("edit-clear", "");
    } else if (cmd == "edit.state") {
        answer["status"] = editorStatus(ex);
        answer["document"] = json::parse(s.doc.dump());
        answer["changes"] = changes(s);
    } else if (cmd == "edit.changes") {
        answer["changes"] = changes(s);
    } else if (cmd == "edit.save") {
        answer["text"] = savedText(s);
        answer["name"] = stem(s) + ".json";
        if (j.value("download", false)) download(stem(s) + ".json", "application/json", savedText(s));
    } else if (cmd == "edit.saveCsv") {
        json files = json::object();
        for (auto& [name, text] : io::csvSet(s.result.map)) files[name] = text;
        answer["files"] = files;
        if (j.value("download", false)) download(stem(s) + "-tableur.zip", "application/zip", csvZip(s));
    } else if (cmd == "edit.publish") {
        std::string zip;
        if (!publishZip(e, zip)) {
            // The page first gathers the app's files, then sends edit.publish again.
            requestPage("edit-publish", "");
            answer["ok"] = false;
            answer["pending"] = true;
        } else {
            answer["bytes"] = zip.size();
            answer["files"] = g_appFiles.size();
            download(stem(s) + "-site.zip", "application/zip", std::move(zip));
        }
    } else if (cmd == "edit.tool") {
        e.relationTool = j.value("relation", !e.relationTool);
    } else if (applyEdit(s, j, answer)) {
        changed(ex, answer);
    } else {
        answer = {{"ok", false},
                  {"error", {{"fr", "commande inconnue : " + cmd}, {"en", "unknown command: " + cmd}}}};
    }
    if (!answer.contains("status")) answer["edit"] = editorStatus(ex);
    return answer;
}

}  // namespace qfq::ui

// ---------------------------------------------------------------------------
// 4. Entry points for the page
// ---------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* qfq_edit_download_data() {
    return qfq::ui::g_download.data();
}
EMSCRIPTEN_KEEPALIVE int qfq_edit_download_size() {
    return int(qfq::ui::g_download.size());
}
// One file of the app (index.html, qfq.wasm…) for the published site; a null name clears the list.
EMSCRIPTEN_KEEPALIVE void qfq_edit_app_file(const char* name, const char* bytes, int size) {
    if (!name) {
        qfq::ui::g_appFiles.clear();
        return;
    }
    qfq::ui::g_appFiles.push_back({name, std::string(bytes, size_t(size > 0 ? size : 0))});
}

}  // extern "C"
