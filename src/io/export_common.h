// io/export_common.h — small helpers shared by the exporters (export_graph.cpp, export_csv.cpp).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qfq::io::detail {

// Compact JSON; invalid UTF-8 (never in a loaded map) is replaced rather than thrown on.
inline std::string dumpJson(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Shortest text that reads back as the same float.
inline std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", v);
    return buffer;
}

// list[index], or nullptr when the index is out of range (-1 = none).
template <class T>
const T* at(const std::vector<T>& list, int index) {
    return index >= 0 && size_t(index) < list.size() ? &list[size_t(index)] : nullptr;
}

}  // namespace qfq::io::detail
