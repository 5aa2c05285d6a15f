// io/limits.h — every size a map may reach, in one place (documented in data/README.md §9).
//
// A map comes from anyone's web server: these bounds keep a hostile or broken file from
// exhausting memory or time in the browser. Each is enforced where the data enters (the
// parser, the checker, the CSV reader, the page's fetch) with a message in French and
// English that names the limit. They are far above the real maps (national: 62 actors)
// and the synthetic national-scale map (96,958 actors, 158,627 relations, 33 MB).
#pragma once

#include <cstddef>

namespace qfq::io {

struct Limits {
    static constexpr size_t kFileBytes = 50u * 1024u * 1024u;  // one JSON or CSV file
    static constexpr int kDepth = 64;                          // nested arrays/objects
    static constexpr size_t kStringChars = 10000;              // any string, any key
    static constexpr size_t kNameChars = 300;                  // names, labels, titles, aliases
    static constexpr size_t kUrlChars = 2000;                  // URLs and `extends`
    static constexpr size_t kExtendsChain = 16;                // maps in one `extends` chain
    static constexpr size_t kActors = 250000;                  // after overlays
    static constexpr size_t kRelations = 1000000;              // after overlays
    static constexpr size_t kGlossary = 20000;                 // glossary entries
    static constexpr size_t kTours = 200;                      // tours, and steps in one tour
    static constexpr size_t kCategories = 1000;                // levels, kinds, topics, variants
    static constexpr size_t kTerritories = 100000;             // France has ~35,000 communes
};

}  // namespace qfq::io
