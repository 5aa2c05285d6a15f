// tests/unit/test_gpu_layout.cpp — the GPU bridge's layouts as the JavaScript backends read
// them (web/gpu_layout.js) against the C++ structs they mirror (src/render/gpu.h): every
// size and every field offset, and both backends taking their numbers from that table.
//
// gpu.h also static_asserts the same numbers; this test catches the other half of a change
// (a field added in C++ and not in the table, or the other way round).

#include <doctest/doctest.h>

#include <cstddef>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "render/gpu.h"

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    return all.str();
}

// The strict JSON between the markers of web/gpu_layout.js.
nlohmann::json layoutTable() {
    const std::string js = readText(QFQ_SOURCE_DIR "/web/gpu_layout.js");
    const std::string begin = "/* BEGIN GPU LAYOUT */", end = "/* END GPU LAYOUT */";
    const size_t a = js.find(begin), b = js.find(end);
    REQUIRE_MESSAGE(a != std::string::npos, "web/gpu_layout.js has no " << begin);
    REQUIRE_MESSAGE(b != std::string::npos, "web/gpu_layout.js has no " << end);
    return nlohmann::json::parse(js.substr(a + begin.size(), b - a - begin.size()));
}

struct Expected {
    size_t size;
    std::map<std::string, size_t> offsets;  // every field of the struct
};

void compare(const nlohmann::json& table, const char* key, const Expected& want) {
    CAPTURE(key);
    REQUIRE(table.contains(key));
    const nlohmann::json& layout = table[key];
    CHECK(layout["size"].get<size_t>() == want.size);
    std::map<std::string, size_t> got;
    for (const nlohmann::json& f : layout["fields"])
        got[f["name"].get<std::string>()] = f["offset"].get<size_t>();
    // Fields the table names together (x for x,y; clip for clip[4]) are the first of a run.
    for (const auto& field : got) {
        // A plain copy: clang refuses structured bindings inside CAPTURE's lambda (C++17).
        const std::string name = field.first;
        CAPTURE(name);
        REQUIRE(want.offsets.count(name) == 1);
        CHECK(field.second == want.offsets.at(name));
    }
    CHECK(got.size() == want.offsets.size());  // no field missing from the table
}

}  // namespace

TEST_CASE("gpu layout: web/gpu_layout.js matches the structs of render/gpu.h") {
    const nlohmann::json table = layoutTable();
    CHECK(table.size() == 5);
    compare(table, "node",
            {sizeof(QfqNodeInstance),
             {{"x", offsetof(QfqNodeInstance, x)},
              {"radius", offsetof(QfqNodeInstance, radius)},
              {"fill", offsetof(QfqNodeInstance, fill)},
              {"stroke", offsetof(QfqNodeInstance, stroke)},
              {"strokeWidth", offsetof(QfqNodeInstance, strokeWidth)}}});
    compare(table, "edge",
            {sizeof(QfqEdgeInstance),
             {{"x0", offsetof(QfqEdgeInstance, x0)},
              {"colour", offsetof(QfqEdgeInstance, colour)},
              {"width", offsetof(QfqEdgeInstance, width)},
              {"arrow", offsetof(QfqEdgeInstance, arrow)},
              {"dash", offsetof(QfqEdgeInstance, dash)}}});
    compare(table, "uiVertex",
            {sizeof(QfqUiVertex),
             {{"x", offsetof(QfqUiVertex, x)},
              {"u", offsetof(QfqUiVertex, u)},
              {"colour", offsetof(QfqUiVertex, colour)}}});
    compare(table, "uiCommand",
            {sizeof(QfqUiCommand),
             {{"clip", offsetof(QfqUiCommand, clip)},
              {"texture", offsetof(QfqUiCommand, texture)},
              {"firstIndex", offsetof(QfqUiCommand, firstIndex)},
              {"indexCount", offsetof(QfqUiCommand, indexCount)}}});
    compare(table, "view",
            {sizeof(QfqView),
             {{"zoom", offsetof(QfqView, zoom)},
              {"centerX", offsetof(QfqView, centerX)},
              {"centerY", offsetof(QfqView, centerY)},
              {"dpr", offsetof(QfqView, dpr)},
              {"width", offsetof(QfqView, width)},
              {"height", offsetof(QfqView, height)},
              {"fade", offsetof(QfqView, fade)},
              {"pad", offsetof(QfqView, pad)}}});
}

TEST_CASE("gpu layout: both backends read the shared table, none repeats its numbers") {
    for (const char* file : {"/web/gpu_webgpu.js", "/web/gpu_webgl2.js"}) {
        CAPTURE(file);
        const std::string js = readText(std::string(QFQ_SOURCE_DIR) + file);
        REQUIRE(!js.empty());
        CHECK(js.find("from './gpu_layout.js'") != std::string::npos);
        for (const char* literal : {"_STRIDE = 24", "_STRIDE = 32", "_STRIDE = 20", "cmdCount * 7", "k * 7"})
            CHECK_MESSAGE(js.find(literal) == std::string::npos, "hand-written layout number: " << literal);
    }
}
