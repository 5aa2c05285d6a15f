// ui/explorer.h — the explorer's whole state, as one plain struct, and its entry points.
//
// Contents
//   1. Explorer state (map, layout, view, filters, panels)
//   2. Entry points called by app/ (set a map, run one frame, draw, commands)
//
// Everything the user sees is a function of this struct; the URL fragment serialises the
// part worth sharing (ui/url_state.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "io/load.h"
#include "layout/layout.h"
#include "model/map.h"
#include "query/contact.h"
#include "query/query.h"
#include "query/search.h"
#include "render/camera.h"
#include "render/scene.h"
#include "ui/editor.h"

namespace qfq::ui {

// ---------------------------------------------------------------------------
// 1. State
// ---------------------------------------------------------------------------

struct CatalogueEntry {
    std::string id, path;
    Text title, description;
    std::vector<std::string> variants;
};

struct Explorer {
    // Environment, set by app/ every frame.
    float width = 800, height = 600, dpr = 1;  // CSS pixels
    double timeMs = 0;
    float dt = 0;  // seconds since the previous frame
    Lang lang = Lang::Fr;

    // Catalogue and map.
    std::vector<CatalogueEntry> catalogue;
    std::string mapRef;  // catalogue id or URL of the current map
    Map map;
    bool hasMap = false;
    int variant = -1;                   // index into map.variants, -1 = none
    std::vector<io::Problem> problems;  // of the last load attempt
    bool showProblems = false;

    // ui/variants.cpp: ex.map's actors show the variant last applied; the actors' own wording
    // (those that have variants) is kept here to be put back. Then the switcher's filter box
    // and how many variants it lists (after the filter).
    int appliedVariant = -1;
    std::vector<std::pair<uint32_t, Actor>> unvaried;
    char variantFilter[64] = {};
    bool variantFilterFocused = false;
    int variantListed = 0;

    // Derived from the map (recomputed by setMap).
    std::vector<uint32_t> degree;
    std::vector<std::vector<uint32_t>> incident;  // relations touching each actor
    std::vector<float> radius;                    // world units

    // Layout: positions per actor; `from*` hold the previous ones during a transition.
    layout::LayoutRun run;
    layout::Graph graph;
    std::vector<uint32_t> nodeToActor;
    std::vector<float> x, y, targetX, targetY, fromX, fromY;
    float transition = 1;  // 0 → 1 while moving from old to new positions
    std::vector<layout::Band> bands;
    std::vector<uint32_t> edgeToRelation;           // graph edge -> relation
    std::vector<layout::Route> routes;              // per relation (world units); empty = straight
    std::vector<std::vector<uint32_t>> edgeGroups;  // relations drawn as one edge (same pair)
    std::vector<uint8_t> kindStrong;                // per relation kind: structural, drawn stronger
    std::vector<layout::LabelText> labelTexts;      // per actor: wrapped map label
    float layoutFont = 13;                          // label em size at zoom 1 (layout units)
    float layoutViewW = 0, layoutViewH = 0;         // the screen the layout was sized for
    bool layoutCarto = false;                       // cartographic placement (boxes, routes)
    double layoutStartMs = 0, layoutMs = 0;         // when the last layout started, how long it took
    bool layoutRunning = false;
    layout::Mode layoutMode = layout::Mode::Layered;

    // View.
    render::Camera camera;
    bool cameraSet = false;            // false until the first fit (or a camera from the URL)
    std::array<float, 4> fitCamera{};  // the last fit's camera (x, y, zoom) and toolbar height
    long hovered = -1, selected = -1, focused = -1;
    int focusDepth = 1;
    bool hideUnconnected = false;
    long dragging = -1;  // actor being dragged
    bool panning = false;
    float panAnchorX = 0, panAnchorY = 0;  // world point grabbed by a pan
    bool suppressClick = false;            // a touch pinch ended the press: no click
    long keyboardCursor = -1;
    std::array<float, 5> lastPickInputs{};  // mouse and camera at the last pick

    // Filters (1 = shown), per level / actor kind / relation kind.
    std::vector<uint8_t> levelOn, kindOn, relationKindOn;
    bool sureOnly = false;

    // Emphasis per actor / relation this frame (render::Emphasis).
    std::vector<uint8_t> actorEmphasis, relationEmphasis;
    std::vector<uint8_t> filterVisible;  // per actor, after filters only
    uint64_t emphasisKey = 0;            // inputs the emphasis above was computed from
    uint64_t mapGeneration = 0;          // bumped by setMap

    // Search.
    query::SearchIndex searchIndex;
    char searchText[256] = {};
    std::vector<query::Hit> hits;
    int hitCursor = 0;
    bool focusSearch = false;
    std::string pendingSearchChars;  // typed on the map; handed to the box once it has focus

    // Panels.
    bool showLegend = true, showGlossary = false, showFilters = false, showHelp = false;
    // The legend opens only where it hides nothing the fitted map drew; else it starts folded
    // to its titled bar. Decided once per map, on its first settled frame (ui/panels.cpp).
    bool legendPlaced = false, legendFolded = false;
    bool foldLegend = false;  // fold it on the next frame
    bool showCard = false;
    float topBarHeight = 40;  // measured each frame (the bar wraps on narrow screens)
    char glossaryFilter[128] = {};
    long pathFrom = -1;                // "path from…" source for the card
    std::vector<uint32_t> pathActors;  // highlighted path, actor indices
    char pathQuery[128] = {};
    std::vector<query::Hit> pathHits;
    query::PathResult pathResult;

    // "Whom do I contact?": topic, territory and kind of school chosen, and the answer
    // (ui/panels_contact.cpp). The answer's actors are highlighted on the map.
    bool showContact = false;
    std::vector<std::string> topics;                            // every topic id the map's actors use, sorted
    int contactTopic = -1;                                      // index into map.topics
    int contactTerritory = -1;                                  // index into map.territories
    long contactSchool = -1;                                    // actor index of the kind of school, -1 = any
    char contactTopicText[96] = {}, contactPlaceText[96] = {};  // type-to-filter boxes
    bool contactAll = false;                                    // every answer line, not only the first ones
    int contactList = 0;      // suggestions shown under: 1 the topic box, 2 the place box
    uint64_t contactKey = 0;  // the question the answer was computed for
    query::ContactAnswer contactAnswer;
    std::vector<uint32_t> answerActors;  // highlighted: the answer's actors

    // Window layout (ui/panels.cpp): a phone (narrow screen) gets a one-row bar with a menu
    // and bottom sheets; what does not fit the bar at any width goes into its menu.
    bool phone = false;
    bool searchOpen = false;                         // the search suggestions are shown
    bool escapeHandled = false;                      // a panel closed on Esc this frame (the map ignores it)
    std::array<float, 4> cardRect{}, contactRect{};  // this frame's, CSS px (0 = closed)
    int cardTerritory = -1;  // the card opened from an answer for this territory: its office shows
    float cardContentRight = 0, cardTextRight = 0;  // the card's content edge vs its text

    // The relation network (Boost.Graph) for paths and hubs, built with the map.
    query::Network network;
    std::vector<uint32_t> hubs;  // most central actors, best first

    // Screen rectangles of the named widgets drawn this frame (x0, y0, x1, y1), so tests
    // and users' scripts can click the real interface.
    std::vector<std::pair<std::string, std::array<float, 4>>> widgets;
    std::vector<std::string> glossaryLines;  // glossary rows shown this frame

    // The card's text as drawn, mirrored into the page for screen readers and tests.
    std::vector<std::string> cardLines;
    std::string publishedCard;

    // Facilitator mode, embedding and guided tours.
    bool present = false, embed = false;
    float presentScale = 1.6f;  // type size in facilitator mode (+/−)
    int tour = -1, tourStep = 0;
    // A step's frame, checked once its flight has ended (ui/present.cpp, reframeTourStep):
    // whether the check is to come, settled frames seen; the focus box (world units), the
    // screen's free top and bottom.
    struct TourFrame {
        bool pending = false;
        int wait = 0;
        std::array<float, 4> box{};
        float top = 0, bottom = 0;
    } tourFrame;
    std::vector<uint32_t> tourFocus;  // actors the current step is about
    std::vector<std::array<float, 2>> laserTrail;

    // URL fragment: waiting to be applied once the map is laid out; last one published.
    std::string pendingFragment, publishedFragment;

    // Notices shown at the bottom of the screen for a few seconds.
    std::string notice;
    double noticeUntil = 0;

    // The map editor (?edit=1, "Modifier"): its session, forms and tools (ui/editor.h).
    Editor editor;

    // Scene buffers reused between frames.
    render::Scene scene;
    std::vector<render::LabelRequest> labelRequests;
    std::vector<render::PlacedLabel> labels;
    render::DrawnScene drawn;  // what the last frame drew (window.qfq.scene())
    float frameCpuMs = 0;
};

// ---------------------------------------------------------------------------
// 2. Entry points
// ---------------------------------------------------------------------------

// Replaces the map (keeps the selection when the same actor id exists in the new one).
void setMap(Explorer& ex, Map&& map, const std::string& ref);
// Reads data/index.json (qfq-catalogue/1); ignores what it cannot read.
void setCatalogue(Explorer& ex, const std::string& json);

// One frame of interaction and UI (between ImGui::NewFrame and ImGui::Render).
void frame(Explorer& ex);
// Draws the graph (edges, nodes) through the GPU bridge; labels go into ImGui's
// background draw list during frame().
void drawGraph(Explorer& ex);

// Commands from scripts and tests (window.qfq.command): JSON in, JSON out.
std::string command(Explorer& ex, const std::string& json);
// JSON of what the last frame drew, for window.qfq.scene().
std::string sceneJson(const Explorer& ex);
// JSON status for window.qfq.status().
std::string statusJson(const Explorer& ex);

// The shareable view as a URL fragment (ui/url_state.cpp), the map it names, and applying
// one (false if a part was skipped; a notice says which).
std::string encodeState(const Explorer& ex);
std::string fragmentMap(const std::string& fragment);
bool applyState(Explorer& ex, const std::string& fragment);

// Selection, camera and filters.
void select(Explorer& ex, long actor, bool fly);
void fitAll(Explorer& ex, bool animate);
void showNotice(Explorer& ex, const std::string& text, double seconds = 5);

}  // namespace qfq::ui
