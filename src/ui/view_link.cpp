// ui/view_link.cpp — parsing and writing the URL fragment (see view_link.h).
//
// The fragment comes from any link anyone shares, so every number is read without undefined
// behaviour: integers saturate instead of overflowing, non-finite floats are refused.

#include "ui/view_link.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace qfq::ui {

namespace {

bool isUnreserved(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~' || c == '/' || c == ':';
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads an integer the way atoi does (leading spaces, sign, digits, then anything), but
// saturates at ±1e9 so that "99999999999" or "step - 1" can never overflow an int.
int lenientInt(std::string_view text) {
    constexpr long long kLimit = 1000000000;
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    long long value = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        value = std::min(value * 10 + (text[i] - '0'), kLimit);
    return int(negative ? -value : value);
}

// Six significant digits, as links are written: rounding here makes parse(format(x)) == x.
bool roundToLinkPrecision(float& v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", double(v));
    v = std::strtof(buf, nullptr);
    return std::isfinite(v);
}

std::string formatFloat(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", double(v));
    return buf;
}

// "x,y,zoom": three finite numbers and nothing else, zoom > 0.
std::optional<ViewCamera> parseCamera(const std::string& value) {
    ViewCamera c;
    char tail = 0;
    if (std::sscanf(value.c_str(), "%f,%f,%f%c", &c.x, &c.y, &c.zoom, &tail) != 3) return std::nullopt;
    if (!std::isfinite(c.x) || !std::isfinite(c.y) || !std::isfinite(c.zoom)) return std::nullopt;
    if (!roundToLinkPrecision(c.x) || !roundToLinkPrecision(c.y) || !roundToLinkPrecision(c.zoom))
        return std::nullopt;
    if (!(c.zoom > 0)) return std::nullopt;
    return c;
}

std::vector<std::string> splitIds(const std::string& value) {
    std::vector<std::string> ids;
    size_t start = 0;
    while (start <= value.size()) {
        size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        if (comma > start) ids.push_back(value.substr(start, comma - start));
        start = comma + 1;
    }
    return ids;
}

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {  // appended piece by piece: "," + string trips GCC 12's -Wrestrict
        if (!out.empty()) out += ',';
        out += percentEncode(id);
    }
    return out;
}

}  // namespace

std::string percentEncode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (isUnreserved(c))
            out += char(c);
        else
            out += '%', out += hex[c >> 4], out += hex[c & 15];
    }
    return out;
}

std::string percentDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        int high = text[i] == '%' && i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
        int low = high >= 0 ? hexValue(text[i + 2]) : -1;
        if (high >= 0 && low >= 0) {
            out += char(high * 16 + low);
            i += 2;
        } else {
            out += text[i] == '+' ? ' ' : text[i];
        }
    }
    return out;
}

ViewLink parseViewLink(std::string_view fragment) {
    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
    ViewLink link;
    size_t start = 0;
    while (start <= fragment.size()) {
        size_t end = fragment.find('&', start);
        if (end == std::string_view::npos) end = fragment.size();
        std::string_view part = fragment.substr(start, end - start);
        start = end + 1;
        if (part.empty()) continue;
        size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            link.skipped.emplace_back(part);
            continue;
        }
        std::string key(part.substr(0, eq)), value = percentDecode(part.substr(eq + 1));
        bool understood = true;
        if (key == "map") {
            if (!link.map) link.map = value;
        } else if (key == "v") {
            link.variant = value;
        } else if (key == "sel") {
            link.selected = value;
        } else if (key == "focus") {
            link.focused = value;
        } else if (key == "depth") {
            int depth = lenientInt(value);
            understood = depth >= 1 && depth <= 6;
            if (understood) link.depth = depth;
        } else if (key == "cam") {
            std::optional<ViewCamera> camera = parseCamera(value);
            understood = camera.has_value();
            if (understood) link.camera = camera;
        } else if (key == "lang") {
            link.lang = value == "en" ? Lang::En : Lang::Fr;
        } else if (key == "present") {
            link.present = value == "1";
        } else if (key == "tour") {
            link.tour = value;
        } else if (key == "step") {
            link.step = lenientInt(value);
        } else if (key == "hide") {
            link.hideUnconnected = value == "1";
        } else if (key == "sure") {
            link.sureOnly = value == "1";
        } else if (key == "ask") {
            link.ask = value;
        } else if (key == "where") {
            link.where = value;
        } else if (key == "school") {
            link.school = value;
        } else if (key == "from") {
            link.pathFrom = value;
        } else if (key == "lv") {
            link.levelsOff = splitIds(value);
        } else if (key == "k") {
            link.kindsOff = splitIds(value);
        } else if (key == "rk") {
            link.relationKindsOff = splitIds(value);
        } else {
            understood = false;
        }
        if (!understood) link.skipped.push_back(key + "=" + value);
    }
    return link;
}

std::string formatViewLink(const ViewLink& link) {
    std::string out;
    auto add = [&out](const char* key, const std::string& encodedValue) {
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += encodedValue;
    };
    auto flag = [](bool on) { return std::string(on ? "1" : "0"); };
    if (link.map) add("map", percentEncode(*link.map));
    if (link.variant) add("v", percentEncode(*link.variant));
    if (link.selected) add("sel", percentEncode(*link.selected));
    if (link.focused) add("focus", percentEncode(*link.focused));
    if (link.depth) add("depth", std::to_string(*link.depth));
    if (link.camera) {
        const ViewCamera& c = *link.camera;
        // Encoded: "%g" writes 2.5e+06, and a raw '+' reads back as a space.
        add("cam", percentEncode(formatFloat(c.x)) + "," + percentEncode(formatFloat(c.y)) + "," +
                       percentEncode(formatFloat(c.zoom)));
    }
    if (link.lang) add("lang", *link.lang == Lang::En ? "en" : "fr");
    if (link.present) add("present", flag(*link.present));
    if (link.tour) add("tour", percentEncode(*link.tour));
    if (link.step) add("step", std::to_string(*link.step));
    if (link.hideUnconnected) add("hide", flag(*link.hideUnconnected));
    if (link.sureOnly) add("sure", flag(*link.sureOnly));
    if (link.ask) add("ask", percentEncode(*link.ask));
    if (link.where) add("where", percentEncode(*link.where));
    if (link.school) add("school", percentEncode(*link.school));
    if (link.pathFrom) add("from", percentEncode(*link.pathFrom));
    if (link.levelsOff) add("lv", joinIds(*link.levelsOff));
    if (link.kindsOff) add("k", joinIds(*link.kindsOff));
    if (link.relationKindsOff) add("rk", joinIds(*link.relationKindsOff));
    return out;
}

}  // namespace qfq::ui
