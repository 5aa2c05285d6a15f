// io/internal.h — what the io/*.cpp files share; not part of the engine's API.
//
// Contents
//   1. Messages and problem collection
//   2. Parsed documents (parse.cpp)
//   3. Per-document checks (validate.cpp)
//   4. Overlay resolution and Map building (overlay.cpp)
//   5. Small helpers (JSON pointers, type names, suggestions)
//
// Pipeline: parse each document (syntax, limits) → check it alone (types, required fields,
// patterns, unknown fields; plain-string texts become {lang: text}) → merge the chain of
// `extends` in JSON, remembering where every item and overridden field came from → resolve
// ids into indices while building the Map. Problems carry a document index and a pointer;
// line/column are computed once at the end, in one pass per document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/limits.h"
#include "io/load.h"
#include "model/nearest.h"

namespace qfq::io::detail {

using nlohmann::json;

// ---------------------------------------------------------------------------
// 1. Messages and problem collection
// ---------------------------------------------------------------------------

inline Text tr(std::string fr, std::string en) {
    return Text{std::move(fr), std::move(en)};
}

// Located later: by byte offset when known (syntax errors), else by pointer.
struct RawProblem {
    int doc = 0;          // index into the documents being loaded; -1 = no file
    std::string pointer;  // JSON pointer in that document
    bool atKey = false;   // point at the member's key rather than its value
    long offset = -1;     // byte offset in the document text, when known
    Text message;
    bool warning = false;
};

// At most kMaxListed problems are kept (a broken million-relation file must not build a
// million messages); the rest are only counted, and a last line says how many. `full()`
// lets callers skip costly message parts (did-you-mean suggestions) nobody will read.
struct Problems {
    static constexpr size_t kMaxListed = 200;
    std::vector<RawProblem> list;
    size_t errors = 0;
    size_t unlisted = 0;  // problems found once the list was full
    bool full() const { return list.size() >= kMaxListed; }
    void error(int doc, std::string pointer, Text message, bool atKey = false) {
        add({doc, std::move(pointer), atKey, -1, std::move(message), false});
        ++errors;
    }
    void warn(int doc, std::string pointer, Text message) {
        add({doc, std::move(pointer), false, -1, std::move(message), true});
    }
    void errorAt(int doc, long offset, Text message) {
        add({doc, "", false, offset, std::move(message), false});
        ++errors;
    }

private:
    void add(RawProblem problem) {
        if (full())
            ++unlisted;
        else
            list.push_back(std::move(problem));
    }
};

// ---------------------------------------------------------------------------
// 2. Parsed documents
// ---------------------------------------------------------------------------

constexpr size_t kMaxFileBytes = Limits::kFileBytes;
constexpr int kMaxDepth = Limits::kDepth;
constexpr size_t kMaxStringChars = Limits::kStringChars;
constexpr size_t kNameChars = Limits::kNameChars;
constexpr size_t kMaxArrayItems = Limits::kRelations;  // any other array

struct ParsedDoc {
    std::string name;
    std::string text;  // UTF-8 BOM stripped
    json root;
    bool wellFormed = false;  // text is syntactically valid JSON (pointers can be located)
    bool parsed = false;      // ... and root passed the limits (no duplicate key, no long string)
};

// Limits, UTF-8, syntax, duplicate keys, string lengths. Sets doc.parsed.
void parseDocument(ParsedDoc& doc, int index, Problems& problems);

// Turns raw problems into located ones (one pass over each document's text).
std::vector<Problem> locateProblems(const std::vector<ParsedDoc>& docs, const std::vector<RawProblem>& raw);

// ---------------------------------------------------------------------------
// 3. Per-document checks
// ---------------------------------------------------------------------------

// Every rule that needs only this document. Normalises in place: plain-string texts become
// {"fr"|"en": text} in the document's language, relations get their default id.
void checkDocument(ParsedDoc& doc, int index, Problems& problems);

// ---------------------------------------------------------------------------
// 4. Overlay resolution and Map building
// ---------------------------------------------------------------------------

// docs[0] is the leaf, docs[i+1] the base of docs[i]; all parsed and checked without error.
// Merges them (data/README.md section 7) and resolves every reference. Returns false (and
// reports) on any error; `out` is then unspecified.
bool buildMap(std::vector<ParsedDoc>& docs, Problems& problems, Map& out);

// ---------------------------------------------------------------------------
// 5. Small helpers
// ---------------------------------------------------------------------------

// RFC 6901 escaping of one reference token ("~" → "~0", "/" → "~1").
std::string escapeToken(std::string_view token);

// "un nombre" / "a number"...
Text typeName(const json& value);

// Did-you-mean suggestions (model/nearest.h).
using qfq::closest;
using qfq::nearest;

// "national, academie, departement…" (at most `max` items).
std::string joinList(const std::vector<std::string>& items, size_t max = 8);

// Number of UTF-8 code points.
size_t utf8Length(std::string_view s);

}  // namespace qfq::io::detail
