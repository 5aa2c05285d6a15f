// ui/page_events.h — what the explorer asks of the page (load a map, download an export,
// update the address…), queued during the frame and handed to JavaScript after it.
//
// Calling JavaScript in the middle of a frame lets a page error (a refused
// history.replaceState, a blocked download) escape through the frame and stop the loop; a
// queue read once the frame is over keeps the page's work, and its failures, outside.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace qfq::ui {

// requestPage (ui/panels.h) appends here; app/ takes the list after each frame.
std::vector<std::pair<std::string, std::string>> takePageEvents();
size_t pendingPageEvents();

}  // namespace qfq::ui
