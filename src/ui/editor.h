// ui/editor.h — the map editor in the app (?edit=1, the "Modifier" button): what the rest of
// the explorer calls. The session and its document are ui/editor_session.h; the panel (forms,
// undo/redo, changes view, downloads) is ui/editor_panel.cpp; commands, storage and downloads
// through the page are ui/editor_web.cpp.
//
// Contents
//   1. Editor state beside the session (forms, tool, pending downloads)
//   2. Hooks for the explorer (panel, mouse, loaded documents, status, commands)
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ui/editor_session.h"

namespace qfq::ui {

struct Explorer;

// ---------------------------------------------------------------------------
// 1. Editor state
// ---------------------------------------------------------------------------

// The text fields of the forms (ImGui edits them in place) and what the forms last validated.
struct EditForms {
    int tab = 0;          // 0 actor, 1 relation, 2 territory, 3 glossary, 4 tour, 5 changes, 6 map
    std::string editing;  // id of the actor the actor form edits ("" = a new actor)
    char actorId[65] = {}, acronym[101] = {}, name[301] = {}, nameEn[301] = {}, description[2001] = {},
         sourceUrl[2001] = {}, verified[11] = {};
    int level = -1, kind = -1, territory = -1;
    char relFrom[65] = {}, relTo[65] = {};
    int relKind = 0;
    char terId[65] = {}, terName[301] = {}, terParent[65] = {};
    int terLevel = -1;
    char term[201] = {}, expansion[301] = {}, definition[2001] = {};
    char tourId[65] = {}, tourTitle[301] = {}, stepTitle[301] = {}, stepText[2001] = {}, stepFocus[1001] = {};
    char mapId[65] = {}, mapTitle[301] = {}, maintainer[301] = {};
    // Live validation: the command the form would send, and the loader's answer to it.
    std::string checkedCommand;
    nlohmann::json checked;
    // What each text field drawn last frame holds, by widget name: for status(), so that tests
    // and scripts know typed text has reached the form.
    std::map<std::string, std::string> fields;
};

struct Editor {
    EditSession session;
    EditForms forms;
    bool relationTool = false;       // drag from an actor to another draws a relation
    long linkFrom = -1;              // actor a relation drag started on
    std::array<float, 2> linkEnd{};  // where the drag is now (CSS pixels)
    uint64_t storedRevision = 0;     // last revision handed to the page's storage
    std::string lastError;           // of the last refused change, in the UI's language
};

// ---------------------------------------------------------------------------
// 2. Hooks
// ---------------------------------------------------------------------------

// The panel (drawn by drawPanels while the editor is on).
void editorPanel(Explorer& ex);
// The top bar's "Modifier" button: starts (or shows) the editor.
void editorStart(Explorer& ex);
// Mouse on the map while editing: the relation tool (or Alt+drag) takes the press and draws a
// relation from the actor pressed to the one released on. True if it used the mouse.
bool editorMouse(Explorer& ex);
// An actor was dragged to a new place while editing: its position goes into the document.
void editorActorMoved(Explorer& ex, long actor);
// A document the page loaded (map or base), kept so that the editor can resolve offline.
void editorRemember(Explorer& ex, const std::string& ref, const std::string& name, const std::string& text);
// The editor's part of window.qfq.status() and of window.qfq.command({cmd: "edit.…"}).
nlohmann::json editorStatus(const Explorer& ex);
nlohmann::json editorCommand(Explorer& ex, const nlohmann::json& command);

}  // namespace qfq::ui
