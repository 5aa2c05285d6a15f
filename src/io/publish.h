// io/publish.h — the data side of a published site (what `qfq publish` and the app's
// "Publier" write besides the app's own files), and a store-only ZIP writer for the app's
// download.
//
// Contents
//   1. Site files: standalone maps, the catalogue, the glossary pages
//   2. ZIP (store-only, CRC-32)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/map.h"

namespace qfq::io {

// ---------------------------------------------------------------------------
// 1. Site files
// ---------------------------------------------------------------------------

// A file of the site: its path inside the site ("data/index.json") and its bytes.
using SiteFile = std::pair<std::string, std::string>;

// For `maps` (the first opens by default; each map's bases should follow it, resolved):
//   data/ID.json (standalone, no `extends`), data/index.json (qfq-catalogue/1),
//   glossary/ID.html, glossary/ID.en.html, glossary/index.html (no script, a CSP that allows none).
std::vector<SiteFile> siteDataFiles(const std::vector<const Map*>& maps);

// ---------------------------------------------------------------------------
// 2. ZIP
// ---------------------------------------------------------------------------

// CRC-32 (IEEE 802.3, the one ZIP uses) of `bytes`.
uint32_t crc32(std::string_view bytes);

// A ZIP archive of `files` stored without compression (method 0): every unzip tool and every
// operating system opens it, and it needs no compression library. Names are UTF-8 (flag bit 11),
// '/'-separated; dates are 1980-01-01 so that the same files give the same bytes.
std::string zipStore(const std::vector<SiteFile>& files);

}  // namespace qfq::io
