// query/search.h — search as you type: accent- and case-insensitive, typo-tolerant,
// over acronyms, names (fr + en), aliases, former names, variant names and the glossary.
//
// Contents
//   1. fold(): the normal form every string is compared in
//   2. Hit: what matched and why
//   3. SearchIndex
//
// Ranking (best first): exact text > text prefix > every query word starts a word of the
// text > fuzzy (bounded edit distance on words, candidates from a trigram index). Inside a
// tier: acronym before name before alias/former name, then fewer typos, then higher level
// (national first), then shorter text. Each hit keeps the field it came from, so the UI can
// say "former name of DRANE" or "glossary".
//
// Speed (60k+ actors, p99 < 2 ms per keystroke): everything is folded once at build time;
// prefixes are binary searches on sorted arrays; a word prefix is a contiguous range of
// word ids (the vocabulary is sorted), so checking "this entry has a word starting with
// the token" is an integer range test. The rank inside a tier is static per entry, so the
// best entries of a huge range ("c": 40,000 texts) come out first from segment trees of
// rank keys, and the search stops as soon as `limit` actors are found: a one-letter query
// costs about as much as a long one. Fuzzy matching runs only when the exact tiers found
// fewer than five hits, on the words that share the most trigrams with the token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/map.h"

namespace qfq::query {

// ---------------------------------------------------------------------------
// 1. fold
// ---------------------------------------------------------------------------

// Lower case, Latin-1 and Latin Extended-A letters to ASCII (é→e, ç→c, œ→oe, æ→ae, ß→ss),
// punctuation, apostrophes and hyphens to single spaces, trimmed. Other characters are
// kept as they are. Invalid UTF-8 bytes are dropped.
std::string fold(std::string_view utf8);

// ---------------------------------------------------------------------------
// 2. Hit
// ---------------------------------------------------------------------------

enum class Field : uint8_t {
    Acronym,
    Name,
    Alias,
    FormerName,
    FormerExpansion,
    VariantName,
    GlossaryTerm,
    GlossaryExpansion
};
enum class Tier : uint8_t { Exact, Prefix, WordPrefix, Fuzzy };

struct Hit {
    bool glossary = false;  // index is into Map::glossary, else into Map::actors
    uint32_t index = 0;
    Field field = Field::Name;
    Tier tier = Tier::Exact;
    uint8_t typos = 0;  // edit distance summed over the query's words (fuzzy tier)
    uint16_t sub = 0;   // which alias / former name / variant
    std::string text;   // the matched text, as written in the map
};

// "alias", "former name of DRANE (until 2020)", "glossary: Espace numérique de travail"…
std::string explain(const Hit& hit, const Map& map, Lang lang);
const char* fieldName(Field f);  // "acronym", "name", "alias", "formerName"… (JSON)
const char* tierName(Tier t);    // "exact", "prefix", "wordPrefix", "fuzzy"

// ---------------------------------------------------------------------------
// 3. SearchIndex
// ---------------------------------------------------------------------------

class SearchIndex {
public:
    void build(const Map& map);
    // Best hit per actor / glossary entry, best first, at most `limit`.
    std::vector<Hit> search(std::string_view query, size_t limit = 20) const;
    size_t entryCount() const { return entries_.size(); }
    size_t wordCount() const { return wordOff_.empty() ? 0 : wordOff_.size() - 1; }

private:
    struct Entry {
        uint32_t target;            // actor index, or glossary index when glossary
        uint32_t textOff, textLen;  // folded text in pool_
        uint32_t origOff, origLen;  // original text in orig_
        uint32_t level;             // for ranking (glossary: 0)
        uint16_t sub;
        Field field;
        bool glossary;
    };
    struct Candidate {  // best match so far for one target
        uint64_t key;
        uint32_t entry;
        Tier tier;
        uint8_t typos;
    };
    std::string_view text(uint32_t e) const {
        return {pool_.data() + entries_[e].textOff, entries_[e].textLen};
    }
    std::string_view word(uint32_t w) const {
        return {words_.data() + wordOff_[w], wordOff_[w + 1] - wordOff_[w]};
    }
    void add(uint32_t target, bool glossary, Field field, uint16_t sub, uint32_t level,
             std::string_view original);
    void wordRange(std::string_view prefix, uint32_t& lo, uint32_t& hi) const;
    void fuzzyWords(std::string_view token, bool prefixMode,
                    std::vector<std::pair<uint32_t, uint8_t>>& out) const;
    void offer(uint32_t entry, Tier tier, uint8_t typos) const;
    static uint64_t staticKey(const Entry& x);
    template <class Visit>
    void bestFirst(bool words, uint32_t a, uint32_t b, uint32_t budget, Visit visit) const;

    // Argmin of keys over index ranges (segment tree of indices).
    struct MinTree {
        uint32_t size = 1;
        std::vector<uint64_t> keys;
        std::vector<uint32_t> node;
        void build(std::vector<uint64_t> leafKeys);
        uint32_t argmin(uint32_t a, uint32_t b) const;
        uint32_t better(uint32_t i, uint32_t j) const {
            if (i == UINT32_MAX) return j;
            if (j == UINT32_MAX) return i;
            return keys[j] < keys[i] ? j : i;
        }
    };

    std::string pool_, orig_;
    std::vector<Entry> entries_;
    std::vector<uint32_t> byText_;                     // entries sorted by folded text
    std::string words_;                                // vocabulary, sorted, concatenated
    std::vector<uint32_t> wordOff_;                    // word w = words_[wordOff_[w] .. wordOff_[w+1])
    std::vector<uint32_t> postOff_, post_;             // word -> entries (CSR, word order)
    std::vector<uint32_t> entryWordOff_, entryWords_;  // entry -> word ids (CSR)
    std::vector<uint32_t> triKey_, triOff_, triPost_;  // trigram -> words (CSR, sorted keys)
    std::vector<uint64_t> entryKey_;                   // static rank key per entry
    MinTree textTree_;                                 // over byText_ positions
    MinTree wordTree_;                                 // over words (key of their best entry)
    uint32_t targetCount_ = 0, actorCount_ = 0;

    // Per-query scratch (search() is const but not thread-safe).
    mutable std::vector<uint32_t> stamp_;  // per target: query number when touched
    mutable std::vector<uint32_t> slot_;   // per target: index in cands_
    mutable std::vector<Candidate> cands_;
    mutable std::vector<uint16_t> triCount_;  // per word
    mutable std::vector<uint32_t> touched_;
    mutable std::vector<std::vector<uint32_t>> byCount_;  // touched words by shared trigrams
    struct HeapItem {
        uint64_t key;
        uint32_t a, b, at;
        bool operator>(const HeapItem& o) const { return key > o.key; }
    };
    mutable std::vector<HeapItem> heap_;
    mutable uint32_t query_ = 0;
};

}  // namespace qfq::query
