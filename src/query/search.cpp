// query/search.cpp — folding, the search index, ranking and explanations.
//
// Contents
//   1. fold()
//   2. Bounded edit distance (optimal string alignment, optionally against a prefix)
//   3. SearchIndex::build
//   4. SearchIndex::search: rank keys, MinTree (best-first over huge ranges), the tiers
//   5. explain()
#include "query/search.h"

#include <algorithm>
#include <unordered_map>

namespace qfq::query {

// ---------------------------------------------------------------------------
// 1. fold
// ---------------------------------------------------------------------------

// U+00C0..U+00FF; " " for × and ÷.
static const char* const kLatin1[64] = {"a", "a", "a", "a", "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
                                        "i", "i", "i", "d", "n",  "o",  "o",  "o", "o", "o", " ",  "o", "u",
                                        "u", "u", "u", "y", "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
                                        "c", "e", "e", "e", "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
                                        "o", "o", "o", " ", "o",  "u",  "u",  "u", "u", "y", "th", "y"};

// U+0100..U+017F, as first code point of each run and its ASCII form.
struct Run {
    uint32_t first;
    const char* ascii;
};
static const Run kLatinExtA[] = {{0x100, "a"}, {0x106, "c"}, {0x10E, "d"},    {0x112, "e"},  {0x11C, "g"},
                                 {0x124, "h"}, {0x128, "i"}, {0x132, "ij"},   {0x134, "j"},  {0x136, "k"},
                                 {0x139, "l"}, {0x143, "n"}, {0x14C, "o"},    {0x152, "oe"}, {0x154, "r"},
                                 {0x15A, "s"}, {0x162, "t"}, {0x168, "u"},    {0x174, "w"},  {0x176, "y"},
                                 {0x179, "z"}, {0x17F, "s"}, {0x180, nullptr}};

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    auto space = [&] {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
    };
    auto text = [&](const char* a) {
        if (a[0] == ' ')
            space();
        else
            out += a;
    };
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                out.push_back(char(c + 32));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out.push_back(char(c));
            else
                space();
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence; drop invalid bytes.
        int len = c >= 0xF8 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len == 0 || i + size_t(len) > s.size()) {
            ++i;
            continue;
        }
        uint32_t cp = c & (0x7F >> len);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
            if ((cc & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok) {
            ++i;
            continue;
        }
        if (cp >= 0xC0 && cp <= 0xFF) {
            text(kLatin1[cp - 0xC0]);
        } else if (cp >= 0x100 && cp < 0x180) {
            size_t r = 0;
            while (kLatinExtA[r + 1].first <= cp) ++r;
            text(kLatinExtA[r].ascii);
        } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) {
            space();  // no-break space, « », ’, – —, …: separators
        } else {
            out.append(s.substr(i, size_t(len)));  // other scripts: kept as written
        }
        i += size_t(len);
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// ---------------------------------------------------------------------------
// 2. Bounded edit distance
// ---------------------------------------------------------------------------

// Optimal string alignment distance (a transposition counts 1), or k + 1 as soon as it
// must exceed k. With `prefix`, the distance from a to the closest prefix of b (the user
// is still typing b).
static int editDistance(std::string_view a, std::string_view b, int k, bool prefix) {
    constexpr int kMax = 48;
    const int m = int(std::min<size_t>(a.size(), kMax)), n = int(std::min<size_t>(b.size(), kMax));
    int rows[3][kMax + 1];
    int *pp = rows[0], *p = rows[1], *c = rows[2];
    for (int j = 0; j <= n; ++j) p[j] = j;
    for (int i = 1; i <= m; ++i) {
        c[0] = i;
        int rowMin = i;
        for (int j = 1; j <= n; ++j) {
            int v =
                std::min(std::min(p[j] + 1, c[j - 1] + 1), p[j - 1] + (a[size_t(i - 1)] != b[size_t(j - 1)]));
            if (i > 1 && j > 1 && a[size_t(i - 1)] == b[size_t(j - 2)] &&
                a[size_t(i - 2)] == b[size_t(j - 1)])
                v = std::min(v, pp[j - 2] + 1);
            c[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > k) return k + 1;
        int* t = pp;
        pp = p;
        p = c;
        c = t;
    }
    if (!prefix) return p[n];
    int best = p[0];
    for (int j = 1; j <= n; ++j) best = std::min(best, p[j]);
    return best;
}

static int allowedTypos(size_t len) {
    return len >= 8 ? 2 : len >= 4 ? 1 : 0;
}

static uint32_t trigramKey(const char* t) {
    return uint32_t(uint8_t(t[0])) << 16 | uint32_t(uint8_t(t[1])) << 8 | uint8_t(t[2]);
}

static void splitWords(std::string_view s, std::vector<std::string_view>& out) {
    out.clear();
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
}

// ---------------------------------------------------------------------------
// 3. Build
// ---------------------------------------------------------------------------

void SearchIndex::add(uint32_t target, bool glossary, Field field, uint16_t sub, uint32_t level,
                      std::string_view original) {
    std::string f = fold(original);
    if (f.empty()) return;
    // Same text twice for one target (name fr == en, alias == acronym): keep the first,
    // which is the more telling field.
    for (size_t e = entries_.size(); e-- > 0;) {
        const Entry& x = entries_[e];
        if (x.target != target || x.glossary != glossary) break;
        if (text(uint32_t(e)) == f) return;
    }
    Entry e{target,
            uint32_t(pool_.size()),
            uint32_t(f.size()),
            uint32_t(orig_.size()),
            uint32_t(original.size()),
            level,
            sub,
            field,
            glossary};
    pool_ += f;
    orig_ += original;
    entries_.push_back(e);
}

void SearchIndex::build(const Map& map) {
    *this = SearchIndex{};
    actorCount_ = uint32_t(map.actors.size());
    targetCount_ = actorCount_ + uint32_t(map.glossary.size());
    for (uint32_t a = 0; a < map.actors.size(); ++a) {
        const Actor& x = map.actors[a];
        const uint32_t lv = uint32_t(std::max(0, x.level));
        add(a, false, Field::Acronym, 0, lv, x.acronym);
        add(a, false, Field::Name, 0, lv, x.name.fr);
        add(a, false, Field::Name, 1, lv, x.name.en);
        // Former names before aliases: when a map lists "DANE" as both, "former name of"
        // is the more telling reason.
        for (size_t i = 0; i < x.formerNames.size(); ++i) {
            add(a, false, Field::FormerName, uint16_t(i), lv, x.formerNames[i].name);
            add(a, false, Field::FormerExpansion, uint16_t(i), lv, x.formerNames[i].expansion.fr);
            add(a, false, Field::FormerExpansion, uint16_t(i), lv, x.formerNames[i].expansion.en);
        }
        for (size_t i = 0; i < x.aliases.size(); ++i)
            add(a, false, Field::Alias, uint16_t(i), lv, x.aliases[i]);
        for (size_t i = 0; i < x.variants.size(); ++i) {
            // A local acronym ("DRNE", "SRANE") finds the role it names in that académie.
            add(a, false, Field::VariantName, uint16_t(i), lv, x.variants[i].acronym);
            add(a, false, Field::VariantName, uint16_t(i), lv, x.variants[i].name.fr);
            add(a, false, Field::VariantName, uint16_t(i), lv, x.variants[i].name.en);
        }
    }
    for (uint32_t gi = 0; gi < map.glossary.size(); ++gi) {
        const GlossaryEntry& g = map.glossary[gi];
        add(gi, true, Field::GlossaryTerm, 0, 0, g.term);
        add(gi, true, Field::GlossaryExpansion, 0, 0, g.expansion.fr);
        add(gi, true, Field::GlossaryExpansion, 1, 0, g.expansion.en);
    }
    const uint32_t ne = uint32_t(entries_.size());

    byText_.resize(ne);
    for (uint32_t e = 0; e < ne; ++e) byText_[e] = e;
    std::sort(byText_.begin(), byText_.end(), [&](uint32_t a, uint32_t b) {
        std::string_view ta = text(a), tb = text(b);
        return ta != tb ? ta < tb : a < b;
    });

    // Vocabulary: every distinct word, sorted, so a prefix is a range of word ids.
    std::vector<std::string_view> all, ws;
    for (uint32_t e = 0; e < ne; ++e) {
        splitWords(text(e), ws);
        all.insert(all.end(), ws.begin(), ws.end());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    wordOff_.reserve(all.size() + 1);
    wordOff_.push_back(0);
    for (std::string_view w : all) {
        words_ += w;
        wordOff_.push_back(uint32_t(words_.size()));
    }
    std::unordered_map<std::string_view, uint32_t> wordId;
    wordId.reserve(all.size() * 2);
    for (uint32_t w = 0; w < all.size(); ++w) wordId.emplace(word(w), w);

    entryWordOff_.reserve(ne + 1);
    entryWordOff_.push_back(0);
    std::vector<uint32_t> ids;
    for (uint32_t e = 0; e < ne; ++e) {
        splitWords(text(e), ws);
        ids.clear();
        for (std::string_view w : ws) ids.push_back(wordId.at(w));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        entryWords_.insert(entryWords_.end(), ids.begin(), ids.end());
        entryWordOff_.push_back(uint32_t(entryWords_.size()));
    }
    // Postings word -> entries (CSR), entries ascending inside a word.
    const uint32_t nw = uint32_t(all.size());
    postOff_.assign(nw + 1, 0);
    for (uint32_t w : entryWords_) ++postOff_[w + 1];
    for (uint32_t w = 0; w < nw; ++w) postOff_[w + 1] += postOff_[w];
    post_.resize(entryWords_.size());
    {
        std::vector<uint32_t> fill(postOff_.begin(), postOff_.end() - 1);
        for (uint32_t e = 0; e < ne; ++e)
            for (uint32_t k = entryWordOff_[e]; k < entryWordOff_[e + 1]; ++k)
                post_[fill[entryWords_[k]]++] = e;
    }
    // Static rank keys; postings sorted by them so a word's best entry comes first.
    entryKey_.resize(ne);
    for (uint32_t e = 0; e < ne; ++e) entryKey_[e] = staticKey(entries_[e]);
    for (uint32_t w = 0; w < nw; ++w)
        std::sort(post_.begin() + postOff_[w], post_.begin() + postOff_[w + 1],
                  [&](uint32_t a, uint32_t b) { return entryKey_[a] < entryKey_[b]; });
    {
        std::vector<uint64_t> k(ne);
        for (uint32_t i = 0; i < ne; ++i) k[i] = entryKey_[byText_[i]];
        textTree_.build(std::move(k));
        std::vector<uint64_t> kw(nw, UINT64_MAX);
        for (uint32_t w = 0; w < nw; ++w)
            if (postOff_[w] < postOff_[w + 1]) kw[w] = entryKey_[post_[postOff_[w]]];
        wordTree_.build(std::move(kw));
    }
    // Trigrams of "^word$" -> words.
    std::vector<uint64_t> pairs;
    std::string padded;
    for (uint32_t w = 0; w < nw; ++w) {
        padded = "^";
        padded += word(w);
        padded += '$';
        for (size_t i = 0; i + 3 <= padded.size(); ++i)
            pairs.push_back(uint64_t(trigramKey(padded.data() + i)) << 32 | w);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (size_t i = 0; i < pairs.size(); ++i) {
        const uint32_t key = uint32_t(pairs[i] >> 32);
        if (triKey_.empty() || triKey_.back() != key) {
            triKey_.push_back(key);
            triOff_.push_back(uint32_t(i));
        }
        triPost_.push_back(uint32_t(pairs[i]));
    }
    triOff_.push_back(uint32_t(pairs.size()));

    stamp_.assign(targetCount_, 0);
    slot_.assign(targetCount_, 0);
    triCount_.assign(nw, 0);
}

// ---------------------------------------------------------------------------
// 4. Search
// ---------------------------------------------------------------------------

void SearchIndex::wordRange(std::string_view prefix, uint32_t& lo, uint32_t& hi) const {
    const uint32_t nw = uint32_t(wordCount());
    uint32_t a = 0, b = nw;
    while (a < b) {  // first word >= prefix
        uint32_t mid = (a + b) / 2;
        if (word(mid) < prefix)
            a = mid + 1;
        else
            b = mid;
    }
    lo = a;
    b = nw;
    while (a < b) {  // first word not starting with prefix
        uint32_t mid = (a + b) / 2;
        if (word(mid).substr(0, prefix.size()) == prefix)
            a = mid + 1;
        else
            b = mid;
    }
    hi = a;
}

void SearchIndex::fuzzyWords(std::string_view token, bool prefixMode,
                             std::vector<std::pair<uint32_t, uint8_t>>& out) const {
    out.clear();
    const int k = allowedTypos(token.size());
    if (k == 0 || wordCount() == 0) return;
    std::string padded = "^";
    padded += token;
    if (!prefixMode) padded += '$';
    std::vector<uint32_t> keys;
    for (size_t i = 0; i + 3 <= padded.size(); ++i) keys.push_back(trigramKey(padded.data() + i));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    // A word within k edits keeps all but at most 3k of the token's trigrams.
    const int need = std::max(1, int(keys.size()) - 3 * k);
    touched_.clear();
    for (uint32_t key : keys) {
        auto it = std::lower_bound(triKey_.begin(), triKey_.end(), key);
        if (it == triKey_.end() || *it != key) continue;
        const size_t t = size_t(it - triKey_.begin());
        for (uint32_t i = triOff_[t]; i < triOff_[t + 1]; ++i) {
            const uint32_t w = triPost_[i];
            if (triCount_[w]++ == 0) touched_.push_back(w);
        }
    }
    // Most shared trigrams first; stop after kMaxFuzzyWords matches (a short token such as
    // "comu" shares "^co" with thousands of words, and a handful of good ones suffice).
    constexpr size_t kMaxFuzzyWords = 64;
    int top = 0;
    for (uint32_t w : touched_) top = std::max<int>(top, triCount_[w]);
    byCount_.assign(size_t(top) + 1, {});
    for (uint32_t w : touched_) {
        if (triCount_[w] >= need) byCount_[triCount_[w]].push_back(w);
        triCount_[w] = 0;
    }
    for (int c = top; c >= need && out.size() < kMaxFuzzyWords; --c)
        for (uint32_t w : byCount_[size_t(c)]) {
            std::string_view wv = word(w);
            const long dl = long(wv.size()) - long(token.size());
            if (prefixMode ? dl < -k : (dl < -k || dl > k)) continue;
            const int d = editDistance(token, wv, k, prefixMode);
            if (d <= k) out.push_back({w, uint8_t(d)});
            if (out.size() >= kMaxFuzzyWords) break;
        }
    std::sort(out.begin(), out.end());
}

static int fieldRank(Field f) {
    switch (f) {
        case Field::Acronym:
            return 0;
        case Field::Name:
        case Field::GlossaryTerm:
            return 1;
        case Field::Alias:
        case Field::FormerName:
        case Field::VariantName:
            return 2;
        default:
            return 3;
    }
}

// Rank of an entry inside a tier, lower first: field, actor before glossary, level (most
// general first), shorter text, then target index. Tier and typos go in the top bits.
uint64_t SearchIndex::staticKey(const Entry& x) {
    return uint64_t(fieldRank(x.field)) << 52 | uint64_t(x.glossary) << 51 |
           uint64_t(std::min<uint32_t>(x.level, 255)) << 40 |
           uint64_t(std::min<uint32_t>(x.textLen, 4095)) << 28 | (x.target & 0x0FFFFFFFu);
}

void SearchIndex::offer(uint32_t e, Tier tier, uint8_t typos) const {
    const Entry& x = entries_[e];
    const uint64_t key = uint64_t(tier) << 60 | uint64_t(std::min<int>(typos, 15)) << 56 | entryKey_[e];
    const uint32_t t = x.glossary ? actorCount_ + x.target : x.target;
    if (stamp_[t] != query_) {
        stamp_[t] = query_;
        slot_[t] = uint32_t(cands_.size());
        cands_.push_back({key, e, tier, typos});
    } else if (key < cands_[slot_[t]].key) {
        cands_[slot_[t]] = {key, e, tier, typos};
    }
}

// ---------------------------------------------------------------------------
// MinTree: argmin of a key over an index range (segment tree), so the best entries of a
// huge prefix range ("c") come out in rank order without scanning the range.
// ---------------------------------------------------------------------------

void SearchIndex::MinTree::build(std::vector<uint64_t> leafKeys) {
    size = 1;
    while (size < leafKeys.size()) size *= 2;
    keys = std::move(leafKeys);
    node.assign(2 * size, UINT32_MAX);
    for (uint32_t i = 0; i < keys.size(); ++i) node[size + i] = i;
    for (uint32_t i = size - 1; i >= 1; --i) node[i] = better(node[2 * i], node[2 * i + 1]);
}

uint32_t SearchIndex::MinTree::argmin(uint32_t a, uint32_t b) const {
    uint32_t best = UINT32_MAX;
    for (uint32_t l = a + size, r = b + size; l < r; l >>= 1, r >>= 1) {
        if (l & 1) best = better(best, node[l++]);
        if (r & 1) best = better(best, node[--r]);
    }
    return best;
}

// Calls visit(entry) for the entries of byText_[a, b) (words == false) or of the postings
// of words [a, b) (words == true), best static key first, until visit returns false or
// `budget` entries were visited.
template <class Visit>
void SearchIndex::bestFirst(bool words, uint32_t a, uint32_t b, uint32_t budget, Visit visit) const {
    // Heap items: a range [a, b) whose best is `at`, or (b == UINT32_MAX) posting `at` of a
    // word whose postings end at a.
    const MinTree& tree = words ? wordTree_ : textTree_;
    auto keyOf = [&](uint32_t i) { return tree.keys[i]; };
    heap_.clear();
    auto pushRange = [&](uint32_t lo, uint32_t hi) {
        if (lo >= hi) return;
        const uint32_t m = tree.argmin(lo, hi);
        if (m != UINT32_MAX && keyOf(m) != UINT64_MAX) heap_.push_back({keyOf(m), lo, hi, m});
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
    };
    auto pushPosting = [&](uint32_t k, uint32_t end) {
        if (k >= end) return;
        heap_.push_back({entryKey_[post_[k]], end, UINT32_MAX, k});
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
    };
    pushRange(a, b);
    for (uint32_t n = 0; n < budget && !heap_.empty(); ++n) {
        std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
        const HeapItem it = heap_.back();
        heap_.pop_back();
        uint32_t e;
        if (it.b == UINT32_MAX) {  // next posting of a word
            e = post_[it.at];
            pushPosting(it.at + 1, it.a);
        } else {
            pushRange(it.a, it.at);
            pushRange(it.at + 1, it.b);
            if (!words) {
                e = byText_[it.at];
            } else {  // a word: its postings are sorted by key, the first is the word's best
                const uint32_t w = it.at;
                e = post_[postOff_[w]];
                pushPosting(postOff_[w] + 1, postOff_[w + 1]);
            }
        }
        if (!visit(e)) return;
    }
}

std::vector<Hit> SearchIndex::search(std::string_view query, size_t limit) const {
    std::vector<Hit> hits;
    if (entries_.empty() || limit == 0) return hits;
    const std::string q = fold(query);
    if (q.empty()) return hits;
    if (++query_ == 0) {  // stamp wrap-around (after 4 billion queries)
        std::fill(stamp_.begin(), stamp_.end(), 0);
        query_ = 1;
    }
    cands_.clear();
    constexpr uint32_t kBudget = 4000;  // entries visited per tier at most
    constexpr size_t kFuzzyScan = 1500;
    constexpr size_t kFuzzyBelow = 5;  // fuzzy matching only when the exact tiers found few

    // Tier 1-2: the whole text equals / starts with the query (equal texts sort first).
    {
        auto lb = std::lower_bound(byText_.begin(), byText_.end(), q, [&](uint32_t e, const std::string& v) {
            return text(e) < std::string_view(v);
        });
        uint32_t lo = uint32_t(lb - byText_.begin()), hi = lo;
        {
            uint32_t step = 1, b = uint32_t(byText_.size());
            // Gallop then bisect to the end of the prefix range.
            while (hi + step < b && text(byText_[hi + step]).substr(0, q.size()) == q) {
                hi += step;
                step *= 2;
            }
            uint32_t l = hi, r = std::min(b, hi + step + 1);
            while (l < r) {
                uint32_t mid = (l + r) / 2;
                if (text(byText_[mid]).substr(0, q.size()) == q)
                    l = mid + 1;
                else
                    r = mid;
            }
            hi = l;
        }
        uint32_t pos = lo;
        for (; pos < hi && text(byText_[pos]).size() == q.size(); ++pos) offer(byText_[pos], Tier::Exact, 0);
        bestFirst(false, pos, hi, kBudget, [&](uint32_t e) {
            offer(e, Tier::Prefix, 0);
            return cands_.size() < limit;
        });
    }

    // Tokens: one-letter words ("l", "d" from l'/d') are dropped unless being typed last.
    std::vector<std::string_view> tokens, raw;
    splitWords(q, raw);
    for (size_t i = 0; i < raw.size(); ++i)
        if (raw[i].size() > 1 || i + 1 == raw.size() || raw.size() == 1) tokens.push_back(raw[i]);
    const size_t nt = tokens.size();
    std::vector<uint32_t> lo(nt), hi(nt);
    for (size_t i = 0; i < nt; ++i) wordRange(tokens[i], lo[i], hi[i]);
    auto hasWordIn = [&](uint32_t e, uint32_t a, uint32_t b) {
        const uint32_t* first = entryWords_.data() + entryWordOff_[e];
        const uint32_t* last = entryWords_.data() + entryWordOff_[e + 1];
        const uint32_t* p = std::lower_bound(first, last, a);
        return p != last && *p < b;
    };

    // Tier 3: every token starts a word of the text. Best entries of the rarest token
    // first, checked against the other tokens.
    bool allTokensKnown = nt > 0;
    for (size_t i = 0; i < nt; ++i) allTokensKnown &= lo[i] < hi[i];
    if (allTokensKnown && cands_.size() < limit) {
        // Drive with the rarest token, but not with a one- or two-letter one when a longer
        // exists: "école l" walks the écoles and checks for an l-word, rather than walking
        // every l-word in rank order (communes first) and running out of budget.
        size_t best = nt;
        for (size_t i = 0; i < nt; ++i) {
            if (tokens[i].size() < 3 && nt > 1) continue;
            if (best == nt || postOff_[hi[i]] - postOff_[lo[i]] < postOff_[hi[best]] - postOff_[lo[best]])
                best = i;
        }
        if (best == nt) best = 0;
        bestFirst(true, lo[best], hi[best], kBudget, [&](uint32_t e) {
            bool all = true;
            for (size_t i = 0; i < nt && all; ++i)
                if (i != best) all = hasWordIn(e, lo[i], hi[i]);
            if (all) offer(e, Tier::WordPrefix, 0);
            return cands_.size() < limit;
        });
    }

    // Tier 4: fuzzy, only while the list is short (under kFuzzyBelow hits). Each token matches a word by
    // prefix (0 typos) or within its typo budget; the last token may be half typed.
    if (cands_.size() < std::min<size_t>(limit, kFuzzyBelow) && nt > 0) {
        std::vector<std::vector<std::pair<uint32_t, uint8_t>>> fz(nt);
        bool anyFuzzy = false, possible = true;
        for (size_t i = 0; i < nt; ++i) {
            fuzzyWords(tokens[i], i + 1 == nt, fz[i]);
            anyFuzzy |= !fz[i].empty();
            possible &= lo[i] < hi[i] || !fz[i].empty();
        }
        if (anyFuzzy && possible) {
            size_t best = 0;
            uint64_t bestCount = UINT64_MAX;
            for (size_t i = 0; i < nt; ++i) {
                uint64_t c = postOff_[hi[i]] - postOff_[lo[i]];
                for (auto& [w, d] : fz[i]) c += postOff_[w + 1] - postOff_[w];
                if (c < bestCount) {
                    bestCount = c;
                    best = i;
                }
            }
            std::vector<uint32_t> cand;
            for (auto& [w, d] : fz[best])  // the typo'd words first: the prefix ones were tier 3
                for (uint32_t k = postOff_[w]; k < postOff_[w + 1] && cand.size() < kFuzzyScan; ++k)
                    cand.push_back(post_[k]);
            for (uint32_t k = postOff_[lo[best]]; k < postOff_[hi[best]] && cand.size() < kFuzzyScan; ++k)
                cand.push_back(post_[k]);
            std::sort(cand.begin(), cand.end());
            cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
            for (uint32_t e : cand) {
                int typos = 0;
                bool all = true;
                for (size_t i = 0; i < nt && all; ++i) {
                    if (hasWordIn(e, lo[i], hi[i])) continue;
                    int bestD = 99;
                    for (uint32_t k = entryWordOff_[e]; k < entryWordOff_[e + 1]; ++k) {
                        auto it = std::lower_bound(fz[i].begin(), fz[i].end(),
                                                   std::pair<uint32_t, uint8_t>{entryWords_[k], 0});
                        if (it != fz[i].end() && it->first == entryWords_[k])
                            bestD = std::min<int>(bestD, it->second);
                    }
                    if (bestD == 99)
                        all = false;
                    else
                        typos += bestD;
                }
                if (all && typos > 0) offer(e, Tier::Fuzzy, uint8_t(std::min(typos, 15)));
            }
        }
    }

    std::vector<Candidate>& c = cands_;
    const size_t n = std::min(limit, c.size());
    auto less = [](const Candidate& a, const Candidate& b) { return a.key < b.key; };
    std::partial_sort(c.begin(), c.begin() + long(n), c.end(), less);
    hits.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const Entry& x = entries_[c[i].entry];
        Hit h;
        h.glossary = x.glossary;
        h.index = x.target;
        h.field = x.field;
        h.tier = c[i].tier;
        h.typos = c[i].typos;
        h.sub = x.sub;
        h.text.assign(orig_.data() + x.origOff, x.origLen);
        hits.push_back(std::move(h));
    }
    return hits;
}

// ---------------------------------------------------------------------------
// 5. explain
// ---------------------------------------------------------------------------

const char* fieldName(Field f) {
    switch (f) {
        case Field::Acronym:
            return "acronym";
        case Field::Name:
            return "name";
        case Field::Alias:
            return "alias";
        case Field::FormerName:
            return "formerName";
        case Field::FormerExpansion:
            return "formerExpansion";
        case Field::VariantName:
            return "variantName";
        case Field::GlossaryTerm:
            return "glossaryTerm";
        case Field::GlossaryExpansion:
            return "glossaryExpansion";
    }
    return "?";
}

const char* tierName(Tier t) {
    switch (t) {
        case Tier::Exact:
            return "exact";
        case Tier::Prefix:
            return "prefix";
        case Tier::WordPrefix:
            return "wordPrefix";
        case Tier::Fuzzy:
            return "fuzzy";
    }
    return "?";
}

std::string explain(const Hit& h, const Map& map, Lang lang) {
    const bool fr = lang == Lang::Fr;
    std::string s;
    if (h.glossary) {
        if (h.index >= map.glossary.size()) return s;
        const GlossaryEntry& g = map.glossary[h.index];
        s = fr ? "glossaire : " : "glossary: ";
        s += g.term;
        if (!g.expansion.empty()) s += " — " + g.expansion.get(lang);
    } else {
        if (h.index >= map.actors.size()) return s;
        const Actor& a = map.actors[h.index];
        const std::string& label = a.label(lang);
        switch (h.field) {
            case Field::Acronym:
                s = fr ? "sigle" : "acronym";
                break;
            case Field::Name:
                s = fr ? "nom" : "name";
                break;
            case Field::Alias:
                s = (fr ? "autre nom de " : "alias of ") + label;
                break;
            case Field::FormerName:
            case Field::FormerExpansion: {
                s = (fr ? "ancien nom de " : "former name of ") + label;
                if (h.sub < a.formerNames.size()) {
                    const FormerName& f = a.formerNames[h.sub];
                    if (h.field == Field::FormerExpansion) s += " (" + f.name + ")";
                    if (!f.until.empty()) s += (fr ? " (jusqu'en " : " (until ") + f.until + ")";
                }
                break;
            }
            case Field::VariantName: {
                s = (fr ? "nom utilisé dans " : "name used in ");
                std::string v = h.sub < a.variants.size() ? a.variants[h.sub].variant : "";
                for (const Variant& var : map.variants)
                    if (var.id == v && !var.label.empty()) v = var.label.get(lang);
                s += v + " : " + label;
                break;
            }
            default:
                s = fr ? "glossaire" : "glossary";
                break;
        }
    }
    if (h.tier == Tier::Fuzzy) s += fr ? " (orthographe approchée)" : " (close spelling)";
    return s;
}

}  // namespace qfq::query
