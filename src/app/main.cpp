// app/main.cpp — the browser entry points (exported to web/app.js) around one Explorer.
//
// Contents
//   1. State and fonts (DejaVu Sans, Latin-1 + Latin Extended-A, rasterised per DPI)
//   2. Start-up and GPU reset
//   3. Input: pointer (mouse, touch with pinch), wheel, keys (tracked by their code), text
//      and the text field the page's hidden input stands for
//   4. Map loading (documents handed over by JavaScript as bytes, `extends` resolved in C++)
//   5. Frame: drawn only when something changed; the page's requests queued for after it
//   6. Status, commands and the text view's data
//
// JavaScript owns the page (canvas, events, fetch); C++ owns every decision. C++ never
// calls into the page during a frame: what it asks for (load a map, download, update the
// address) waits in a queue (ui/page_events.h) that the page reads after the frame.

#include <emscripten/emscripten.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/text_view.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "io/csv.h"
#include "io/export.h"
#include "io/limits.h"
#include "io/load.h"
#include "render/gpu.h"
#include "render/ui_draw.h"
#include "ui/explorer.h"
#include "ui/page_events.h"
#include "ui/panels.h"

namespace {

// ---------------------------------------------------------------------------
// 1. State and fonts
// ---------------------------------------------------------------------------

qfq::ui::Explorer g_explorer;
std::vector<unsigned char> g_fontData;
float g_fontDpr = 0;
double g_lastTimeMs = -1;

// Frames still drawn after the last input, for at least 250 ms and 4 frames: Dear ImGui
// settles windows over a couple of frames, and the laser pointer's trail (facilitator
// mode) fades over 12. By time as well as frames: a slow machine draws few frames a second.
constexpr int kSettleFrames = 4, kSettleFramesLaser = 15;
constexpr double kSettleMs = 250;
int g_settle = kSettleFrames;
double g_settleUntil = 0;
const char* g_drawReason = "start";  // why the last frame asked for was drawn (status)
bool g_idle = false;                 // the last frame asked for was skipped
bool g_noticeShown = false;          // the last frame drew a notice (it must be taken down)
long g_publishedSelection = -2;
qfq::Lang g_publishedLang = qfq::Lang::Fr;
uint64_t g_publishedGeneration = 0;
void wake() {
    g_settle = std::max(g_settle, g_explorer.present ? kSettleFramesLaser : kSettleFrames);
    g_settleUntil = emscripten_get_now() + kSettleMs;
}

// French needs more than ASCII: « » ’ œ é è à ç ô, plus arrows and marks the UI uses.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1 Supplement, Latin Extended-A
    0x2010, 0x205E,  // General Punctuation: ’ “ ” « » — … ‹ ›
    0x20AC, 0x20AC,  // €
    0x2190, 0x21FF,  // arrows
    0x2022, 0x2022,  // bullet
    0x25A0, 0x25FF,  // geometric shapes: ▶ ▲ ●
    0x26A0, 0x26A0,  // ⚠
    0x2713, 0x2716,  // ✓ ✖
    0,
};

// Rasterises the font at the device's pixel ratio and shows it at 1/dpr, so text is
// crisp on any screen; rebuilt when the ratio changes (window moved to another screen).
void buildFonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // we keep the bytes for rebuilds
    config.OversampleH = 2;
    config.OversampleV = 1;
    // Font 0: the interface. Font 1: large type for facilitator mode (projectors), scaled
    // down rather than up so it stays sharp.
    for (float size : {15.0f * dpr, 36.0f * dpr}) {
        if (!g_fontData.empty())
            io.Fonts->AddFontFromMemoryTTF(g_fontData.data(), int(g_fontData.size()), size, &config,
                                           kGlyphRanges);
        else
            io.Fonts->AddFontDefault();
    }
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;
    g_fontDpr = dpr;
    qfq::render::uploadFontAtlas();
}

void applyStyle() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 6;
    s.FrameRounding = 4;
    s.PopupRounding = 4;
    s.GrabRounding = 4;
    s.WindowPadding = ImVec2(10, 8);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 6);
    s.WindowBorderSize = 1;
    s.Colors[ImGuiCol_WindowBg].w = 0.96f;
}

// Pasting comes from the page's `paste` event (the system clipboard, whatever copied to
// it): ImGui's own Ctrl+V finds nothing here, so nothing is pasted twice. Copies go to
// the system clipboard through the page, after the frame.
const char* getClipboard(void*) {
    return "";
}
void setClipboard(void*, const char* text) {
    qfq::ui::requestPage("clipboard", text);
}

// ---------------------------------------------------------------------------
// 3. Input helpers
// ---------------------------------------------------------------------------

struct Touch {
    float x, y;
};
std::unordered_map<int, Touch> g_touches;
int g_primaryTouch = -1;
float g_pinchDistance = 0, g_pinchX = 0, g_pinchY = 0;

void pinchState(float& cx, float& cy, float& dist) {
    auto it = g_touches.begin();
    Touch a = it->second, b = (++it)->second;
    cx = (a.x + b.x) * 0.5f;
    cy = (a.y + b.y) * 0.5f;
    dist = std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

ImGuiKey keyFromDom(const std::string& key, const std::string& code) {
    static const std::unordered_map<std::string, ImGuiKey> named = {
        {"Tab", ImGuiKey_Tab},
        {"Enter", ImGuiKey_Enter},
        {"Escape", ImGuiKey_Escape},
        {"Backspace", ImGuiKey_Backspace},
        {"Delete", ImGuiKey_Delete},
        {" ", ImGuiKey_Space},
        {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow},
        {"Home", ImGuiKey_Home},
        {"End", ImGuiKey_End},
        {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown},
        {"/", ImGuiKey_Slash},
        {"+", ImGuiKey_Equal},
        {"=", ImGuiKey_Equal},
        {"-", ImGuiKey_Minus},
        {"F11", ImGuiKey_F11},
        {"Insert", ImGuiKey_Insert},
    };
    auto it = named.find(key);
    if (it != named.end()) return it->second;
    if (code == "NumpadEnter") return ImGuiKey_KeypadEnter;
    if (key.size() == 1) {
        char c = key[0];
        if (c >= 'a' && c <= 'z') return ImGuiKey(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return ImGuiKey(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9') return ImGuiKey(ImGuiKey_0 + (c - '0'));
    }
    return ImGuiKey_None;
}

// Keys down, by the DOM's e.code (the physical key): the key-up of a key is found by its
// code, whatever character it gives by then. On AZERTY, Shift+Digit0 goes down as "0" and,
// Shift released first, comes up as "à": by e.key it would stay down for good.
std::unordered_map<std::string, ImGuiKey> g_keysDown;

void releaseAllKeys() {
    ImGuiIO& io = ImGui::GetIO();
    for (const auto& [code, key] : g_keysDown) io.AddKeyEvent(key, false);
    g_keysDown.clear();
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    io.AddKeyEvent(ImGuiMod_Shift, false);
    io.AddKeyEvent(ImGuiMod_Alt, false);
    io.AddKeyEvent(ImGuiMod_Super, false);
    io.AddFocusEvent(false);  // ImGui clears every key it still holds (its own docs: Alt-Tab)
}

// The text field the page's hidden <input> stands for: active, x, y, width, height (CSS
// pixels), and its name (a widget of Explorer::widgets).
float g_textField[5] = {};
std::string g_textFieldName;

const std::pair<std::string, std::array<float, 4>>* widgetAt(float x, float y, bool fieldsOnly) {
    for (const auto& w : g_explorer.widgets) {
        if (fieldsOnly && w.first != "search" && w.first != "glossary-filter") continue;
        const auto& r = w.second;
        if (x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]) return &w;
    }
    return nullptr;
}

void updateTextField() {
    ImGuiContext& g = *GImGui;
    const bool active = g.IO.WantTextInput;
    g_textField[0] = active ? 1.0f : 0.0f;
    if (!active) return;
    const ImVec2 at = g.PlatformImeData.InputPos;
    const float line = std::max(g.PlatformImeData.InputLineHeight, 16.0f);
    const auto* w = g.PlatformImeData.WantVisible ? widgetAt(at.x + 1, at.y + line * 0.5f, false) : nullptr;
    if (w) {
        g_textField[1] = w->second[0], g_textField[2] = w->second[1];
        g_textField[3] = w->second[2] - w->second[0], g_textField[4] = w->second[3] - w->second[1];
        g_textFieldName = w->first;
    } else {
        g_textField[1] = at.x, g_textField[2] = at.y, g_textField[3] = 200, g_textField[4] = line;
        g_textFieldName = "text";
    }
}

// ---------------------------------------------------------------------------
// 4. Map loading
// ---------------------------------------------------------------------------

struct PendingDocument {
    std::string from, ref;
    qfq::io::Document doc;
};
std::vector<PendingDocument> g_pending;
std::string g_scratch;  // returned strings live here until the next call

}  // namespace

extern "C" {

// ---------------------------------------------------------------------------
// 2. Start-up and GPU reset
// ---------------------------------------------------------------------------

// Takes ownership of the font bytes (malloc'd by JavaScript).
EMSCRIPTEN_KEEPALIVE void qfq_init(unsigned char* font, int fontSize, float dpr) {
    if (font && fontSize > 0) g_fontData.assign(font, font + fontSize);
    free(font);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.BackendPlatformName = "qfq-web";
    io.BackendRendererName = "qfq-gpu-bridge";
    io.SetClipboardTextFn = setClipboard;
    io.GetClipboardTextFn = getClipboard;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    // A steady cursor: a blinking one would need a frame every half second, idle or not.
    io.ConfigInputTextCursorBlink = false;
    applyStyle();
    buildFonts(dpr > 0 ? dpr : 1.0f);
}

// The backend changed (WebGPU lost → WebGL2): upload what lives on the GPU again.
EMSCRIPTEN_KEEPALIVE void qfq_gpu_reset() {
    qfq::render::uploadFontAtlas();
    wake();
}

EMSCRIPTEN_KEEPALIVE void qfq_set_catalogue(const char* json) {
    qfq::ui::setCatalogue(g_explorer, json);
    wake();
}

// ---------------------------------------------------------------------------
// 3. Input
// ---------------------------------------------------------------------------

// kind: 0 down, 1 move, 2 up, 3 cancel, 4 leave. touch: 1 for a finger.
EMSCRIPTEN_KEEPALIVE void qfq_pointer(int kind, int id, float x, float y, int button, int touch) {
    ImGuiIO& io = ImGui::GetIO();
    wake();
    qfq::ui::Explorer& ex = g_explorer;
    if (!touch) {
        io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
        if (kind == 4) {
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            return;
        }
        io.AddMousePosEvent(x, y);
        if ((kind == 0 || kind == 2 || kind == 3) && button >= 0 && button < 3)
            io.AddMouseButtonEvent(button, kind == 0);
        return;
    }
    // Touch: one finger behaves as a mouse (tap, drag); two fingers pinch and pan.
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (kind == 0) {
        g_touches[id] = {x, y};
        if (g_touches.size() == 1) {
            g_primaryTouch = id;
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(0, true);
        } else if (g_touches.size() == 2) {
            // A second finger turns the gesture into a pinch: the first finger's press
            // must not end as a click.
            ex.suppressClick = true;
            ex.dragging = -1;
            ex.panning = false;
            io.AddMouseButtonEvent(0, false);
            pinchState(g_pinchX, g_pinchY, g_pinchDistance);
        }
    } else if (kind == 1) {
        auto it = g_touches.find(id);
        if (it == g_touches.end()) return;
        it->second = {x, y};
        if (g_touches.size() == 1 && id == g_primaryTouch) {
            io.AddMousePosEvent(x, y);
        } else if (g_touches.size() >= 2) {
            float cx, cy, dist;
            pinchState(cx, cy, dist);
            if (g_pinchDistance > 1.0f && dist > 1.0f)
                ex.camera.zoomAt(dist / g_pinchDistance, cx, cy, ex.width, ex.height);
            ex.camera.panPixels(cx - g_pinchX, cy - g_pinchY);
            g_pinchX = cx, g_pinchY = cy, g_pinchDistance = dist;
        }
    } else {
        bool wasPrimary = id == g_primaryTouch;
        size_t before = g_touches.size();
        g_touches.erase(id);
        if (before == 1 && wasPrimary) {
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(0, false);
            g_primaryTouch = -1;
        }
        if (g_touches.empty()) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        if (g_touches.size() == 1) g_primaryTouch = -2;  // the rest of a pinch does not drag
    }
}

EMSCRIPTEN_KEEPALIVE void qfq_wheel(float x, float y, float dx, float dy, int ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    wake();
    io.AddMousePosEvent(x, y);
    // Touchpad pinches arrive as ctrl+wheel with small deltas: make them as responsive.
    float scale = ctrl ? 1.0f / 12.0f : 1.0f / 100.0f;
    io.AddMouseWheelEvent(-dx * scale, -dy * scale);
}

// mods: 1 ctrl, 2 shift, 4 alt, 8 meta.
EMSCRIPTEN_KEEPALIVE void qfq_key_state(int, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, mods & 1);
    io.AddKeyEvent(ImGuiMod_Shift, mods & 2);
    io.AddKeyEvent(ImGuiMod_Alt, mods & 4);
    io.AddKeyEvent(ImGuiMod_Super, mods & 8);
    wake();
}

// A key goes down: mapped from e.key (what the user means: "0", "/", "+" whatever the
// layout), remembered under e.code until its key-up.
EMSCRIPTEN_KEEPALIVE int qfq_key(const char* key, const char* code) {
    ImGuiKey k = keyFromDom(key, code);
    wake();
    if (k == ImGuiKey_None) return 0;
    std::string id = code && *code ? code : key;
    auto it = g_keysDown.find(id);
    if (it != g_keysDown.end() && it->second != k) ImGui::GetIO().AddKeyEvent(it->second, false);
    g_keysDown[id] = k;
    ImGui::GetIO().AddKeyEvent(k, true);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void qfq_key_up(const char* key, const char* code) {
    wake();
    std::string id = code && *code ? code : key;
    auto it = g_keysDown.find(id);
    if (it != g_keysDown.end()) {
        ImGui::GetIO().AddKeyEvent(it->second, false);
        g_keysDown.erase(it);
        return;
    }
    ImGuiKey k = keyFromDom(key, code);  // pressed before the page listened, or no code
    if (k != ImGuiKey_None) ImGui::GetIO().AddKeyEvent(k, false);
}

// The window or the page lost the focus (Alt+Tab, another tab): keys held then never
// send their key-up here, and would stay down (and repeat) for good.
EMSCRIPTEN_KEEPALIVE void qfq_keys_release_all() {
    releaseAllKeys();
    wake();
}
EMSCRIPTEN_KEEPALIVE void qfq_app_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    wake();
}

// Keys ImGui holds down now, and keys waiting for their key-up (tests: none after a blur).
EMSCRIPTEN_KEEPALIVE int qfq_keys_down() {
    int n = 0;
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k) n += ImGui::IsKeyDown(ImGuiKey(k));
    return std::max(n, int(g_keysDown.size()));
}

// The text field the page's hidden input stands for (see g_textField), after each frame.
EMSCRIPTEN_KEEPALIVE const float* qfq_text_field() {
    return g_textField;
}
EMSCRIPTEN_KEEPALIVE const char* qfq_text_field_name() {
    return g_textFieldName.c_str();
}
// The focus left for another part of the page: the ImGui field lets go of the keyboard.
EMSCRIPTEN_KEEPALIVE void qfq_text_field_release() {
    ImGui::ClearActiveID();
    g_textField[0] = 0;
    wake();
}
// Is the pointer over a text field? (A tap there focuses the hidden input during the
// gesture: phones open their keyboard for no other focus.)
EMSCRIPTEN_KEEPALIVE int qfq_text_field_hovered() {
    const ImVec2 m = ImGui::GetIO().MousePos;
    return widgetAt(m.x, m.y, true) != nullptr;
}

EMSCRIPTEN_KEEPALIVE void qfq_text(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    qfq::ui::Explorer& ex = g_explorer;
    wake();
    if (io.WantTextInput && ex.pendingSearchChars.empty()) {
        io.AddInputCharactersUTF8(utf8);
        return;
    }
    // Typing on the map searches ("erun" needs no click first). "/" only opens the box;
    // the map's own shortcuts (+ - = 0, space) keep their meaning.
    const std::string s = utf8;
    static const std::string shortcuts = "/+-=0 ";
    if (s.size() == 1 && shortcuts.find(s[0]) != std::string::npos && ex.pendingSearchChars.empty()) return;
    if (ex.pendingSearchChars.empty() && !ex.focusSearch) ex.searchText[0] = 0;
    ex.pendingSearchChars += s;
    ex.focusSearch = true;
}

// ---------------------------------------------------------------------------
// 4. Map loading
// ---------------------------------------------------------------------------

// The largest map file the loader accepts: the page refuses bigger downloads and dropped
// files before reading them, with the loader's own number rather than a copy of it.
EMSCRIPTEN_KEEPALIVE int qfq_file_limit() {
    return int(qfq::io::Limits::kFileBytes);
}

// A map the page could not even read (network or CORS failure, HTTP status, timeout, too
// large, address refused): listed with the load errors, in both languages; the map on
// screen stays. `first` starts a new list, else the problem is added to the last load's.
EMSCRIPTEN_KEEPALIVE void qfq_load_problem(const char* file, const char* fr, const char* en, int first) {
    qfq::ui::Explorer& ex = g_explorer;
    if (first) ex.problems.clear();
    qfq::io::Problem problem;
    problem.file = file;
    problem.message = {fr, en};
    ex.problems.push_back(std::move(problem));
    ex.showProblems = true;
    wake();
}

// Documents arrive as the bytes that were downloaded or dropped (a NUL byte included):
// the loader checks their UTF-8 and reports a bad byte at its line and column.
EMSCRIPTEN_KEEPALIVE const char* qfq_extends_of_bytes(const char* bytes, int size) {
    g_scratch = qfq::io::extendsOf(std::string(bytes, size_t(std::max(size, 0))));
    return g_scratch.c_str();
}

EMSCRIPTEN_KEEPALIVE void qfq_load_begin() {
    g_pending.clear();
}

EMSCRIPTEN_KEEPALIVE void qfq_load_add_bytes(const char* from, const char* ref, const char* name,
                                             const char* bytes, int size) {
    g_pending.push_back({from, ref, {name, std::string(bytes, size_t(std::max(size, 0)))}});
}

// Resolves and checks the documents handed over; swaps the map in only if it is valid.
EMSCRIPTEN_KEEPALIVE int qfq_load_finish() {
    wake();
    if (g_pending.empty()) return 0;
    qfq::io::Fetch fetch = [](const std::string& ref, const std::string& from, qfq::io::Document& out) {
        for (const PendingDocument& p : g_pending)
            if (p.ref == ref && (p.from == from || from.empty())) {
                out = p.doc;
                return true;
            }
        for (const PendingDocument& p : g_pending)  // same ref seen from another document
            if (p.ref == ref) {
                out = p.doc;
                return true;
            }
        return false;
    };
    qfq::io::LoadResult result = qfq::io::loadMap(g_pending.front().doc, fetch);
    qfq::ui::Explorer& ex = g_explorer;
    ex.problems = result.problems;
    if (!result.ok) {
        ex.showProblems = true;
        g_pending.clear();
        return 0;
    }
    ex.showProblems = false;
    // The editor resolves offline with the documents loaded (ui/editor.h).
    for (const PendingDocument& p : g_pending) qfq::ui::editorRemember(ex, p.ref, p.doc.name, p.doc.text);
    // The map is known by the reference the user gave (catalogue id or URL): that is what
    // a shared link must name.
    const PendingDocument& main = g_pending.front();
    qfq::ui::setMap(ex, std::move(result.map), main.ref.empty() ? main.doc.name : main.ref);
    g_pending.clear();
    return 1;
}

// A spreadsheet pair dropped on the page, as the files' bytes: imported as an overlay of
// the map on screen (rows naming its actors override them), checked like any map, shown
// only if valid. The CSV reader decides the encoding (UTF-8, else Windows-1252: what
// French Excel writes for "CSV (séparateur : point-virgule)").
EMSCRIPTEN_KEEPALIVE int qfq_import_csv_bytes(const char* actorsName, const char* actorsBytes, int actorsSize,
                                              const char* relationsName, const char* relationsBytes,
                                              int relationsSize) {
    qfq::ui::Explorer& ex = g_explorer;
    wake();
    const std::string actorsText(actorsBytes, size_t(std::max(actorsSize, 0)));
    const std::string relationsText(relationsBytes, size_t(std::max(relationsSize, 0)));
    if (!ex.hasMap) return 0;
    qfq::io::CsvImportOptions options;
    options.base = &ex.map;
    options.extends = ex.map.id;
    options.id = "import";
    options.title = actorsName;
    const std::string baseText = qfq::io::toJson(ex.map).dump();
    qfq::io::Fetch fetch = [&](const std::string& ref, const std::string&, qfq::io::Document& out) {
        if (ref != ex.map.id) return false;
        out = {ex.mapRef, baseText};
        return true;
    };
    qfq::io::CsvImport result =
        qfq::io::importCsv({actorsName, actorsText}, {relationsName, relationsText}, options, fetch);
    ex.problems = result.problems;
    if (!result.ok) {
        ex.showProblems = true;
        return 0;
    }
    ex.showProblems = false;
    qfq::ui::setMap(ex, std::move(result.map), actorsName);
    return 1;
}

// Exports of the map on screen, with the same C++ writers as `qfq export`. The bytes stay
// in g_export until the page has read them (qfq_export_data / qfq_export_size).
std::string g_export;
EMSCRIPTEN_KEEPALIVE int qfq_export(const char* format, float scale) {
    qfq::ui::Explorer& ex = g_explorer;
    g_export.clear();
    if (!ex.hasMap) return 0;
    const std::string f = format;
    qfq::io::View view{ex.camera.x, ex.camera.y, ex.camera.zoom, ex.width, ex.height};
    std::vector<uint8_t> actors(ex.actorEmphasis.size()), relations(ex.relationEmphasis.size());
    for (size_t a = 0; a < actors.size(); ++a) actors[a] = ex.actorEmphasis[a] != qfq::render::Hidden;
    for (size_t r = 0; r < relations.size(); ++r)
        relations[r] = ex.relationEmphasis[r] != qfq::render::Hidden;
    qfq::io::ExportOptions options;
    options.lang = ex.lang;
    options.title = ex.map.title.get(ex.lang);
    if (ex.variant >= 0) options.title += " — " + ex.map.variants[size_t(ex.variant)].label.get(ex.lang);
    options.scale = std::clamp(scale, 1.0f, 4.0f);
    options.visibleActors = &actors;
    options.visibleRelations = &relations;
    // The picture uses the screen's routes, discs and label placement (io/export_scene.cpp).
    options.radius = &ex.radius;
    options.labelFont = ex.layoutFont;
    if (ex.layoutCarto) options.routes = &ex.routes, options.layoutBands = &ex.bands;
    if (f == "svg")
        g_export = qfq::io::toSvg(ex.map, ex.x, ex.y, view, options);
    else if (f == "png") {
        std::vector<uint8_t> png = qfq::io::toPng(ex.map, ex.x, ex.y, view, options, g_fontData);
        g_export.assign(png.begin(), png.end());
    } else if (f == "graphml")
        g_export = qfq::io::toGraphML(ex.map, ex.x, ex.y);
    else if (f == "gexf")
        g_export = qfq::io::toGEXF(ex.map, ex.x, ex.y);
    else if (f == "dot")
        g_export = qfq::io::toDot(ex.map, ex.x, ex.y, ex.lang);
    else if (f == "actors.csv")
        g_export = qfq::io::actorsCsv(ex.map);
    else if (f == "relations.csv")
        g_export = qfq::io::relationsCsv(ex.map);
    else if (f == "json")
        g_export = qfq::io::toJson(ex.map).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_export.empty() ? 0 : 1;
}
EMSCRIPTEN_KEEPALIVE const char* qfq_export_data() {
    return g_export.data();
}
EMSCRIPTEN_KEEPALIVE int qfq_export_size() {
    return int(g_export.size());
}

// ---------------------------------------------------------------------------
// 5. Frame
// ---------------------------------------------------------------------------

// Whether the next animation frame must be drawn: input came (and is settling), the
// camera flies, a layout or transition runs, the canvas changed size, a notice must be
// taken down. Otherwise the page draws nothing (a projector's fans, a phone's battery).
EMSCRIPTEN_KEEPALIVE int qfq_needs_frame(double timeMs, float width, float height, float dpr) {
    const qfq::ui::Explorer& ex = g_explorer;
    ImGuiContext& g = *GImGui;
    const bool resized = std::fabs(std::max(width, 1.0f) - ex.width) > 0.5f ||
                         std::fabs(std::max(height, 1.0f) - ex.height) > 0.5f ||
                         std::fabs(dpr - ex.dpr) > 0.01f;
    bool mouseDown = false;
    for (bool b : g.IO.MouseDown) mouseDown = mouseDown || b;
    // Work that waits for a frame, counted only where a frame can do it: a fragment for a
    // map that failed to load, or keys typed in facilitator mode (no search box), would
    // otherwise keep the page drawing for good.
    const std::string pendingMap = qfq::ui::fragmentMap(ex.pendingFragment);
    const bool fragmentWaits = !ex.pendingFragment.empty() && (pendingMap.empty() || pendingMap == ex.mapRef);
    const bool searchWaits = !ex.present && (!ex.pendingSearchChars.empty() || ex.focusSearch);
    const char* why = g_settle > 0 || emscripten_get_now() < g_settleUntil ? "input"
                      : resized                                            ? "resize"
                      : g.InputEventsQueue.Size > 0                        ? "input-queue"
                      : mouseDown || ex.dragging >= 0 || ex.panning        ? "pointer-down"
                      : ex.camera.animating                                ? "camera"
                      : ex.layoutRunning || ex.transition < 1              ? "layout"
                      : ex.tour >= 0 && ex.tourFrame.pending               ? "tour-frame"
                      : fragmentWaits                                      ? "fragment"
                      : searchWaits                                        ? "search"
                      : g_noticeShown && timeMs >= ex.noticeUntil          ? "notice"
                                                                           : nullptr;
    if (!why) {
        g_idle = true;
        return 0;
    }
    g_drawReason = why;
    return 1;
}

// A state change that the page shows outside the canvas (the text view, the page's
// language), queued with the frame's other requests.
static void publishPageState() {
    qfq::ui::Explorer& ex = g_explorer;
    if (ex.selected != g_publishedSelection || ex.mapGeneration != g_publishedGeneration) {
        g_publishedSelection = ex.selected;
        g_publishedGeneration = ex.mapGeneration;
        qfq::ui::requestPage("selection", ex.selected >= 0 ? ex.map.actors[size_t(ex.selected)].id : "");
    }
    if (ex.lang != g_publishedLang) {
        g_publishedLang = ex.lang;
        qfq::ui::requestPage("lang", ex.lang == qfq::Lang::Fr ? "fr" : "en");
    }
}

EMSCRIPTEN_KEEPALIVE void qfq_frame(double timeMs, float width, float height, float dpr) {
    qfq::ui::Explorer& ex = g_explorer;
    if (dpr <= 0) dpr = 1;
    if (std::fabs(dpr - g_fontDpr) > 0.01f) buildFonts(dpr);
    ImGuiIO& io = ImGui::GetIO();
    // After an idle spell the clock jumped: animations start from a normal frame step.
    float dt = g_lastTimeMs < 0 || g_idle ? 1.0f / 60.0f : float((timeMs - g_lastTimeMs) / 1000.0);
    g_lastTimeMs = timeMs;
    g_idle = false;
    // Up to half a second a frame: a busy machine (or the first frames after an idle spell,
    // while the browser brings the canvas's buffers back) may draw two frames a second, and
    // a camera flight must still end in its time. The easing is exponential: stable at any step.
    dt = std::clamp(dt, 1.0f / 1000.0f, 0.5f);
    width = std::max(width, 1.0f);
    height = std::max(height, 1.0f);
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    io.DeltaTime = dt;
    ex.width = width, ex.height = height, ex.dpr = dpr, ex.dt = dt, ex.timeMs = timeMs;
    if (g_settle > 0) --g_settle;

    // A frame that an exception cut short (in the page's GPU code, say) left ImGui inside
    // it: close it, so this one starts clean instead of stacking windows on a broken one.
    ImGuiContext& g = *GImGui;
    if (g.WithinFrameScope) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
    }

    double t0 = emscripten_get_now();
    ImGui::NewFrame();
    qfq::ui::frame(ex);
    ImGui::Render();
    updateTextField();
    publishPageState();
    g_noticeShown = !ex.notice.empty() && ex.timeMs < ex.noticeUntil;
    qfq_gpu_begin_frame(int(std::lround(width * dpr)), int(std::lround(height * dpr)), 0xfffaf8f7u);
    qfq::ui::drawGraph(ex);
    qfq::render::drawImGui(ImGui::GetDrawData());
    qfq_gpu_end_frame();
    ex.frameCpuMs = float(emscripten_get_now() - t0);
}

// Milliseconds until C++ needs a frame by itself (a notice to take down), -1 if never: the
// page's frame loop sleeps while idle and sets a timer for this.
EMSCRIPTEN_KEEPALIVE double qfq_next_wake_ms(double nowMs) {
    const qfq::ui::Explorer& ex = g_explorer;
    if (g_noticeShown) return std::max(0.0, ex.noticeUntil - nowMs);
    return -1;
}

EMSCRIPTEN_KEEPALIVE const char* qfq_draw_reason() {
    return g_drawReason;
}

// The page's requests from the frames since the last call, as [[name, payload]…].
EMSCRIPTEN_KEEPALIVE int qfq_events_pending() {
    return int(qfq::ui::pendingPageEvents());
}
EMSCRIPTEN_KEEPALIVE const char* qfq_take_events() {
    nlohmann::json list = nlohmann::json::array();
    for (auto& [name, payload] : qfq::ui::takePageEvents()) list.push_back({name, payload});
    g_scratch = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_scratch.c_str();
}

// ---------------------------------------------------------------------------
// 6. Status and commands
// ---------------------------------------------------------------------------

// A URL fragment from the page (start-up, Back/Forward, a pasted link). If it names
// another map, the page is asked to load it and the rest waits for it.
EMSCRIPTEN_KEEPALIVE void qfq_apply_fragment(const char* fragment) {
    qfq::ui::Explorer& ex = g_explorer;
    std::string f = fragment;
    if (!f.empty() && f[0] == '#') f.erase(0, 1);
    if (f.empty()) return;
    std::string map = qfq::ui::fragmentMap(f);
    ex.pendingFragment = f;
    ex.publishedFragment = f;  // this view is already in the address bar
    wake();
    if (!map.empty() && (!ex.hasMap || map != ex.mapRef)) qfq::ui::requestPage("load-map", map);
}

EMSCRIPTEN_KEEPALIVE const char* qfq_status_json() {
    g_scratch = qfq::ui::statusJson(g_explorer);
    return g_scratch.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* qfq_command(const char* json) {
    g_scratch = qfq::ui::command(g_explorer, json);
    wake();
    return g_scratch.c_str();
}

// The text view's data (app/text_view.h); at most 5,000 actors: past that a page of
// text is no longer a way to read a map, and its search does the work.
EMSCRIPTEN_KEEPALIVE const char* qfq_text_view_json() {
    g_scratch = qfq::app::textViewJson(g_explorer, 5000);
    return g_scratch.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* qfq_contact_json(const char* topic, const char* territory) {
    g_scratch = qfq::app::contactJson(g_explorer, topic, territory);
    return g_scratch.c_str();
}

}  // extern "C"

int main() {
    return 0;
}
