// io/validate.cpp — every rule of data/README.md that one document can be checked against
// alone: types, required fields, id pattern, colours, dates, URLs, enums, unknown fields.
//
// Contents
//   1. Checker: reporting, object fields, scalar checks
//   2. Texts (and their normalisation to {fr, en})
//   3. Items: categories, territories, actors, relations, glossary, tours
//   4. Overlays: `override` and `remove`
//   5. The document
//
// References between items (an actor's level, a relation's ends...) are checked later, on the
// merged map (overlay.cpp), because they may point into a base map.

#include <algorithm>
#include <cmath>

#include "io/internal.h"

namespace qfq::io::detail {

namespace {

// ---------------------------------------------------------------------------
// 1. Checker
// ---------------------------------------------------------------------------

bool isId(const std::string& s) {
    if (s.empty() || s.size() > 64 || s[0] == '-') return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool isDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int year = std::stoi(s.substr(0, 4)), month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool isColour(const std::string& s) {
    return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

bool startsWith(const std::string& s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool hasSpace(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || (c >= 0 && c < 0x20); });
}

// Schema: ^https?://[^\s]+$, at most 2,000 characters.
bool isUrl(const std::string& s) {
    if (hasSpace(s) || s.size() > 2000) return false;
    for (std::string_view scheme : {"https://", "http://"})
        if (startsWith(s, scheme) && s.size() > scheme.size()) return true;
    return false;
}

// Schema: ^[^\s@]+@[^\s@]+$, at most 320 characters.
bool isEmail(const std::string& s) {
    size_t at = s.find('@');
    return at != std::string::npos && at > 0 && at + 1 < s.size() &&
           s.find('@', at + 1) == std::string::npos && !hasSpace(s) && s.size() <= 320;
}

// formerNames[].until: YYYY, YYYY-MM or YYYY-MM-DD.
bool isPartialDate(const std::string& s) {
    auto digits = [&](size_t from, size_t n) {
        return std::all_of(s.begin() + long(from), s.begin() + long(from + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() == 4) return digits(0, 4);
    if (s.size() == 7) return isDate(s + "-01");
    return isDate(s);
}

// A relation reference may be a default id FROM--KIND--TO: ^[a-z0-9][a-z0-9-]{0,199}$.
bool isRelationRef(const std::string& s) {
    return !s.empty() && s.size() <= 200 && isId(s.substr(0, 64)) &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

class Checker;

// The fields of one JSON object: each `field()` call declares a known key; `finish()` reports
// the others (except `x-*`), with a suggestion for typos.
class Fields {
public:
    // `partial`: no field is required (overrides, variant patches). `allowX`: `x-*` keys are
    // tolerated (everywhere but in texts).
    Fields(Checker& c, json& value, std::string pointer, bool partial, bool allowX = true);
    bool ok() const { return ok_; }
    bool partial() const { return partial_; }
    // The value of `key`, or nullptr if absent (reported if required and not partial).
    json* field(const char* key, bool required = false);
    // Declares a key that must not appear (e.g. `id` in an override).
    void forbid(const char* key, const Text& why);
    const std::string& pointer() const { return pointer_; }
    std::string at(const char* key) const { return pointer_ + "/" + escapeToken(key); }
    void finish();

private:
    Checker& c_;
    json* value_;
    std::string pointer_;
    bool partial_, allowX_, ok_;
    std::vector<std::string> known_;
};

class Checker {
public:
    Checker(ParsedDoc& doc, int index, Problems& problems) : doc_(doc), index_(index), problems_(problems) {}
    void run();

    void error(const std::string& pointer, Text message, bool atKey = false) {
        problems_.error(index_, pointer, std::move(message), atKey);
    }
    void expected(const json& v, const std::string& pointer, const Text& what) {
        Text got = typeName(v);
        error(pointer,
              tr("attendu : " + what.fr + ", trouvé : " + got.fr, "expected " + what.en + ", got " + got.en));
    }

    // Spaces and line breaks at the ends of a value are never content (" DNE" is "DNE"): they
    // are dropped here, so every reader (JSON, CSV, GraphML) and writer agrees on the value.
    static void trimEnds(json& v) {
        std::string& s = v.get_ref<std::string&>();
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        size_t b = s.size();
        while (b > 0 && space(s[b - 1])) --b;
        size_t a = 0;
        while (a < b && space(s[a])) ++a;
        if (a > 0 || b < s.size()) s = s.substr(a, b - a);
    }

    bool string(json& v, const std::string& p, size_t maxChars = kMaxStringChars) {
        if (!v.is_string()) return expected(v, p, tr("une chaîne", "a string")), false;
        trimEnds(v);
        const std::string& s = v.get_ref<const std::string&>();
        if (s.empty()) return error(p, tr("chaîne vide", "empty string")), false;
        // Longer than 10,000 is reported once, by the parser.
        const size_t length = maxChars < kMaxStringChars ? utf8Length(s) : 0;
        if (length > maxChars && length <= kMaxStringChars) {
            error(p, tr("chaîne trop longue (" + std::to_string(length) + " caractères, limite " +
                            std::to_string(maxChars) + ")",
                        "string too long (" + std::to_string(length) + " characters, limit " +
                            std::to_string(maxChars) + ")"));
            return false;
        }
        return true;
    }
    bool id(json& v, const std::string& p) {
        if (!v.is_string()) return expected(v, p, tr("un identifiant (chaîne)", "an id (string)")), false;
        const std::string& s = v.get_ref<const std::string&>();
        if (isId(s)) return true;
        error(p, tr("identifiant « " + s +
                        " » invalide : minuscules sans accents, chiffres et "
                        "tirets, 64 caractères au plus, ne commençant pas par un tiret",
                    "invalid id \"" + s +
                        "\": use lower-case letters a-z, digits and hyphens, "
                        "at most 64 characters, not starting with a hyphen"));
        return false;
    }
    bool date(json& v, const std::string& p) {
        if (!v.is_string()) return expected(v, p, tr("une date (chaîne)", "a date (string)")), false;
        const std::string& s = v.get_ref<const std::string&>();
        if (isDate(s)) return true;
        error(p, tr("date « " + s + " » invalide : attendu AAAA-MM-JJ (ex. 2026-11-29)",
                    "invalid date \"" + s + "\": expected YYYY-MM-DD (e.g. 2026-11-29)"));
        return false;
    }
    bool url(json& v, const std::string& p) {
        if (!v.is_string()) return expected(v, p, tr("une URL (chaîne)", "a URL (string)")), false;
        const std::string& s = v.get_ref<const std::string&>();
        if (isUrl(s)) return true;
        error(p, tr("URL « " + s + " » invalide : attendu https://… ou http://… sans espace",
                    "invalid URL \"" + s + "\": expected https://… or http://… without spaces"));
        return false;
    }
    bool email(json& v, const std::string& p) {
        if (!v.is_string()) return expected(v, p, tr("une adresse (chaîne)", "an address (string)")), false;
        const std::string& s = v.get_ref<const std::string&>();
        if (isEmail(s)) return true;
        error(p, tr("adresse électronique « " + s + " » invalide", "invalid email address \"" + s + "\""));
        return false;
    }
    bool colour(json& v, const std::string& p) {
        if (!v.is_string()) return expected(v, p, tr("une couleur (chaîne)", "a colour (string)")), false;
        const std::string& s = v.get_ref<const std::string&>();
        if (isColour(s)) return true;
        error(p, tr("couleur « " + s + " » invalide : attendu #rrvvbb (ex. #1f4e79)",
                    "invalid colour \"" + s + "\": expected #rrggbb (e.g. #1f4e79)"));
        return false;
    }
    bool boolean(json& v, const std::string& p) {
        if (!v.is_boolean())
            return expected(v, p, tr("un booléen (true ou false)", "a boolean (true or false)")), false;
        return true;
    }
    bool oneOf(json& v, const std::string& p, std::initializer_list<const char*> values) {
        std::vector<std::string> list(values.begin(), values.end());
        std::string shown;
        for (const std::string& s : list) shown += (shown.empty() ? "\"" : ", \"") + s + "\"";
        if (!v.is_string()) return expected(v, p, tr("une chaîne parmi " + shown, "one of " + shown)), false;
        const std::string& s = v.get_ref<const std::string&>();
        if (std::find(list.begin(), list.end(), s) != list.end()) return true;
        error(p, tr("valeur « " + s + " » invalide (valeurs permises : " + shown + ")",
                    "invalid value \"" + s + "\" (allowed: " + shown + ")"));
        return false;
    }
    bool number(json& v, const std::string& p, double min, double max) {
        if (!v.is_number()) return expected(v, p, tr("un nombre", "a number")), false;
        double d = v.get<double>();
        if (std::isfinite(d) && d >= min && d <= max) return true;
        error(p, tr("nombre hors limites (attendu entre " + fmt(min) + " et " + fmt(max) + ")",
                    "number out of range (expected between " + fmt(min) + " and " + fmt(max) + ")"));
        return false;
    }
    static std::string fmt(double d) {
        std::string s = std::to_string(d);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }

    // Array of items checked by `each(item, pointer)`; `minItems` reported if not met.
    // Over `maxItems` (data/README.md section 9) the items are not checked one by one: the
    // file is refused anyway, and checking a million items would only cost time.
    template <class F>
    bool array(json& v, const std::string& p, size_t minItems, F each, size_t maxItems = kMaxArrayItems) {
        if (!v.is_array()) return expected(v, p, tr("un tableau", "an array")), false;
        if (v.size() < minItems)
            error(p, tr("il faut au moins " + std::to_string(minItems) + " élément(s)",
                        "needs at least " + std::to_string(minItems) + " item(s)"));
        if (v.size() > maxItems) {
            error(p, tr("trop d'éléments (" + std::to_string(v.size()) + ", limite " +
                            std::to_string(maxItems) + ")",
                        "too many items (" + std::to_string(v.size()) + ", limit " +
                            std::to_string(maxItems) + ")"));
            return false;
        }
        for (size_t i = 0; i < v.size(); ++i) each(v[i], p + "/" + std::to_string(i));
        return true;
    }

    // ---------------------------------------------------------------------------
    // 2. Texts
    // ---------------------------------------------------------------------------

    // A plain string (in the document's language) or {fr?, en?}; normalised to an object so
    // that overrides merge key by key whatever the language of each file.
    bool text(json& v, const std::string& p, size_t maxChars = kMaxStringChars) {
        if (v.is_string()) {
            trimEnds(v);
            if (v.get_ref<const std::string&>().empty())
                return error(p, tr("texte vide", "empty text")), false;
            if (!string(v, p, maxChars)) return false;
            json o = json::object();
            o[lang_] = std::move(v);
            v = std::move(o);
            return true;
        }
        if (!v.is_object())
            return expected(
                       v, p,
                       tr("un texte (chaîne ou {\"fr\", \"en\"})", "a text (string or {\"fr\", \"en\"})")),
                   false;
        Fields f(*this, v, p, true, false);
        bool any = false, good = true;
        for (const char* l : {"fr", "en"})
            if (json* s = f.field(l)) {
                if (!s->is_string())
                    good = false, expected(*s, f.at(l), tr("une chaîne", "a string"));
                else if (trimEnds(*s), !s->get_ref<const std::string&>().empty())
                    any = true, good = string(*s, f.at(l), maxChars) && good;
            }
        f.finish();
        if (good && !any)
            error(p, tr("texte vide : donner \"fr\" et/ou \"en\"", "empty text: give \"fr\" and/or \"en\""));
        return good && any;
    }

    // ---------------------------------------------------------------------------
    // 3. Items
    // ---------------------------------------------------------------------------

    void sources(json& v, const std::string& p, size_t minItems) {
        array(v, p, minItems, [&](json& s, const std::string& sp) {
            Fields f(*this, s, sp, false);
            if (!f.ok()) return;
            if (json* x = f.field("url", true)) url(*x, f.at("url"));
            if (json* x = f.field("verified", true)) date(*x, f.at("verified"));
            if (json* x = f.field("title")) string(*x, f.at("title"));
            f.finish();
        });
    }

    void category(json& v, const std::string& p, bool relationKind) {
        Fields f(*this, v, p, false);
        if (!f.ok()) return;
        if (json* x = f.field("id", true)) id(*x, f.at("id"));
        if (json* x = f.field("label", true)) text(*x, f.at("label"), kNameChars);
        if (json* x = f.field("colour", true)) colour(*x, f.at("colour"));
        if (relationKind) {
            if (json* x = f.field("dash")) oneOf(*x, f.at("dash"), {"solid", "dashed", "dotted"});
            if (json* x = f.field("verb")) text(*x, f.at("verb"));
        }
        f.finish();
    }

    void variant(json& v, const std::string& p) {
        Fields f(*this, v, p, false);
        if (!f.ok()) return;
        if (json* x = f.field("id", true)) id(*x, f.at("id"));
        if (json* x = f.field("label", true)) text(*x, f.at("label"), kNameChars);
        if (json* x = f.field("group")) text(*x, f.at("group"), kNameChars);
        f.finish();
    }

    // Top-level `audit`: the thresholds of `qfq audit` (data/README.md section 13).
    void auditThresholds(json& v, const std::string& p) {
        Fields f(*this, v, p, false);
        if (!f.ok()) return;
        if (json* x = f.field("maxHomepageShare")) number(*x, f.at("maxHomepageShare"), 0, 1);
        for (const char* key : {"maxUnsourced", "maxUnrelatedClaimsPerUrl", "maxAgeDays", "maxStaleSources",
                                "maxFutureDates", "maxMalformedUrls"})
            if (json* x = f.field(key)) {
                if (x->is_number() && !x->is_number_integer() && !x->is_number_unsigned())
                    error(f.at(key), tr("nombre entier attendu", "a whole number was expected"));
                else
                    number(*x, f.at(key), 0, 1e9);
            }
        f.finish();
    }

    // An `override` entry names its item by key: its own `id` cannot change.
    void forbidIdChange(Fields& f) {
        f.forbid("id", tr("l'identifiant ne peut pas être modifié par « override »",
                          "the id cannot be changed by \"override\""));
    }

    // A required id on a declaration; none allowed in an override (`partial`).
    void ownId(Fields& f, bool partial) {
        if (partial)
            forbidIdChange(f);
        else if (json* x = f.field("id", true))
            id(*x, f.at("id"));
    }

    // `partial`: a territory in `override.territories` (an overlay naming offices for the
    // base's territories); its id cannot change.
    void territory(json& v, const std::string& p, bool partial) {
        Fields f(*this, v, p, partial);
        if (!f.ok()) return;
        ownId(f, partial);
        if (json* x = f.field("name", true)) text(*x, f.at("name"), kNameChars);
        if (json* x = f.field("level", true)) id(*x, f.at("level"));
        if (json* x = f.field("parent")) id(*x, f.at("parent"));
        if (json* x = f.field("offices")) offices(*x, f.at("offices"));
        f.finish();
    }

    // {ACTOR-ID: {name, description?, url?, sources, confidence?}}: the office holding a role
    // in this territory (data/README.md section 3). A fact needs a page that states it, or
    // `confidence: "unsure"`: an office without sources must say it is unsure.
    void offices(json& v, const std::string& p) {
        if (!v.is_object()) return expected(v, p, tr("un objet", "an object"));
        for (auto it = v.begin(); it != v.end(); ++it) {
            std::string op = p + "/" + escapeToken(it.key());
            if (!isId(it.key()))
                error(op,
                      tr("identifiant d'acteur « " + it.key() + " » invalide",
                         "invalid actor id \"" + it.key() + "\""),
                      true);
            Fields g(*this, it.value(), op, false);
            if (!g.ok()) continue;
            if (json* x = g.field("name", true)) text(*x, g.at("name"), kNameChars);
            if (json* x = g.field("description")) text(*x, g.at("description"));
            if (json* x = g.field("url")) url(*x, g.at("url"));
            json* src = g.field("sources");
            if (src) sources(*src, g.at("sources"), 0);
            json* conf = g.field("confidence");
            if (conf) oneOf(*conf, g.at("confidence"), {"sure", "unsure"});
            const bool sourced = src && src->is_array() && !src->empty();
            const bool unsure = conf && conf->is_string() && *conf == "unsure";
            if (!sourced && !unsure)
                error(op, tr("bureau sans source : donner « sources » (une page qui l'affirme) ou "
                             "« confidence » : « unsure »",
                             "office without a source: give \"sources\" (a page that states it) or "
                             "\"confidence\": \"unsure\""));
            g.finish();
        }
    }

    // The fields an actor shares with its per-variant patches (README section 4).
    void actorWording(Fields& f, size_t minSources) {
        if (json* x = f.field("acronym")) string(*x, f.at("acronym"), 100);
        if (json* x = f.field("name", true)) text(*x, f.at("name"), kNameChars);
        if (json* x = f.field("aliases"))
            array(*x, f.at("aliases"), 0, [&](json& s, const std::string& sp) { string(s, sp, kNameChars); });
        if (json* x = f.field("formerNames"))
            array(*x, f.at("formerNames"), 0, [&](json& n, const std::string& np) {
                Fields g(*this, n, np, false);
                if (!g.ok()) return;
                if (json* y = g.field("name", true)) string(*y, g.at("name"), kNameChars);
                if (json* y = g.field("expansion")) text(*y, g.at("expansion"));
                if (json* y = g.field("until")) {
                    if (!y->is_string() || !isPartialDate(y->get<std::string>()))
                        error(g.at("until"), tr("attendu AAAA, AAAA-MM ou AAAA-MM-JJ",
                                                "expected YYYY, YYYY-MM or YYYY-MM-DD"));
                }
                g.finish();
            });
        if (json* x = f.field("description")) text(*x, f.at("description"));
        if (json* x = f.field("missions"))
            array(*x, f.at("missions"), 0, [&](json& s, const std::string& sp) { text(s, sp); });
        if (json* x = f.field("topics"))
            array(*x, f.at("topics"), 0, [&](json& s, const std::string& sp) { id(s, sp); });
        if (json* x = f.field("url")) url(*x, f.at("url"));
        if (json* x = f.field("sources", true)) sources(*x, f.at("sources"), minSources);
        if (json* x = f.field("confidence")) oneOf(*x, f.at("confidence"), {"sure", "unsure"});
    }

    void actor(json& v, const std::string& p, bool partial) {
        Fields f(*this, v, p, partial);
        if (!f.ok()) return;
        ownId(f, partial);
        actorWording(f, 1);
        if (json* x = f.field("level", true)) id(*x, f.at("level"));
        if (json* x = f.field("kind", true)) id(*x, f.at("kind"));
        if (json* x = f.field("territory")) id(*x, f.at("territory"));
        if (json* x = f.field("position")) {
            // In an override, {"x": …} alone moves along one axis (objects merge key by key);
            // a position left without both is reported once merged (overlay.cpp).
            Fields g(*this, *x, f.at("position"), f.partial());
            if (g.ok()) {
                // Layout units; the bound keeps float conversion and layout arithmetic finite.
                for (const char* axis : {"x", "y"})
                    if (json* y = g.field(axis, true)) number(*y, g.at(axis), -1e6, 1e6);
                g.finish();
            }
        }
        if (json* x = f.field("variants")) {
            if (!x->is_object()) {
                expected(*x, f.at("variants"), tr("un objet", "an object"));
            } else {
                for (auto it = x->begin(); it != x->end(); ++it) {
                    std::string vp = f.at("variants") + "/" + escapeToken(it.key());
                    if (!isId(it.key()))
                        error(vp,
                              tr("identifiant de variante « " + it.key() + " » invalide",
                                 "invalid variant id \"" + it.key() + "\""),
                              true);
                    Fields g(*this, it.value(), vp, true);
                    if (!g.ok()) continue;
                    actorWording(g, 0);
                    g.finish();
                }
            }
        }
        f.finish();
    }

    void topic(json& v, const std::string& p) {
        Fields f(*this, v, p, false);
        if (!f.ok()) return;
        if (json* x = f.field("id", true)) id(*x, f.at("id"));
        if (json* x = f.field("label", true)) text(*x, f.at("label"), kNameChars);
        if (json* x = f.field("description")) text(*x, f.at("description"));
        f.finish();
    }

    void relation(json& v, const std::string& p, bool partial) {
        Fields f(*this, v, p, partial);
        if (!f.ok()) return;
        bool good = true;
        if (partial)
            forbidIdChange(f);
        else if (json* x = f.field("id"))
            good = id(*x, f.at("id")) && good;
        json* from = f.field("from", true);
        json* to = f.field("to", true);
        json* kind = f.field("kind", true);
        good = (from && id(*from, f.at("from"))) && good;
        good = (to && id(*to, f.at("to"))) && good;
        good = (kind && id(*kind, f.at("kind"))) && good;
        if (json* x = f.field("directed")) boolean(*x, f.at("directed"));
        if (json* x = f.field("description")) text(*x, f.at("description"));
        if (json* x = f.field("sources")) sources(*x, f.at("sources"), 0);
        if (json* x = f.field("confidence")) oneOf(*x, f.at("confidence"), {"sure", "unsure"});
        f.finish();
        // README section 5: the id defaults to FROM--KIND--TO.
        if (!partial && good && !v.contains("id"))
            v["id"] =
                from->get<std::string>() + "--" + kind->get<std::string>() + "--" + to->get<std::string>();
    }

    void glossaryEntry(json& v, const std::string& p, bool partial) {
        Fields f(*this, v, p, partial);
        if (!f.ok()) return;
        if (partial)
            f.forbid("term", tr("le terme ne peut pas être modifié par « override »",
                                "the term cannot be changed by \"override\""));
        else if (json* x = f.field("term", true))
            string(*x, f.at("term"), 200);
        if (json* x = f.field("expansion", true)) text(*x, f.at("expansion"), kNameChars);
        if (json* x = f.field("definition", true)) text(*x, f.at("definition"));
        if (json* x = f.field("sources")) sources(*x, f.at("sources"), 0);
        if (json* x = f.field("see"))
            array(*x, f.at("see"), 0, [&](json& s, const std::string& sp) { id(s, sp); });
        if (json* x = f.field("confidence")) oneOf(*x, f.at("confidence"), {"sure", "unsure"});
        f.finish();
    }

    void tour(json& v, const std::string& p) {
        Fields f(*this, v, p, false);
        if (!f.ok()) return;
        if (json* x = f.field("id", true)) id(*x, f.at("id"));
        if (json* x = f.field("title", true)) text(*x, f.at("title"), kNameChars);
        if (json* x = f.field("steps", true))
            array(
                *x, f.at("steps"), 1,
                [&](json& s, const std::string& sp) {
                    Fields g(*this, s, sp, false);
                    if (!g.ok()) return;
                    if (json* y = g.field("title", true)) text(*y, g.at("title"), kNameChars);
                    if (json* y = g.field("text", true)) text(*y, g.at("text"));
                    if (json* y = g.field("focus", true))
                        array(*y, g.at("focus"), 0, [&](json& a, const std::string& ap) { id(a, ap); });
                    if (json* y = g.field("path")) {
                        array(*y, g.at("path"), 2, [&](json& a, const std::string& ap) { id(a, ap); });
                        if (y->is_array() && y->size() > 2)
                            error(g.at("path"), tr("un chemin relie exactement deux acteurs",
                                                   "a path joins exactly two actors"));
                    }
                    if (json* y = g.field("zoom")) number(*y, g.at("zoom"), 1e-6, 1e6);
                    g.finish();
                },
                Limits::kTours);
        f.finish();
    }

    // ---------------------------------------------------------------------------
    // 4. Overlays
    // ---------------------------------------------------------------------------

    void overrides(json& v, const std::string& p) {
        Fields f(*this, v, p, true);
        if (!f.ok()) return;
        auto each = [&](const char* key, auto check) {
            json* x = f.field(key);
            if (!x) return;
            if (!x->is_object()) return expected(*x, f.at(key), tr("un objet", "an object"));
            for (auto it = x->begin(); it != x->end(); ++it)
                check(it.value(), f.at(key) + "/" + escapeToken(it.key()));
        };
        each("actors", [&](json& a, const std::string& ap) { actor(a, ap, true); });
        each("relations", [&](json& r, const std::string& rp) { relation(r, rp, true); });
        each("glossary", [&](json& g, const std::string& gp) { glossaryEntry(g, gp, true); });
        each("territories", [&](json& t, const std::string& tp) { territory(t, tp, true); });
        f.finish();
    }

    void removals(json& v, const std::string& p) {
        Fields f(*this, v, p, true);
        if (!f.ok()) return;
        if (json* x = f.field("actors"))
            array(*x, f.at("actors"), 0, [&](json& s, const std::string& sp) { id(s, sp); });
        if (json* x = f.field("relations"))
            array(*x, f.at("relations"), 0, [&](json& s, const std::string& sp) {
                if (!s.is_string())
                    expected(s, sp, tr("un identifiant de relation", "a relation id"));
                else if (!isRelationRef(s.get<std::string>()))
                    error(sp, tr("identifiant de relation « " + s.get<std::string>() + " » invalide",
                                 "invalid relation id \"" + s.get<std::string>() + "\""));
            });
        if (json* x = f.field("glossary"))
            array(*x, f.at("glossary"), 0, [&](json& s, const std::string& sp) { string(s, sp, 200); });
        f.finish();
    }

private:
    ParsedDoc& doc_;
    int index_;
    Problems& problems_;
    std::string lang_ = "fr";
};

Fields::Fields(Checker& c, json& value, std::string pointer, bool partial, bool allowX)
    : c_(c),
      value_(&value),
      pointer_(std::move(pointer)),
      partial_(partial),
      allowX_(allowX),
      ok_(value.is_object()) {
    if (!ok_) c_.expected(value, pointer_, tr("un objet", "an object"));
}

json* Fields::field(const char* key, bool required) {
    known_.emplace_back(key);
    if (!ok_) return nullptr;
    auto it = value_->find(key);
    if (it != value_->end()) return &*it;
    if (required && !partial_)
        c_.error(pointer_, tr(std::string("champ obligatoire « ") + key + " » manquant",
                              std::string("missing required field \"") + key + "\""));
    return nullptr;
}

void Fields::forbid(const char* key, const Text& why) {
    known_.emplace_back(key);
    if (ok_ && value_->contains(key)) c_.error(at(key), why, true);
}

void Fields::finish() {
    if (!ok_) return;
    for (auto it = value_->begin(); it != value_->end(); ++it) {
        const std::string& key = it.key();
        if ((allowX_ && startsWith(key, "x-")) ||
            std::find(known_.begin(), known_.end(), key) != known_.end())
            continue;
        std::string guess = closest(key, known_);
        std::string tailFr = allowX_ ? " ; les champs propres commencent par « x- »" : "";
        std::string tailEn = allowX_ ? "; custom fields start with \"x-\"" : "";
        c_.error(pointer_ + "/" + escapeToken(key),
                 tr("champ inconnu « " + key + " »" +
                        (guess.empty() ? std::string() : " (vouliez-vous dire « " + guess + " » ?)") + tailFr,
                    "unknown field \"" + key + "\"" +
                        (guess.empty() ? std::string() : " (did you mean \"" + guess + "\"?)") + tailEn),
                 true);
    }
}

// ---------------------------------------------------------------------------
// 5. The document
// ---------------------------------------------------------------------------

void Checker::run() {
    json& root = doc_.root;
    if (!root.is_object()) {
        expected(root, "", tr("un objet JSON (une carte qfq-map/1)", "a JSON object (a qfq-map/1 map)"));
        return;
    }
    // The language first: it says how to read every plain-string text below.
    if (auto it = root.find("language"); it != root.end() && it->is_string() && (*it == "fr" || *it == "en"))
        lang_ = it->get<std::string>();

    Fields f(*this, root, "", false);
    if (json* x = f.field("schema", true)) {
        if (x->is_string() && *x != "qfq-map/1")
            error("/schema", tr("schéma « " + x->get<std::string>() +
                                    " » non pris en charge (cette version lit « qfq-map/1 »)",
                                "unsupported schema \"" + x->get<std::string>() +
                                    "\" (this version reads \"qfq-map/1\")"));
        else if (!x->is_string())
            expected(*x, "/schema", tr("\"qfq-map/1\"", "\"qfq-map/1\""));
    }
    if (json* x = f.field("id", true)) id(*x, "/id");
    if (json* x = f.field("title", true)) text(*x, "/title");
    if (json* x = f.field("language", true)) oneOf(*x, "/language", {"fr", "en"});
    if (json* x = f.field("licence", true)) string(*x, "/licence");
    if (json* x = f.field("maintainers", true))
        array(*x, "/maintainers", 1, [&](json& m, const std::string& mp) {
            Fields g(*this, m, mp, false);
            if (!g.ok()) return;
            if (json* y = g.field("name", true)) string(*y, g.at("name"));
            if (json* y = g.field("url")) url(*y, g.at("url"));
            if (json* y = g.field("email")) email(*y, g.at("email"));
            g.finish();
        });
    if (json* x = f.field("updated", true)) date(*x, "/updated");
    if (json* x = f.field("description")) text(*x, "/description");
    if (json* x = f.field("audit")) auditThresholds(*x, "/audit");
    json* ext = f.field("extends");
    if (ext && string(*ext, "/extends", 2000)) {
        // A catalogue id, a relative URL of a .json file, or an http(s) one. An absolute file
        // path (/home/…, C:\\…, file://) works nowhere but on the author's machine: the site
        // refuses it, so the checker does too, and says what works instead.
        const std::string& e = ext->get_ref<const std::string&>();
        bool file = e.size() > 5 && e.compare(e.size() - 5, 5, ".json") == 0 && !hasSpace(e);
        bool web = e.rfind("http://", 0) == 0 || e.rfind("https://", 0) == 0;
        bool absolute =
            !web && !e.empty() && (e[0] == '/' || e[0] == '\\' || e.find(':') != std::string::npos);
        if (absolute)
            error("/extends",
                  tr("« extends » ne peut pas être un chemin absolu (« " + e +
                         " ») : le site ne lit que l'identifiant d'une carte du catalogue (« national »), "
                         "un chemin relatif au fichier (« ../national.json ») ou une URL http(s)",
                     "\"extends\" cannot be an absolute path (\"" + e +
                         "\"): the site only reads a catalogue map id (\"national\"), a path relative to "
                         "the file (\"../national.json\") or an http(s) URL"));
        else if (!isId(e) && !file)
            error("/extends", tr("« extends » attend l'identifiant d'une carte du catalogue ou "
                                 "l'URL d'un fichier .json, pas « " +
                                     e + " »",
                                 "\"extends\" expects a catalogue map id or the URL of a .json "
                                 "file, not \"" +
                                     e + "\""));
    }
    bool base = !ext;

    // Levels and kinds are inherited by overlays, so only base maps must declare them.
    for (const char* key : {"levels", "actorKinds", "relationKinds"}) {
        bool relationKind = std::string_view(key) == "relationKinds";
        if (json* x = f.field(key, base))
            array(
                *x, f.at(key), 0, [&](json& c, const std::string& cp) { category(c, cp, relationKind); },
                Limits::kCategories);
    }
    if (json* x = f.field("topics"))
        array(
            *x, "/topics", 0, [&](json& t, const std::string& tp) { topic(t, tp); }, Limits::kCategories);
    if (json* x = f.field("variants"))
        array(
            *x, "/variants", 0, [&](json& v, const std::string& vp) { variant(v, vp); }, Limits::kCategories);
    if (json* x = f.field("territories"))
        array(
            *x, "/territories", 0, [&](json& t, const std::string& tp) { territory(t, tp, false); },
            Limits::kTerritories);
    if (json* x = f.field("actors", true))
        array(
            *x, "/actors", 0, [&](json& a, const std::string& ap) { actor(a, ap, false); }, Limits::kActors);
    if (json* x = f.field("relations"))
        array(
            *x, "/relations", 0, [&](json& r, const std::string& rp) { relation(r, rp, false); },
            Limits::kRelations);
    if (json* x = f.field("glossary"))
        array(
            *x, "/glossary", 0, [&](json& g, const std::string& gp) { glossaryEntry(g, gp, false); },
            Limits::kGlossary);
    if (json* x = f.field("tours"))
        array(
            *x, "/tours", 0, [&](json& t, const std::string& tp) { tour(t, tp); }, Limits::kTours);
    for (const char* key : {"override", "remove"}) {
        json* x = f.field(key);
        if (!x) continue;
        if (base)
            error(f.at(key),
                  tr(std::string("« ") + key +
                         " » n'a de sens que dans une carte qui "
                         "étend une autre (« extends »)",
                     std::string("\"") + key +
                         "\" only makes sense in a map that "
                         "extends another (\"extends\")"),
                  true);
        else if (key[0] == 'o')
            overrides(*x, "/override");
        else
            removals(*x, "/remove");
    }
    f.finish();
}

}  // namespace

void checkDocument(ParsedDoc& doc, int index, Problems& problems) {
    Checker(doc, index, problems).run();
}

}  // namespace qfq::io::detail
