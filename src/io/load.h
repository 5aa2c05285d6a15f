// io/load.h — read, check and resolve `qfq-map/1` documents (see data/README.md).
//
// Contents
//   1. Problems (what went wrong, where, in French and English)
//   2. Loading (one document + a way to fetch its bases)
//   3. Writing (resolved Map back to JSON)
//
// The loader never throws and never half-loads: either every rule of data/README.md holds
// and `map` is complete, or `ok` is false, `map` is empty and `problems` lists every error
// found (not just the first), each with the JSON pointer of the offending value and its
// line/column in the file that holds it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/map.h"

namespace qfq::io {

// ---------------------------------------------------------------------------
// 1. Problems
// ---------------------------------------------------------------------------

struct Problem {
    std::string file;      // Document::name of the file that holds the offending value
    std::string pointer;   // JSON pointer (RFC 6901) of the value; "" = the whole document
    int line = 0;          // 1-based; 0 = no position (e.g. file not found)
    int column = 0;        // 1-based, in characters (UTF-8 code points)
    Text message;          // one sentence in French and in English
    bool warning = false;  // warnings never make a map invalid
};

// "file:line:col: /json/pointer: message" (parts that are unknown are left out).
std::string formatProblem(const Problem& problem, Lang lang);

// ---------------------------------------------------------------------------
// 2. Loading
// ---------------------------------------------------------------------------

struct Document {
    std::string name;  // file path or URL, used in messages and to resolve relative `extends`
    std::string text;  // raw bytes
    Text why;          // set by a Fetch that failed: where it looked and what to do
};

// Resolves an `extends` reference (catalogue id or relative URL) seen in document `from`
// (a Document::name). Fills `out` and returns true, or returns false if not found.
using Fetch = std::function<bool(const std::string& ref, const std::string& from, Document& out)>;

struct LoadResult {
    bool ok = false;
    Map map;                        // empty unless ok
    std::vector<Problem> problems;  // errors and warnings, in the order found
};

// Parses, checks, resolves `extends` (through `fetch`, which may be empty for standalone maps)
// and builds the Map. Never throws.
LoadResult loadMap(const Document& doc, const Fetch& fetch);

// Native convenience: reads `path`; relative `extends` are resolved against the file's folder,
// catalogue ids through the nearest `index.json` (qfq-catalogue/1) found walking up from it.
LoadResult loadFile(const std::string& path);

// Native: the whole file into `out`; false if it cannot be read or is over the loader's size
// limit (then *tooBig is set).
bool readFile(const std::string& path, std::string& out, bool* tooBig = nullptr);

// The fetch loadFile uses, for callers that hold the text already. Catalogue ids are looked
// up in the nearest index.json walking up from `from`, then in each of `catalogues` (paths of
// index.json files, or folders holding one); on failure `out.why` lists the places tried.
bool fetchFile(const std::string& ref, const std::string& from, Document& out);
bool fetchFileIn(const std::string& ref, const std::string& from, Document& out,
                 const std::vector<std::string>& catalogues);

// The `extends` string of a document, or "" (also "" if the text is not a JSON object).
// Cheap: lets the browser fetch the chain of bases before calling loadMap.
std::string extendsOf(std::string_view text);

// ---------------------------------------------------------------------------
// 3. Writing
// ---------------------------------------------------------------------------

// The resolved map as a standalone `qfq-map/1` document (no `extends`, no overlays);
// loadMap(toJson(m)) gives back the same map. `x-*` fields are not kept by the Map.
nlohmann::json toJson(const Map& map);

}  // namespace qfq::io
