// model/nearest.h — "did you mean…?": the words of a list nearest to a mistyped one (edit
// distance), for the loader's, the importer's and the queries' messages alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qfq {

// The candidate closest to `word` by edit distance, or "" if none is close enough.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// The `max` candidates nearest to `word` (edit distance, then shared prefix), nearest first.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates, size_t max);

}  // namespace qfq
