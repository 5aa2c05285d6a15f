// model/nearest.cpp — see nearest.h.
#include "model/nearest.h"

#include <algorithm>

namespace qfq {

// Levenshtein distance, two rows; words here are short ids and field names.
static size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) return "";
    std::string best;
    size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const std::string& c : candidates) {
        if (c.size() > 64) continue;
        size_t d = editDistance(word, c);
        if (d < bestDistance) bestDistance = d, best = c;
    }
    return best;
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max) {
    struct Scored {
        size_t distance, prefix, index;
    };
    std::vector<Scored> scored;
    scored.reserve(candidates.size());
    for (size_t i = 0; i < candidates.size(); ++i) {
        const std::string& c = candidates[i];
        size_t prefix = 0;
        while (prefix < c.size() && prefix < word.size() && c[prefix] == word[prefix]) ++prefix;
        size_t d = word.size() > 64 || c.size() > 64 ? 1000 : editDistance(word, c);
        scored.push_back({d, prefix, i});
    }
    size_t n = std::min(max, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + long(n), scored.end(),
                      [](const Scored& a, const Scored& b) {
                          if (a.distance != b.distance) return a.distance < b.distance;
                          if (a.prefix != b.prefix) return a.prefix > b.prefix;
                          return a.index < b.index;
                      });
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i) out.push_back(candidates[scored[i].index]);
    return out;
}

}  // namespace qfq
