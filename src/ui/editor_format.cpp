// ui/editor_format.cpp — writing the edited document back as a file without reformatting what
// the user did not touch (see savedText in editor_session.h).
//
// Contents
//   1. Spans: where each member and list item of the opened file's text lies
//   2. savedText: untouched members and items copied from the file, the rest written anew
//
// Why: a territory's file lives in a repository or on a shared drive; a diff that rewrites
// every line because the editor changed one actor hides the change. Two levels are matched:
// top-level members, the items of top-level lists (actors, relations…) and the entries of the
// objects one level down (override.actors.ID, remove.actors). Anything else that changed is
// written with nlohmann's two-space indentation, indented to its place.

#include <string>
#include <string_view>
#include <vector>

#include "ui/editor_session.h"

namespace qfq::ui {

namespace {

// ---------------------------------------------------------------------------
// 1. Spans
// ---------------------------------------------------------------------------

struct Span {
    std::string key;             // member name ("" for array items)
    size_t begin = 0;            // the value's first byte
    size_t end = 0;              // one past its last byte
    std::vector<Span> children;  // members or items, one level down (filled on request)
};

size_t skipSpace(std::string_view t, size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    return i;
}

// End of the string starting at t[i] == '"'.
size_t skipString(std::string_view t, size_t i) {
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\')
            ++i;
        else if (t[i] == '"')
            return i + 1;
    }
    return t.size();
}

// End of the value starting at t[i]; fills `children` (members or items) when `depth` > 0.
size_t scanValue(std::string_view t, size_t i, int depth, std::vector<Span>* children) {
    if (i >= t.size()) return i;
    char c = t[i];
    if (c == '"') return skipString(t, i);
    if (c != '{' && c != '[') {
        while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
               t[i] != '\r' && t[i] != '\t')
            ++i;
        return i;
    }
    const bool object = c == '{';
    const char close = object ? '}' : ']';
    i = skipSpace(t, i + 1);
    while (i < t.size() && t[i] != close) {
        Span span;
        if (object) {
            size_t keyEnd = skipString(t, i);
            std::string raw(t.substr(i, keyEnd - i));
            nlohmann::json key = nlohmann::json::parse(raw, nullptr, false);
            span.key = key.is_string() ? key.get<std::string>() : raw;
            i = skipSpace(t, keyEnd);
            if (i < t.size() && t[i] == ':') i = skipSpace(t, i + 1);
        }
        span.begin = i;
        span.end = scanValue(t, i, depth - 1, depth > 1 ? &span.children : nullptr);
        if (children) children->push_back(std::move(span));
        i = skipSpace(t, children ? children->back().end : span.end);
        if (i < t.size() && t[i] == ',') i = skipSpace(t, i + 1);
    }
    return i < t.size() ? i + 1 : i;
}

// ---------------------------------------------------------------------------
// 2. savedText
// ---------------------------------------------------------------------------

// `value` written at `indent` spaces (its first line is not indented: the caller placed it).
std::string dumpAt(const OrderedJson& value, int indent) {
    std::string text = value.dump(2);
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out.append(size_t(indent), ' ');
    }
    return out;
}

class Writer {
public:
    Writer(std::string_view text, const OrderedJson& original) : text_(text), original_(original) {}

    // A value: its original text if unchanged, else matched one level down, else written anew.
    std::string value(const OrderedJson& now, const OrderedJson* before, const Span* span, int indent,
                      int depth) const {
        if (before && span && *before == now)
            return std::string(text_.substr(span->begin, span->end - span->begin));
        if (!before || !span || depth <= 0 || now.type() != before->type() || now.empty() ||
            (!now.is_array() && !now.is_object()))
            return dumpAt(now, indent);
        const std::string pad(size_t(indent) + 2, ' ');
        std::string out = now.is_array() ? "[\n" : "{\n";
        size_t n = 0;
        if (now.is_array()) {
            std::vector<bool> used(before->size(), false);
            for (const OrderedJson& item : now) {
                const Span* match = nullptr;
                const OrderedJson* was = nullptr;
                // The same item anywhere in the old list (items move when one is removed).
                for (size_t k = 0; k < before->size() && k < span->children.size(); ++k)
                    if (!used[k] && (*before)[k] == item) {
                        used[k] = true, match = &span->children[k], was = &(*before)[k];
                        break;
                    }
                out +=
                    pad + value(item, was, match, indent + 2, depth - 1) + (++n < now.size() ? ",\n" : "\n");
            }
        } else {
            for (auto it = now.begin(); it != now.end(); ++it) {
                const Span* match = nullptr;
                const OrderedJson* was = nullptr;
                for (const Span& c : span->children)
                    if (c.key == it.key() && before->contains(it.key())) {
                        match = &c, was = &(*before)[it.key()];
                        break;
                    }
                out += pad + OrderedJson(it.key()).dump() + ": " +
                       value(it.value(), was, match, indent + 2, depth - 1) +
                       (++n < now.size() ? ",\n" : "\n");
            }
        }
        return out + std::string(size_t(indent), ' ') + (now.is_array() ? "]" : "}");
    }

    std::string document(const OrderedJson& now) const {
        Span root;
        root.begin = skipSpace(text_, 0);
        root.end = scanValue(text_, root.begin, 3, &root.children);
        return value(now, &original_, &root, 0, 3) + "\n";
    }

private:
    std::string_view text_;
    const OrderedJson& original_;
};

}  // namespace

std::string savedText(const EditSession& s) {
    if (s.originalText.empty() || !s.original.is_object()) return s.doc.dump(2) + "\n";
    // The root object itself always goes through value(): a BOM or text around it is dropped.
    std::string_view text = s.originalText;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Writer w(text, s.original);
    return w.document(s.doc);
}

}  // namespace qfq::ui
