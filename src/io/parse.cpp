// io/parse.cpp — from bytes to a JSON value, and from JSON pointers back to line/column.
//
// Contents
//   1. Small helpers (pointer escaping, type names, suggestions, UTF-8)
//   2. Pre-scan: size, emptiness, UTF-8, nesting depth (before nlohmann sees the text)
//   3. Parse: syntax errors, number overflow, duplicate keys, long strings
//   4. Locate: JSON pointer → byte offset → line/column
//
// Why a pre-scan: nlohmann's parser recurses once per nesting level, so 100,000 `[` would
// exhaust the stack (1 MiB in the browser). Counting brackets outside strings first means the
// parser only ever sees documents at most 64 levels deep.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "io/internal.h"
#include "model/utf8.h"

namespace qfq::io::detail {

// ---------------------------------------------------------------------------
// 1. Small helpers
// ---------------------------------------------------------------------------

std::string escapeToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

Text typeName(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return tr("null", "null");
        case json::value_t::boolean:
            return tr("un booléen", "a boolean");
        case json::value_t::string:
            return tr("une chaîne", "a string");
        case json::value_t::array:
            return tr("un tableau", "an array");
        case json::value_t::object:
            return tr("un objet", "an object");
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return tr("un nombre", "a number");
        default:
            return tr("une valeur", "a value");
    }
}

std::string joinList(const std::vector<std::string>& items, size_t max) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > max) out += "…";
    return out;
}

size_t utf8Length(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid (overlong forms, surrogates and
// code points above U+10FFFF are invalid too).
static size_t utf8SequenceLength(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    unsigned c = byte(i);
    if (c < 0x80) return 1;
    auto cont = [&](size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned c1 = byte(i + 1);
        if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
        if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogates
        return cont(i + 1) && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned c1 = byte(i + 1);
        if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
        if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
        return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

static bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// ---------------------------------------------------------------------------
// 2. Pre-scan
// ---------------------------------------------------------------------------

// Returns false (and reports) if the text must not reach the parser.
static bool prescan(const std::string& text, int doc, Problems& problems) {
    if (text.size() > kMaxFileBytes) {
        problems.errorAt(
            doc, -1,
            tr("fichier trop gros (" + std::to_string(text.size() / 1048576) + " Mo, limite 50 Mo)",
               "file too large (" + std::to_string(text.size() / 1048576) + " MB, limit 50 MB)"));
        return false;
    }
    if (std::all_of(text.begin(), text.end(), isJsonSpace)) {
        problems.errorAt(doc, 0, tr("le fichier est vide", "the file is empty"));
        return false;
    }
    bool inString = false, escaped = false;
    int depth = 0;
    for (size_t i = 0; i < text.size();) {
        size_t n = utf8SequenceLength(text, i);
        if (n == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
            problems.errorAt(doc, long(i),
                             tr(std::string("UTF-8 invalide (octet ") + hex + ")",
                                std::string("invalid UTF-8 (byte ") + hex + ")"));
            return false;
        }
        char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;  // an escaped quote or backslash does not end the string
            else if (c == '\\')
                escaped = true;
            else if (c == '"' || c == '\n')
                inString = false;  // a raw newline is a syntax error anyway: resynchronise
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) {
                problems.errorAt(doc, long(i),
                                 tr("imbrication trop profonde (plus de 64 niveaux)",
                                    "nesting too deep (more than 64 levels)"));
                return false;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
        i += n;
    }
    return true;
}

// ---------------------------------------------------------------------------
// 3. Parse
// ---------------------------------------------------------------------------

// nlohmann reports an overflowing number (1e999) without a position: find the first one.
static long findOverflowingNumber(const std::string& text) {
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            size_t end = i;
            while (end < text.size() && std::strchr("0123456789+-.eE", text[end]) && text[end]) ++end;
            std::string token = text.substr(i, end - i);
            if (!std::isfinite(std::strtod(token.c_str(), nullptr))) return long(i);
            i = end - 1;
        }
    }
    return -1;
}

// nlohmann reports the position of the last byte it read; authors want the start of the
// offending token ("id" "x" → the second string, not its closing quote). One forward pass.
static long tokenStart(const std::string& text, long offset) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isJsonSpace(text[i])) ++i;
        if (long(i) > offset) break;
        size_t start = i;
        char c = text[i];
        if (c == '"') {
            for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
                if (text[i] == '\\') ++i;
            ++i;
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') {
            while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-' ||
                                       text[i] == '+' || text[i] == '.'))
                ++i;
        } else {
            ++i;
        }
        if (long(i) > offset) return long(start);
    }
    return offset;
}

static void reportSyntaxError(const ParsedDoc& doc, int index, const json::parse_error& e,
                              Problems& problems) {
    const std::string& text = doc.text;
    long offset = std::clamp<long>(long(e.byte) - 1, 0, long(text.size()));
    std::string what = e.what();
    if (offset >= long(text.size()) || what.find("unexpected end of input") != std::string::npos) {
        problems.errorAt(index, long(text.size()),
                         tr("fin de fichier inattendue (une accolade, un crochet ou des "
                            "guillemets ne sont pas fermés ?)",
                            "unexpected end of file (an unclosed brace, bracket or quote?)"));
        return;
    }
    offset = tokenStart(text, offset);
    char c = text[size_t(offset)];
    if (c == '}' || c == ']') {
        long before = offset - 1;
        while (before >= 0 && isJsonSpace(text[size_t(before)])) --before;
        if (before >= 0 && text[size_t(before)] == ',') {
            std::string closer(1, c);
            problems.errorAt(
                index, before,
                tr("virgule en trop avant « " + closer + " »", "trailing comma before \"" + closer + "\""));
            return;
        }
    }
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 4: syntax
    // error while parsing value - unexpected ']'; expected ..." → keep what follows "column N: ".
    std::string detail = what;
    size_t at = what.find("syntax error while parsing ");
    if (at != std::string::npos) {
        detail = what.substr(at + 27);
    } else if ((at = what.find(": ")) != std::string::npos) {
        detail = what.substr(at + 2);
    }
    problems.errorAt(index, offset,
                     tr("erreur de syntaxe JSON (" + detail + ")", "JSON syntax error (" + detail + ")"));
}

// Walks the parsed value (depth ≤ 64, checked) for strings over the limit.
static void checkStringLengths(const json& value, std::string& pointer, int index, Problems& problems) {
    auto tooLong = [&](size_t chars, bool atKey) {
        problems.error(index, pointer,
                       tr("chaîne trop longue (" + std::to_string(chars) + " caractères, limite 10 000)",
                          "string too long (" + std::to_string(chars) + " characters, limit 10,000)"),
                       atKey);
    };
    if (value.is_string()) {
        const std::string& s = value.get_ref<const std::string&>();
        if (s.size() > kMaxStringChars && utf8Length(s) > kMaxStringChars) tooLong(utf8Length(s), false);
    } else if (value.is_object() || value.is_array()) {
        size_t i = 0;
        for (auto it = value.begin(); it != value.end(); ++it, ++i) {
            size_t keep = pointer.size();
            pointer += '/';
            if (value.is_object()) {
                pointer += escapeToken(it.key());
                if (it.key().size() > kMaxStringChars && utf8Length(it.key()) > kMaxStringChars)
                    tooLong(utf8Length(it.key()), true);
            } else {
                pointer += std::to_string(i);
            }
            checkStringLengths(*it, pointer, index, problems);
            pointer.resize(keep);
        }
    }
}

// Builds the DOM (through nlohmann's own SAX DOM builder) and records the JSON pointer of
// every key that repeats within its object.
class DuplicateKeySax {
public:
    DuplicateKeySax(json& root, std::vector<std::string>& duplicates)
        : dom_(root, true), duplicates_(duplicates) {}

    bool null() { return begin(), dom_.null(); }
    bool boolean(bool v) { return begin(), dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return begin(), dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return begin(), dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const std::string& s) {
        return begin(), dom_.number_float(v, s);
    }
    bool string(std::string& v) { return begin(), dom_.string(v); }
    bool binary(json::binary_t& v) { return begin(), dom_.binary(v); }
    bool start_object(std::size_t n) {
        begin();
        stack_.push_back(Frame{false, -1, {}, {}});
        return dom_.start_object(n);
    }
    bool key(std::string& k) {
        Frame& f = stack_.back();
        f.key = k;
        if (!f.keys.insert(k).second) {
            std::string pointer;
            for (const Frame& g : stack_)
                pointer += '/' + (g.array ? std::to_string(g.index) : escapeToken(g.key));
            duplicates_.push_back(pointer);
        }
        return dom_.key(k);
    }
    bool end_object() {
        stack_.pop_back();
        return dom_.end_object();
    }
    bool start_array(std::size_t n) {
        begin();
        stack_.push_back(Frame{true, -1, {}, {}});
        return dom_.start_array(n);
    }
    bool end_array() {
        stack_.pop_back();
        return dom_.end_array();
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
        return dom_.parse_error(position, token, ex);  // throws ex
    }

private:
    struct Frame {
        bool array = false;
        long index = -1;
        std::string key;
        std::unordered_set<std::string> keys;
    };
    // A value starts: inside an array, it is the next element.
    void begin() {
        if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
    }
    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::vector<std::string>& duplicates_;
    std::vector<Frame> stack_;
};

void parseDocument(ParsedDoc& doc, int index, Problems& problems) {
    doc.parsed = doc.wellFormed = false;
    // A UTF-8 byte order mark is harmless: editors on Windows add it. Drop it silently.
    if (doc.text.size() >= 3 && doc.text.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.text.erase(0, 3);
    if (!prescan(doc.text, index, problems)) return;

    // Duplicate keys: nlohmann keeps the last one silently, which would hide a typo'd copy.
    // A SAX handler wrapping nlohmann's DOM builder sees every key; nlohmann's parse
    // callback would do the same but re-scans the parent container at each object end,
    // which is quadratic on a map with 100,000 actors.
    std::vector<std::string> duplicates;
    DuplicateKeySax sax(doc.root, duplicates);
    try {
        json::sax_parse(doc.text, &sax);
    } catch (const json::parse_error& e) {
        reportSyntaxError(doc, index, e, problems);
        return;
    } catch (const json::out_of_range&) {
        problems.errorAt(index, findOverflowingNumber(doc.text), tr("nombre trop grand", "number too large"));
        return;
    }
    doc.wellFormed = true;
    for (const std::string& pointer : duplicates) {
        std::string key = pointer.substr(pointer.rfind('/') + 1);
        problems.error(index, pointer,
                       tr("clé « " + key + " » en double (seule la dernière compterait)",
                          "duplicate key \"" + key + "\" (only the last one would count)"),
                       true);
    }
    std::string pointer;
    checkStringLengths(doc.root, pointer, index, problems);
    // Duplicate keys and long strings are errors, but the value is sound: keep checking it so
    // that one run reports everything.
    doc.parsed = true;
}

// ---------------------------------------------------------------------------
// 4. Locate
// ---------------------------------------------------------------------------

namespace {

struct Where {
    long key = -1, value = -1;
};

// One pass over a document, descending only into containers whose pointer is wanted.
class Locator {
public:
    Locator(const std::string& text, std::unordered_map<std::string, Where>& wanted)
        : text_(text), wanted_(wanted) {}

    void run() {
        size_t pos = skipSpace(0);
        std::string pointer;
        value(pos, pointer, -1, 0);
    }

private:
    const std::string& text_;
    std::unordered_map<std::string, Where>& wanted_;

    size_t skipSpace(size_t pos) const {
        while (pos < text_.size() && isJsonSpace(text_[pos])) ++pos;
        return pos;
    }
    // pos at the opening quote; returns the position after the closing quote.
    size_t string(size_t pos, std::string* decoded) const {
        ++pos;
        while (pos < text_.size() && text_[pos] != '"') {
            if (text_[pos] == '\\' && pos + 1 < text_.size()) {
                char e = text_[pos + 1];
                pos += 2;
                if (!decoded) continue;
                switch (e) {
                    case 'b':
                        *decoded += '\b';
                        break;
                    case 'f':
                        *decoded += '\f';
                        break;
                    case 'n':
                        *decoded += '\n';
                        break;
                    case 'r':
                        *decoded += '\r';
                        break;
                    case 't':
                        *decoded += '\t';
                        break;
                    case 'u': {
                        unsigned cp = hex4(pos);
                        pos += 4;
                        if (cp >= 0xD800 && cp < 0xDC00 && text_.compare(pos, 2, "\\u") == 0) {
                            unsigned low = hex4(pos + 2);
                            if (low >= 0xDC00 && low < 0xE000) {
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                                pos += 6;
                            }
                        }
                        appendUtf8(*decoded, cp);
                        break;
                    }
                    default:
                        *decoded += e;
                }
            } else {
                if (decoded) *decoded += text_[pos];
                ++pos;
            }
        }
        return pos + 1;
    }
    unsigned hex4(size_t pos) const {
        unsigned v = 0;
        for (size_t k = pos; k < pos + 4 && k < text_.size(); ++k) {
            char c = text_[k];
            v = v * 16 + unsigned(c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
        }
        return v;
    }
    // Skips any value without looking inside; returns the position after it.
    size_t skip(size_t pos) const {
        int depth = 0;
        while (pos < text_.size()) {
            char c = text_[pos];
            if (c == '"') {
                pos = string(pos, nullptr);
                if (depth == 0) return pos;
                continue;
            }
            if (depth == 0 && (c == ',' || c == ']' || c == '}' || isJsonSpace(c))) return pos;
            if (c == '[' || c == '{') {
                ++depth;
            } else if (c == ']' || c == '}') {
                if (--depth == 0) return pos + 1;
            }
            ++pos;
        }
        return pos;
    }
    // Returns the position after the value.
    size_t value(size_t pos, std::string& pointer, long keyPos, int depth) {
        auto it = wanted_.find(pointer);
        if (it == wanted_.end() || pos >= text_.size() || depth > kMaxDepth + 1) return skip(pos);
        // Duplicate keys: the last occurrence wins, as in nlohmann.
        it->second = Where{keyPos, long(pos)};
        char open = text_[pos];
        if (open != '{' && open != '[') return skip(pos);
        char close = open == '{' ? '}' : ']';
        pos = skipSpace(pos + 1);
        for (long index = 0; pos < text_.size() && text_[pos] != close; ++index) {
            size_t keep = pointer.size();
            long childKey = -1;
            pointer += '/';
            if (open == '{') {
                std::string key;
                childKey = long(pos);
                pos = skipSpace(string(pos, &key));
                pos = skipSpace(pos + 1);  // ':'
                pointer += escapeToken(key);
            } else {
                pointer += std::to_string(index);
            }
            pos = skipSpace(value(pos, pointer, childKey, depth + 1));
            pointer.resize(keep);
            if (pos < text_.size() && text_[pos] == ',') pos = skipSpace(pos + 1);
        }
        return pos + 1;
    }
};

struct LineCol {
    int line = 0, column = 0;
};

// Line and column (in code points) of each offset, in one pass.
std::vector<LineCol> lineColumns(const std::string& text, const std::vector<long>& offsets) {
    std::vector<size_t> order(offsets.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
    std::vector<LineCol> out(offsets.size());
    size_t pos = 0;
    int line = 1, column = 1;
    for (size_t k : order) {
        size_t target = size_t(std::clamp<long>(offsets[k], 0, long(text.size())));
        for (; pos < target; ++pos) {
            unsigned char c = static_cast<unsigned char>(text[pos]);
            if (c == '\n')
                ++line, column = 1;
            else if ((c & 0xC0) != 0x80)
                ++column;
        }
        out[k] = {line, column};
    }
    return out;
}

}  // namespace

std::vector<Problem> locateProblems(const std::vector<ParsedDoc>& docs, const std::vector<RawProblem>& raw) {
    std::vector<Problem> out(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const RawProblem& r = raw[i];
        out[i].file = r.doc >= 0 && size_t(r.doc) < docs.size() ? docs[size_t(r.doc)].name : "";
        out[i].pointer = r.pointer;
        out[i].message = r.message;
        out[i].warning = r.warning;
    }
    for (size_t d = 0; d < docs.size(); ++d) {
        std::vector<size_t> mine;
        for (size_t i = 0; i < raw.size(); ++i)
            if (raw[i].doc == int(d)) mine.push_back(i);
        if (mine.empty()) continue;
        const std::string& text = docs[d].text;

        // Every wanted pointer and all its prefixes, so the walk knows where to descend.
        std::unordered_map<std::string, Where> wanted;
        if (docs[d].wellFormed) {
            for (size_t i : mine) {
                if (raw[i].offset >= 0) continue;
                const std::string& p = raw[i].pointer;
                wanted.emplace(p, Where{});
                for (size_t slash = p.find('/', 1); slash != std::string::npos;
                     slash = p.find('/', slash + 1))
                    wanted.emplace(p.substr(0, slash), Where{});
                wanted.emplace("", Where{});
            }
            if (!wanted.empty()) Locator(text, wanted).run();
        }

        std::vector<long> offsets;
        std::vector<size_t> located;
        for (size_t i : mine) {
            long offset = raw[i].offset;
            if (offset < 0 && docs[d].wellFormed) {
                // The value, or its key; else the nearest enclosing value that exists (a
                // pointer may name a field that is missing, or come from a merged object).
                std::string p = raw[i].pointer;
                for (;;) {
                    auto it = wanted.find(p);
                    if (it != wanted.end() && it->second.value >= 0) {
                        bool useKey = raw[i].atKey && p == raw[i].pointer && it->second.key >= 0;
                        offset = useKey ? it->second.key : it->second.value;
                        break;
                    }
                    if (p.empty()) break;
                    p.resize(p.rfind('/'));
                }
            }
            if (offset < 0 && raw[i].pointer.empty() && docs[d].wellFormed) offset = 0;
            if (offset >= 0) {
                offsets.push_back(offset);
                located.push_back(i);
            }
        }
        std::vector<LineCol> lc = lineColumns(text, offsets);
        for (size_t k = 0; k < located.size(); ++k) {
            out[located[k]].line = lc[k].line;
            out[located[k]].column = lc[k].column;
        }
    }
    return out;
}

}  // namespace qfq::io::detail
