// io/publish.cpp — the published site's data files and the store-only ZIP (see publish.h).
//
// Contents
//   1. Site files
//   2. ZIP

#include "io/publish.h"

#include <nlohmann/json.hpp>

#include "io/export.h"
#include "io/load.h"

namespace qfq::io {

// ---------------------------------------------------------------------------
// 1. Site files
// ---------------------------------------------------------------------------

namespace {

// The HTML pages have no script: a policy that allows none, so that a map string that ever
// escaped the escaping (every one goes through xmlEscape, URLs are http(s) only by the
// loader) still could not run; no referrer leaks to the sites the sources link to.
const std::string kCharset = "<meta charset=\"utf-8\">\n";
const std::string kPagePolicy =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'\">\n<meta name=\"referrer\" "
    "content=\"no-referrer\">\n";

std::string withPolicy(std::string html) {
    size_t at = html.find(kCharset);
    if (at != std::string::npos) html.insert(at + kCharset.size(), kPagePolicy);
    return html;
}

}  // namespace

std::vector<SiteFile> siteDataFiles(const std::vector<const Map*>& maps) {
    std::vector<SiteFile> files;
    if (maps.empty()) return files;
    nlohmann::json catalogue = {{"schema", "qfq-catalogue/1"}, {"default", maps.front()->id}};
    nlohmann::json list = nlohmann::json::array();
    std::string glossaryIndex =
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n" + kCharset +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Glossaires — Qui fait quoi ?</title>\n</head>\n<body>\n<h1>Glossaires du numérique "
        "éducatif</h1>\n<ul>\n";
    for (const Map* map : maps) {
        const Map& m = *map;
        nlohmann::json doc = toJson(m);
        files.push_back({"data/" + m.id + ".json", doc.dump(1) + "\n"});
        nlohmann::json entry = {{"id", m.id}, {"title", doc["title"]}, {"path", m.id + ".json"}};
        if (doc.contains("description")) entry["description"] = doc["description"];
        if (!m.variants.empty()) {
            nlohmann::json variants = nlohmann::json::array();
            for (const Variant& v : m.variants) variants.push_back(v.id);
            entry["variants"] = variants;
        }
        list.push_back(std::move(entry));
        const std::string appHref = "../index.html?map=" + m.id;
        files.push_back({"glossary/" + m.id + ".html",
                         withPolicy(glossaryHtml(m, Lang::Fr, appHref, m.id + ".en.html"))});
        files.push_back({"glossary/" + m.id + ".en.html",
                         withPolicy(glossaryHtml(m, Lang::En, appHref, m.id + ".html"))});
        glossaryIndex += "<li><a href=\"" + detail::xmlEscape(m.id) + ".html\">" +
                         detail::xmlEscape(m.title.get(Lang::Fr)) + "</a> (<a href=\"" +
                         detail::xmlEscape(m.id) +
                         ".en.html\" hreflang=\"en\" lang=\"en\">English</a>)</li>\n";
    }
    catalogue["maps"] = std::move(list);
    glossaryIndex += "</ul>\n<p><a href=\"../index.html\">Carte interactive</a></p>\n</body>\n</html>\n";
    files.push_back({"data/index.json", catalogue.dump(2) + "\n"});
    files.push_back({"glossary/index.html", withPolicy(glossaryIndex)});
    return files;
}

// ---------------------------------------------------------------------------
// 2. ZIP
// ---------------------------------------------------------------------------

uint32_t crc32(std::string_view bytes) {
    static uint32_t table[256];
    static bool ready = false;
    if (!ready) {
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        ready = true;
    }
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

namespace {

void le16(std::string& out, uint32_t v) {
    out += char(v & 0xFF);
    out += char((v >> 8) & 0xFF);
}
void le32(std::string& out, uint32_t v) {
    le16(out, v & 0xFFFF);
    le16(out, v >> 16);
}

}  // namespace

std::string zipStore(const std::vector<SiteFile>& files) {
    // Sizes stay under 4 GiB (a site is a few MB): no ZIP64.
    std::string out, central;
    constexpr uint32_t kDosDate = (0u << 9) | (1u << 5) | 1u;  // 1980-01-01
    for (const SiteFile& file : files) {
        // (Named references, not a structured binding: clang 14 cannot capture those.)
        const std::string& name = file.first;
        const std::string& bytes = file.second;
        const uint32_t crc = crc32(bytes), size = uint32_t(bytes.size()), offset = uint32_t(out.size());
        auto header = [&](std::string& to, bool centralEntry) {
            le32(to, centralEntry ? 0x02014b50u : 0x04034b50u);
            if (centralEntry) le16(to, 20);  // version made by
            le16(to, 20);                    // version needed: 2.0
            le16(to, 1u << 11);              // UTF-8 names
            le16(to, 0);                     // stored
            le16(to, 0);                     // time 00:00
            le16(to, kDosDate);
            le32(to, crc);
            le32(to, size);
            le32(to, size);
            le16(to, uint32_t(name.size()));
            le16(to, 0);  // extra field
            if (centralEntry) {
                le16(to, 0);  // comment
                le16(to, 0);  // disk
                le16(to, 0);  // internal attributes
                le32(to, 0);  // external attributes
                le32(to, offset);
            }
            to += name;
        };
        header(out, false);
        out += bytes;
        header(central, true);
    }
    const uint32_t centralOffset = uint32_t(out.size()), centralSize = uint32_t(central.size());
    out += central;
    le32(out, 0x06054b50u);
    le16(out, 0);
    le16(out, 0);
    le16(out, uint32_t(files.size()));
    le16(out, uint32_t(files.size()));
    le32(out, centralSize);
    le32(out, centralOffset);
    le16(out, 0);
    return out;
}

}  // namespace qfq::io
