// io/csv_read.cpp — reading CSV files as spreadsheets write them, and keeping their cells from
// running as formulas. (The import of actors.csv + relations.csv is io/csv.cpp.)
//
// Contents
//   1. Bytes to UTF-8 (BOM, Windows-1252 fallback)
//   2. readCsv
//   3. Formula injection

#include "io/csv.h"
#include "model/utf8.h"

#include <algorithm>

namespace qfq::io {

using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------
// 1. Bytes to UTF-8
// ---------------------------------------------------------------------------

bool validUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4)) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        if (n == 3) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0)) return false;  // overlong, surrogates
        }
        if (n == 4) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d >= 0x90)) return false;
        }
        i += n;
    }
    return true;
}

// Windows-1252 (what "Latin-1" means in practice): 0x80–0x9F hold € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
// ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; the five undefined bytes map to the C1 controls.
std::string fromWindows1252(std::string_view s) {
    static const uint16_t high[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        appendUtf8(out, c >= 0x80 && c < 0xA0 ? high[c - 0x80] : c);
    }
    return out;
}

}  // namespace

std::string columnLetter(int index) {
    std::string out;
    for (int n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), char('A' + (n - 1) % 26));
    return out;
}

std::string trimCell(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r')) --b;
    return std::string(s.substr(a, b - a));
}

// ---------------------------------------------------------------------------
// 2. readCsv
// ---------------------------------------------------------------------------

bool readCsv(std::string_view bytes, const std::string& fileName, CsvTable& out, Problem& problem) {
    out = CsvTable{};
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        out.bom = true;
    }
    std::string converted;
    if (!validUtf8(bytes)) {
        converted = fromWindows1252(bytes);
        bytes = converted;
        out.latin1 = true;
    }
    // The delimiter: the most frequent of ; , TAB in the first row, outside quotes.
    size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (char c : bytes) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        counts[0] += c == ';', counts[1] += c == ',', counts[2] += c == '\t';
    }
    out.delimiter = counts[0] > counts[1] && counts[0] >= counts[2] ? ';'
                    : counts[2] > counts[1]                         ? '\t'
                                                                    : ',';
    const char d = out.delimiter;

    int line = 1, column = 1, record = 1;  // record: the spreadsheet's row number
    std::vector<CsvCell> row;
    CsvCell cell{"", 1, 1, 1, 0};
    bool inQuotes = false, cellQuoted = false;
    int quoteLine = 0, quoteColumn = 0;
    auto endCell = [&] {
        row.push_back(std::move(cell));
        cell = CsvCell{"", line, column, record, int(row.size())};
        cellQuoted = false;
    };
    auto endRow = [&] {
        bool blank =
            std::all_of(row.begin(), row.end(), [](const CsvCell& c) { return trimCell(c.text).empty(); });
        if (!blank) out.rows.push_back(std::move(row));
        row.clear();
        cell.row = ++record;  // blank rows are dropped but keep their number, as in Excel
        cell.index = 0;
    };
    for (size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
                    cell.text += '"';
                    ++i, ++column;
                } else {
                    inQuotes = false;
                }
            } else {
                cell.text += c;
            }
            if (c == '\n')
                line++, column = 1;
            else if (!continuation)
                ++column;
            continue;
        }
        if (c == '"' && trimCell(cell.text).empty() && !cellQuoted) {
            // A quote opens a quoted cell only at its start (spaces before it are dropped).
            cell.text.clear();
            inQuotes = cellQuoted = true;
            quoteLine = line, quoteColumn = column;
            ++column;
            continue;
        }
        if (c == d) {
            ++column;
            endCell();
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
            ++line, column = 1;
            endCell();
            endRow();
            continue;
        }
        cell.text += c;
        if (!continuation) ++column;
    }
    if (inQuotes) {
        problem = Problem{fileName,
                          "",
                          quoteLine,
                          quoteColumn,
                          Text{"guillemet ouvert jamais refermé", "quote opened here is never closed"},
                          false};
        return false;
    }
    if (!cell.text.empty() || !row.empty() || cellQuoted) {
        endCell();
        endRow();
    }
    return true;
}

// ---------------------------------------------------------------------------
// 3. Formula injection
// ---------------------------------------------------------------------------

bool plainNumber(std::string_view s) {
    size_t i = 0, digits = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
    if (i < s.size() && (s[i] == '.' || s[i] == ','))
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
    if (digits && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t exponent = 0;
        if (++i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++exponent;
        if (!exponent) return false;
    }
    return digits > 0 && i == s.size();
}

namespace {

bool needsGuard(std::string_view s) {
    if (s.empty()) return false;
    char c = s[0];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return !plainNumber(s);
    return c == '\'' && needsGuard(s.substr(1));
}

}  // namespace

std::string neutraliseCell(std::string_view text) {
    std::string out;
    if (needsGuard(text)) out += '\'';
    out.append(text.data(), text.size());
    return out;
}

std::string restoreCell(std::string_view cell) {
    if (!cell.empty() && cell[0] == '\'' && needsGuard(cell.substr(1))) return std::string(cell.substr(1));
    return std::string(cell);
}

std::string csvCell(std::string_view text, char delimiter) {
    std::string cell = neutraliseCell(text);
    if (cell.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos &&
        (cell.empty() || (cell.front() != ' ' && cell.back() != ' ')))
        return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace qfq::io
