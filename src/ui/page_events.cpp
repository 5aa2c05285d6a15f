// ui/page_events.cpp — the queue of requests from the explorer to the page (page_events.h).

#include "ui/page_events.h"

#include "ui/panels.h"

namespace qfq::ui {

namespace {
// Bounded: a page that stopped reading (a broken loop) must not grow it without end; the
// oldest requests are the stalest.
constexpr size_t kMaxEvents = 256;
std::vector<std::pair<std::string, std::string>> g_events;
}  // namespace

void requestPage(const char* event, const std::string& payload) {
    if (g_events.size() >= kMaxEvents) g_events.erase(g_events.begin());
    g_events.emplace_back(event, payload);
}

std::vector<std::pair<std::string, std::string>> takePageEvents() {
    std::vector<std::pair<std::string, std::string>> out;
    out.swap(g_events);
    return out;
}

size_t pendingPageEvents() {
    return g_events.size();
}

}  // namespace qfq::ui
