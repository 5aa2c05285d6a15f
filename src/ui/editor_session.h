// ui/editor_session.h — the map editor's state: the overlay document being edited, its undo
// stack, and every change as a command on that document (no Dear ImGui here, so the native
// tests drive it; the panel is ui/editor_panel.cpp, the page glue ui/editor_web.cpp).
//
// Contents
//   1. EditSession
//   2. Starting: a new overlay, or an existing document
//   3. Changes (edit.* commands), undo and redo
//   4. Output: the file as saved (formatting of untouched items kept), the changes view
//
// Why the document itself: the editor works on the overlay's JSON (an ordered nlohmann value),
// not on the resolved Map, so unknown `x-` fields, the order of keys and everything it does not
// understand survive; after each change the document is resolved through the loader (the same
// messages as `qfq validate`), and a change that would make it invalid is refused with those
// messages, pointing at the field. The undo stack holds whole documents: territory overlays
// are small (tens of kB), and a document is the simplest thing that cannot drift.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/load.h"

namespace qfq::ui {

using OrderedJson = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// 1. EditSession
// ---------------------------------------------------------------------------

struct EditProblem {
    std::string pointer;  // JSON pointer in the document ("/actors/2/level")
    std::string field;    // last named part of the pointer ("level"), for the form
    Text message;         // the loader's words
    bool warning = false;
};

struct EditSession {
    bool active = false;
    OrderedJson doc;                           // the overlay being edited
    std::string name = "mon-territoire.json";  // file name used for messages and downloads
    std::string originalText;                  // the file as opened ("" for a new map)
    OrderedJson original;                      // its parsed value (untouched items keep their text)
    std::vector<OrderedJson> undo, redo;
    std::map<std::string, io::Document> bases;  // `extends` ref → the base's document, as loaded
    io::LoadResult result;                      // the document resolved after the last change
    std::vector<EditProblem> problems;          // of the last refused change (or of opening)
    uint64_t revision = 0;                      // bumped by every change, undo and redo
};

// ---------------------------------------------------------------------------
// 2. Starting
// ---------------------------------------------------------------------------

// An empty overlay of `extends`: the top level the format requires and nothing else.
OrderedJson newOverlay(const std::string& extends, const std::string& id, const std::string& title,
                       const std::string& updated);

// Starts editing `text` (a map document). False, with problems, if it is not a JSON object.
bool openDocument(EditSession& s, const std::string& text, const std::string& name);
// Starts editing a new overlay of `extends`.
void openNew(EditSession& s, const std::string& extends, const std::string& updated);

// Resolves the document through the loader with the bases in `s.bases`.
io::LoadResult resolve(const EditSession& s, const OrderedJson& doc);

// ---------------------------------------------------------------------------
// 3. Changes
// ---------------------------------------------------------------------------

// Applies one edit command ({"cmd": "edit.addActor", …}, see editor_session.cpp for the list)
// to the document. On success the document changes, the previous one goes on the undo stack and
// `answer` = {ok: true, revision}; on failure nothing changes and `answer` = {ok: false, error,
// problems: [{pointer, field, message: {fr, en}}]}. Returns whether the command is an edit
// command at all (edit.undo, edit.redo included).
bool applyEdit(EditSession& s, const nlohmann::json& command, nlohmann::json& answer);

// What applyEdit would answer, without changing anything (the forms' live validation).
nlohmann::json checkEdit(const EditSession& s, const nlohmann::json& command);

bool undoEdit(EditSession& s);
bool redoEdit(EditSession& s);

// ---------------------------------------------------------------------------
// 4. Output
// ---------------------------------------------------------------------------

// The document as a file: members and list items equal to the opened file's keep their
// original text; the rest is written with two-space indentation.
std::string savedText(const EditSession& s);

// What the territory changes relative to its base: {added: {actors: [ids]…}, overridden:
// {actors: {id: [fields]}…}, removed: {actors: [ids]…}} over actors, relations, territories,
// glossary and tours.
nlohmann::json changes(const EditSession& s);

// "YYYY-MM-DD" today (UTC), for `updated` and new sources.
std::string todayUtc();

}  // namespace qfq::ui
