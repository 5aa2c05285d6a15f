// io/export_graph.cpp — GraphML, GEXF and DOT writers; GraphML reader; a tiny XML reader.
// (The CSV writers are in io/export_csv.cpp.)
//
// Contents
//   1. Shared helpers (escaping, per-field values)
//   2. GraphML (Gephi, yEd, networkx)
//   3. GEXF 1.2 (Gephi)
//   4. DOT (Graphviz)
//   5. XML reader
//   6. fromGraphML
//
// Why per-field values come from toJson: the JSON writer already knows how every field of the
// format is spelled and when it is left out, so GraphML/GEXF hold exactly the JSON values
// (strings as is, everything else as compact JSON) and the reader rebuilds the JSON document
// and loads it: no second description of the format to keep in step.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include "io/csv.h"
#include "io/export.h"
#include "io/export_common.h"
#include "model/utf8.h"

namespace qfq::io {

using detail::at;
using detail::dumpJson;
using detail::number;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// 1. Shared helpers
// ---------------------------------------------------------------------------

// Actor and relation fields, in the order the files list them. `text` = stored as a plain
// string; the others are JSON.
struct Field {
    const char* name;
    bool text;
};
constexpr Field kActorFields[] = {
    {"id", true},           {"acronym", true},    {"name", false},     {"aliases", false},
    {"formerNames", false}, {"level", true},      {"kind", true},      {"territory", true},
    {"description", false}, {"missions", false},  {"topics", false},   {"url", true},
    {"sources", false},     {"confidence", true}, {"position", false}, {"variants", false},
};
constexpr Field kRelationFields[] = {
    {"id", true},           {"from", true},     {"to", true},         {"kind", true},
    {"description", false}, {"sources", false}, {"confidence", true},
};

// The value of `field` in a toJson object as one string ("" = absent).
std::string fieldValue(const json& object, const Field& field) {
    auto it = object.find(field.name);
    if (it == object.end()) return "";
    if (field.text && it->is_string()) return it->get<std::string>();
    return dumpJson(*it);
}

std::string hexColour(uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", unsigned(rgb & 0xFFFFFF));
    return buffer;
}

// Attribute values: line breaks would be turned into spaces by any XML reader.
std::string attr(std::string_view text) {
    std::string out = detail::xmlEscape(text);
    std::string result;
    result.reserve(out.size());
    for (char c : out) {
        if (c == '\n')
            result += "&#10;";
        else if (c == '\r')
            result += "&#13;";
        else if (c == '\t')
            result += "&#9;";
        else
            result += c;
    }
    return result;
}

const char* dashName(Dash d) {
    return d == Dash::Dashed ? "dashed" : d == Dash::Dotted ? "dotted" : "solid";
}

float posAt(const std::vector<float>& v, size_t i) {
    return i < v.size() && std::isfinite(v[i]) ? v[i] : 0.0f;
}

// The map without actors and relations: what GraphML keeps on the graph.
json mapMeta(const json& doc) {
    json meta = doc;
    meta.erase("actors");
    meta.erase("relations");
    return meta;
}

}  // namespace

// ---------------------------------------------------------------------------
// 2. GraphML
// ---------------------------------------------------------------------------

std::string toGraphML(const Map& map, const std::vector<float>& x, const std::vector<float>& y) {
    const json doc = toJson(map);
    std::string o;
    o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xmlns:y=\"http://www.yworks.com/xml/graphml\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n"
         "  <!-- Qui fait quoi ? export: every field of the qfq-map/1 format (texts and lists as JSON) -->\n";
    auto key = [&](const std::string& id, const char* forWhat, const std::string& name, const char* type) {
        o += "  <key id=\"" + id + "\" for=\"" + forWhat + "\" attr.name=\"" + name + "\" attr.type=\"" +
             type + "\"/>\n";
    };
    key("g_map", "graph", "qfq_map", "string");
    key("g_title", "graph", "title", "string");
    o += "  <key id=\"n_yg\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
         "  <key id=\"e_yg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";
    for (const Field& f : kActorFields) key(std::string("n_") + f.name, "node", f.name, "string");
    key("n_label", "node", "label", "string");
    key("n_x", "node", "x", "double");
    key("n_y", "node", "y", "double");
    key("n_size", "node", "size", "double");
    for (const char* c : {"r", "g", "b"}) key(std::string("n_") + c, "node", c, "int");
    key("n_colour", "node", "color", "string");
    key("n_levelLabel", "node", "level_label", "string");
    key("n_kindLabel", "node", "kind_label", "string");
    for (const Field& f : kRelationFields)
        if (std::string_view(f.name) != "from" && std::string_view(f.name) != "to")
            key(std::string("e_") + f.name, "edge", f.name, "string");
    key("e_directed", "edge", "directed", "boolean");
    key("e_label", "edge", "label", "string");
    key("e_colour", "edge", "color", "string");
    key("e_dash", "edge", "dash", "string");

    o += "  <graph id=\"" + attr(map.id) + "\" edgedefault=\"directed\">\n";
    o += "    <data key=\"g_title\">" + detail::xmlEscape(map.title.get(Lang::Fr)) + "</data>\n";
    o += "    <data key=\"g_map\">" + detail::xmlEscape(dumpJson(mapMeta(doc))) + "</data>\n";
    const json& actors = doc["actors"];
    for (size_t i = 0; i < map.actors.size(); ++i) {
        const Actor& a = map.actors[i];
        const Category* kind = at(map.actorKinds, a.kind);
        const Category* level = at(map.levels, a.level);
        uint32_t colour = kind ? kind->colour : 0x808080;
        bool unsure = a.confidence == Confidence::Unsure;
        float px = posAt(x, i), py = posAt(y, i);
        o += "    <node id=\"" + attr(a.id) + "\">\n";
        // yEd draws this; networkx reads it too (its x/y are then replaced by ours below).
        o += "      <data key=\"n_yg\"><y:ShapeNode><y:Geometry height=\"14.0\" width=\"14.0\" x=\"" +
             number(px - 7) + "\" y=\"" + number(py - 7) + "\"/><y:Fill color=\"" +
             (unsure ? std::string("#FFFFFF") : hexColour(colour)) +
             "\" transparent=\"false\"/><y:BorderStyle color=\"" + hexColour(colour) +
             "\" type=\"line\" width=\"" + (unsure ? "2.5" : "1.0") +
             "\"/><y:NodeLabel modelName=\"sides\" modelPosition=\"e\">" +
             detail::xmlEscape(a.label(Lang::Fr)) +
             "</y:NodeLabel><y:Shape type=\"ellipse\"/></y:ShapeNode></data>\n";
        for (const Field& f : kActorFields) {
            std::string v = fieldValue(actors[i], f);
            if (!v.empty())
                o +=
                    "      <data key=\"n_" + std::string(f.name) + "\">" + detail::xmlEscape(v) + "</data>\n";
        }
        auto data = [&](const char* k, const std::string& v) {
            o += "      <data key=\"n_" + std::string(k) + "\">" + detail::xmlEscape(v) + "</data>\n";
        };
        data("label", a.label(Lang::Fr));
        data("x", number(px));
        data("y", number(py));
        data("size", "7");
        data("r", std::to_string((colour >> 16) & 255));
        data("g", std::to_string((colour >> 8) & 255));
        data("b", std::to_string(colour & 255));
        data("colour", hexColour(colour));
        if (level) data("levelLabel", level->label.get(Lang::Fr));
        if (kind) data("kindLabel", kind->label.get(Lang::Fr));
        o += "    </node>\n";
    }
    const json relations = doc.value("relations", json::array());
    for (size_t i = 0; i < map.relations.size(); ++i) {
        const Relation& r = map.relations[i];
        const Category* kind = at(map.relationKinds, r.kind);
        uint32_t colour = kind ? kind->colour : 0x808080;
        o += "    <edge id=\"" + attr(r.id) + "\" source=\"" + attr(relations[i].value("from", "")) +
             "\" target=\"" + attr(relations[i].value("to", "")) + "\">\n";
        o += "      <data key=\"e_yg\"><y:PolyLineEdge><y:LineStyle color=\"" + hexColour(colour) +
             "\" type=\"" + (kind && kind->dash != Dash::Solid ? dashName(kind->dash) : "line") +
             "\" width=\"1.5\"/><y:Arrows source=\"none\" target=\"" + (r.directed ? "standard" : "none") +
             "\"/></y:PolyLineEdge></data>\n";
        for (const Field& f : kRelationFields) {
            std::string_view name = f.name;
            if (name == "from" || name == "to") continue;
            std::string v = fieldValue(relations[i], f);
            if (!v.empty())
                o += "      <data key=\"e_" + std::string(name) + "\">" + detail::xmlEscape(v) + "</data>\n";
        }
        o += "      <data key=\"e_directed\">" + std::string(r.directed ? "true" : "false") + "</data>\n";
        if (kind)
            o +=
                "      <data key=\"e_label\">" +
                detail::xmlEscape(kind->verb.empty() ? kind->label.get(Lang::Fr) : kind->verb.get(Lang::Fr)) +
                "</data>\n";
        o += "      <data key=\"e_colour\">" + hexColour(colour) + "</data>\n";
        o += "      <data key=\"e_dash\">" + std::string(dashName(kind ? kind->dash : Dash::Solid)) +
             "</data>\n";
        o += "    </edge>\n";
    }
    o += "  </graph>\n</graphml>\n";
    return o;
}

// ---------------------------------------------------------------------------
// 3. GEXF
// ---------------------------------------------------------------------------

std::string toGEXF(const Map& map, const std::vector<float>& x, const std::vector<float>& y) {
    const json doc = toJson(map);
    std::string o;
    o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
         "version=\"1.2\">\n";
    o += "  <meta lastmodifieddate=\"" + attr(map.updated) +
         "\">\n    <creator>Qui fait quoi ?</creator>\n"
         "    <description>" +
         detail::xmlEscape(map.title.get(Lang::Fr)) + " (" + detail::xmlEscape(map.id) + ", " +
         detail::xmlEscape(map.licence) + ")</description>\n  </meta>\n";
    // Gephi draws y upwards; the map's y grows downwards, so positions are written as -y.
    o += "  <graph mode=\"static\" defaultedgetype=\"directed\">\n    <attributes class=\"node\">\n";
    for (const Field& f : kActorFields)
        if (std::string_view(f.name) != "id")
            o += "      <attribute id=\"" + std::string(f.name) + "\" title=\"" + f.name +
                 "\" type=\"string\"/>\n";
    o += "      <attribute id=\"level_label\" title=\"level_label\" type=\"string\"/>\n"
         "      <attribute id=\"kind_label\" title=\"kind_label\" type=\"string\"/>\n"
         "    </attributes>\n    <attributes class=\"edge\">\n";
    for (const Field& f : kRelationFields) {
        std::string_view name = f.name;
        if (name == "id" || name == "from" || name == "to") continue;
        o += "      <attribute id=\"" + std::string(name) + "\" title=\"" + std::string(name) +
             "\" type=\"string\"/>\n";
    }
    o += "      <attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>\n"
         "      <attribute id=\"dash\" title=\"dash\" type=\"string\"/>\n    </attributes>\n    <nodes>\n";
    const json& actors = doc["actors"];
    for (size_t i = 0; i < map.actors.size(); ++i) {
        const Actor& a = map.actors[i];
        const Category* kind = at(map.actorKinds, a.kind);
        const Category* level = at(map.levels, a.level);
        uint32_t colour = kind ? kind->colour : 0x808080;
        o += "      <node id=\"" + attr(a.id) + "\" label=\"" + attr(a.label(Lang::Fr)) +
             "\">\n        <attvalues>\n";
        auto value = [&](const std::string& k, const std::string& v) {
            o += "          <attvalue for=\"" + k + "\" value=\"" + attr(v) + "\"/>\n";
        };
        for (const Field& f : kActorFields) {
            if (std::string_view(f.name) == "id") continue;
            std::string v = fieldValue(actors[i], f);
            if (!v.empty()) value(f.name, v);
        }
        if (level) value("level_label", level->label.get(Lang::Fr));
        if (kind) value("kind_label", kind->label.get(Lang::Fr));
        o += "        </attvalues>\n";
        o += "        <viz:color r=\"" + std::to_string((colour >> 16) & 255) + "\" g=\"" +
             std::to_string((colour >> 8) & 255) + "\" b=\"" + std::to_string(colour & 255) + "\" a=\"" +
             (a.confidence == Confidence::Unsure ? "0.5" : "1.0") + "\"/>\n";
        o += "        <viz:position x=\"" + number(posAt(x, i)) + "\" y=\"" + number(-posAt(y, i)) +
             "\" z=\"0.0\"/>\n";
        o += "        <viz:size value=\"7.0\"/>\n      </node>\n";
    }
    o += "    </nodes>\n    <edges>\n";
    const json relations = doc.value("relations", json::array());
    for (size_t i = 0; i < map.relations.size(); ++i) {
        const Relation& r = map.relations[i];
        const Category* kind = at(map.relationKinds, r.kind);
        uint32_t colour = kind ? kind->colour : 0x808080;
        std::string label =
            kind ? (kind->verb.empty() ? kind->label.get(Lang::Fr) : kind->verb.get(Lang::Fr)) : "";
        o += "      <edge id=\"" + attr(r.id) + "\" source=\"" + attr(relations[i].value("from", "")) +
             "\" target=\"" + attr(relations[i].value("to", "")) + "\" label=\"" + attr(label) +
             "\">\n        <attvalues>\n";
        for (const Field& f : kRelationFields) {
            std::string_view name = f.name;
            if (name == "id" || name == "from" || name == "to") continue;
            std::string v = fieldValue(relations[i], f);
            if (!v.empty())
                o += "          <attvalue for=\"" + std::string(name) + "\" value=\"" + attr(v) + "\"/>\n";
        }
        o += "          <attvalue for=\"directed\" value=\"" + std::string(r.directed ? "true" : "false") +
             "\"/>\n";
        o += "          <attvalue for=\"dash\" value=\"" +
             std::string(dashName(kind ? kind->dash : Dash::Solid)) + "\"/>\n        </attvalues>\n";
        o += "        <viz:color r=\"" + std::to_string((colour >> 16) & 255) + "\" g=\"" +
             std::to_string((colour >> 8) & 255) + "\" b=\"" + std::to_string(colour & 255) + "\"/>\n";
        o += "        <viz:shape value=\"" + std::string(dashName(kind ? kind->dash : Dash::Solid)) +
             "\"/>\n      </edge>\n";
    }
    o += "    </edges>\n  </graph>\n</gexf>\n";
    return o;
}

// ---------------------------------------------------------------------------
// 4. DOT
// ---------------------------------------------------------------------------

namespace {

std::string dotString(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out + "\"";
}

}  // namespace

std::string toDot(const Map& map, const std::vector<float>& x, const std::vector<float>& y, Lang lang) {
    std::string o =
        "// Qui fait quoi ? — " + map.title.get(lang) + " (" + map.id + ", " + map.licence + ")\n";
    o += "// Positions are pinned (pos=\"x,y!\"): draw with `neato -n2 -Tsvg`; `dot -Tsvg` lays out again.\n";
    o += "digraph " + dotString(map.id) + " {\n";
    o += "  graph [label=" + dotString(map.title.get(lang)) +
         ", labelloc=t, fontname=\"DejaVu Sans\", overlap=true];\n";
    o += "  node [shape=circle, style=filled, fixedsize=true, width=0.2, fontname=\"DejaVu Sans\", "
         "fontsize=10];\n";
    o += "  edge [arrowsize=0.6, penwidth=1.2];\n";
    for (size_t i = 0; i < map.actors.size(); ++i) {
        const Actor& a = map.actors[i];
        const Category* kind = at(map.actorKinds, a.kind);
        const Category* level = at(map.levels, a.level);
        std::string colour = hexColour(kind ? kind->colour : 0x808080);
        bool unsure = a.confidence == Confidence::Unsure;
        // Graphviz's y axis points up, in points.
        o += "  " + dotString(a.id) + " [label=\"\", xlabel=" + dotString(a.label(lang)) +
             ", tooltip=" + dotString(a.name.get(lang)) + ", color=" + dotString(colour) +
             ", fillcolor=" + dotString(unsure ? "#ffffff" : colour) + (unsure ? ", penwidth=2.5" : "") +
             ", pos=" + dotString(number(posAt(x, i)) + "," + number(-posAt(y, i)) + "!") +
             ", level=" + dotString(level ? level->id : "") + ", kind=" + dotString(kind ? kind->id : "") +
             "];\n";
    }
    for (const Relation& r : map.relations) {
        if (r.from >= map.actors.size() || r.to >= map.actors.size()) continue;
        const Category* kind = at(map.relationKinds, r.kind);
        std::string style = kind && kind->dash != Dash::Solid ? dashName(kind->dash) : "solid";
        o += "  " + dotString(map.actors[r.from].id) + " -> " + dotString(map.actors[r.to].id) +
             " [id=" + dotString(r.id) + ", color=" + dotString(hexColour(kind ? kind->colour : 0x808080)) +
             ", style=" + style + (r.directed ? "" : ", dir=none") +
             ", tooltip=" + dotString(kind ? kind->label.get(lang) : "") + "];\n";
    }
    return o + "}\n";
}

// ---------------------------------------------------------------------------
// 5. XML reader
// ---------------------------------------------------------------------------

namespace detail {

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                // XML 1.0 has no place for other control characters.
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\r' || c == '\t') out += c;
        }
    }
    return out;
}

const std::string* XmlNode::attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
        if (k == key) return &v;
    return nullptr;
}

const XmlNode* XmlNode::child(std::string_view childName) const {
    for (const XmlNode& c : children)
        if (c.name == childName) return &c;
    return nullptr;
}

namespace {

struct XmlReader {
    std::string_view s;
    size_t i = 0;
    std::string error;

    bool fail(const std::string& what) {
        error = what + " (byte " + std::to_string(i) + ")";
        return false;
    }
    bool starts(std::string_view p) const { return s.substr(i, p.size()) == p; }
    void spaces() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool skipPast(std::string_view end) {
        size_t at = s.find(end, i);
        if (at == std::string_view::npos) return fail("unterminated markup");
        i = at + end.size();
        return true;
    }
    bool name(std::string& out) {
        size_t start = i;
        while (i < s.size() && std::string_view(" \t\r\n/>=<\"'").find(s[i]) == std::string_view::npos) ++i;
        if (i == start) return fail("name expected");
        out.assign(s.substr(start, i - start));
        return true;
    }
    // Appends raw text with references decoded; `attribute` turns white space into spaces.
    bool decode(std::string_view raw, std::string& out, bool attribute) {
        for (size_t k = 0; k < raw.size(); ++k) {
            char c = raw[k];
            if (c != '&') {
                out += attribute && (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
                continue;
            }
            size_t semi = raw.find(';', k);
            if (semi == std::string_view::npos) return fail("bad entity");
            std::string_view ref = raw.substr(k + 1, semi - k - 1);
            if (ref == "lt")
                out += '<';
            else if (ref == "gt")
                out += '>';
            else if (ref == "amp")
                out += '&';
            else if (ref == "quot")
                out += '"';
            else if (ref == "apos")
                out += '\'';
            else if (ref.size() > 1 && ref[0] == '#') {
                bool hex = ref[1] == 'x' || ref[1] == 'X';
                std::string digits(ref.substr(hex ? 2 : 1));
                if (digits.empty()) return fail("bad character reference");
                char* end = nullptr;
                unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
                if (*end || cp == 0 || cp > 0x10FFFF) return fail("bad character reference");
                appendUtf8(out, uint32_t(cp));
            } else {
                return fail("unknown entity &" + std::string(ref) + ";");
            }
            k = semi;
        }
        return true;
    }
    bool element(XmlNode& node, int depth) {
        if (depth > 256) return fail("nesting too deep");
        ++i;  // '<'
        if (!name(node.name)) return false;
        for (;;) {
            spaces();
            if (i >= s.size()) return fail("unexpected end in a tag");
            if (starts("/>")) {
                i += 2;
                return true;
            }
            if (s[i] == '>') {
                ++i;
                break;
            }
            std::string key, value;
            if (!name(key)) return false;
            spaces();
            if (i >= s.size() || s[i] != '=') return fail("'=' expected after " + key);
            ++i;
            spaces();
            if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return fail("quoted value expected");
            char quote = s[i++];
            size_t end = s.find(quote, i);
            if (end == std::string_view::npos) return fail("unterminated attribute value");
            if (!decode(s.substr(i, end - i), value, true)) return false;
            i = end + 1;
            node.attributes.emplace_back(std::move(key), std::move(value));
        }
        for (;;) {
            size_t lt = s.find('<', i);
            if (lt == std::string_view::npos) return fail("missing </" + node.name + ">");
            if (!decode(s.substr(i, lt - i), node.text, false)) return false;
            i = lt;
            if (starts("</")) {
                i += 2;
                std::string closing;
                if (!name(closing)) return false;
                if (closing != node.name) return fail("</" + closing + "> closes <" + node.name + ">");
                spaces();
                if (i >= s.size() || s[i] != '>') return fail("'>' expected");
                ++i;
                return true;
            }
            if (starts("<!--")) {
                if (!skipPast("-->")) return false;
            } else if (starts("<![CDATA[")) {
                i += 9;
                size_t end = s.find("]]>", i);
                if (end == std::string_view::npos) return fail("unterminated CDATA");
                node.text += s.substr(i, end - i);
                i = end + 3;
            } else if (starts("<?")) {
                if (!skipPast("?>")) return false;
            } else {
                node.children.emplace_back();
                if (!element(node.children.back(), depth + 1)) return false;
            }
        }
    }
    bool document(XmlNode& root) {
        if (starts("\xEF\xBB\xBF")) i += 3;
        for (;;) {
            spaces();
            if (starts("<?")) {
                if (!skipPast("?>")) return false;
            } else if (starts("<!--")) {
                if (!skipPast("-->")) return false;
            } else if (starts("<!")) {
                if (!skipPast(">")) return false;
            } else if (starts("<")) {
                return element(root, 0);
            } else {
                return fail("no root element");
            }
        }
    }
};

}  // namespace

bool parseXml(std::string_view text, XmlNode& root, std::string& error) {
    XmlReader reader{text};
    root = XmlNode{};
    if (reader.document(root)) return true;
    error = reader.error;
    return false;
}

}  // namespace detail

// ---------------------------------------------------------------------------
// 6. fromGraphML
// ---------------------------------------------------------------------------

namespace {

LoadResult failure(const Document& doc, const std::string& fr, const std::string& en) {
    LoadResult r;
    r.problems.push_back({doc.name, "", 0, 0, Text{fr, en}, false});
    return r;
}

// Puts field `name` = `value` (as stored by the writer) into `object`; false if bad JSON.
bool putField(json& object, const Field* fields, size_t count, const std::string& name,
              const std::string& value) {
    for (size_t k = 0; k < count; ++k) {
        if (name != fields[k].name || value.empty()) continue;
        if (fields[k].text) {
            object[name] = value;
            return true;
        }
        json parsed = json::parse(value, nullptr, false);
        if (parsed.is_discarded()) return false;
        object[name] = std::move(parsed);
    }
    return true;
}

}  // namespace

LoadResult fromGraphML(const Document& doc) {
    detail::XmlNode root;
    std::string error;
    if (!detail::parseXml(doc.text, root, error))
        return failure(doc, "XML illisible : " + error, "unreadable XML: " + error);
    if (root.name != "graphml")
        return failure(doc, "ce n'est pas un fichier GraphML (racine <" + root.name + ">)",
                       "not a GraphML file (root <" + root.name + ">)");
    std::unordered_map<std::string, std::string> keyName;  // key id → attr.name (yEd renumbers ids)
    for (const detail::XmlNode& k : root.children)
        if (k.name == "key" && k.attribute("id") && k.attribute("attr.name"))
            keyName[*k.attribute("id")] = *k.attribute("attr.name");
    const detail::XmlNode* graph = root.child("graph");
    if (!graph) return failure(doc, "aucun élément <graph>", "no <graph> element");
    auto dataOf = [&](const detail::XmlNode& n, std::vector<std::pair<std::string, std::string>>& out) {
        for (const detail::XmlNode& d : n.children)
            if (d.name == "data" && d.attribute("key") && d.children.empty()) {
                auto it = keyName.find(*d.attribute("key"));
                if (it != keyName.end()) out.emplace_back(it->second, d.text);
            }
    };
    json document;
    std::vector<std::pair<std::string, std::string>> graphData;
    dataOf(*graph, graphData);
    for (const auto& [k, v] : graphData)
        if (k == "qfq_map") document = json::parse(v, nullptr, false);
    if (!document.is_object())
        return failure(doc,
                       "la clé « qfq_map » manque ou est illisible : ce fichier n'a pas été exporté par qfq",
                       "the \"qfq_map\" key is missing or unreadable: this file was not exported by qfq");
    std::string bad;
    json actors = json::array(), relations = json::array();
    for (const detail::XmlNode& n : graph->children) {
        std::vector<std::pair<std::string, std::string>> data;
        if (n.name == "node") {
            json a = json::object();
            if (const std::string* id = n.attribute("id")) a["id"] = *id;
            dataOf(n, data);
            for (const auto& [k, v] : data)
                if (!putField(a, kActorFields, std::size(kActorFields), k, v))
                    bad += " " + a.value("id", "?") + "/" + k;
            actors.push_back(std::move(a));
        } else if (n.name == "edge") {
            json r = json::object();
            if (const std::string* id = n.attribute("id")) r["id"] = *id;
            if (const std::string* s = n.attribute("source")) r["from"] = *s;
            if (const std::string* t = n.attribute("target")) r["to"] = *t;
            dataOf(n, data);
            for (const auto& [k, v] : data) {
                if (k == "directed" && (v == "false" || v == "0"))
                    r["directed"] = false;
                else if (!putField(r, kRelationFields, std::size(kRelationFields), k, v))
                    bad += " " + r.value("id", "?") + "/" + k;
            }
            relations.push_back(std::move(r));
        }
    }
    if (!bad.empty()) return failure(doc, "valeurs JSON illisibles :" + bad, "unreadable JSON values:" + bad);
    document["actors"] = std::move(actors);
    if (!relations.empty()) document["relations"] = std::move(relations);
    LoadResult result = loadMap(Document{doc.name, document.dump(1)}, {});
    // Lines and columns would point into the rebuilt JSON, not the GraphML: drop them.
    for (Problem& p : result.problems) p.line = p.column = 0;
    return result;
}

}  // namespace qfq::io
