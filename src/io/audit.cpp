// io/audit.cpp — the provenance audit behind `qfq audit` (see audit.h, data/README.md §13).
//
// Contents
//   1. URL forms and dates
//   2. Claims: what the audit looks at (leaving out what an overlay inherits unchanged)
//   3. Per-claim checks (sources, dates, homepages, actors' URLs)
//   4. One URL for unrelated claims
//   5. Thresholds
//
// Why "unrelated groups" rather than a plain count for URL reuse: a page about the GAR may
// rightly source the GAR, the ENT→GAR relation and the GAR→publishers relation (all about
// one actor); the same page cited for the IA-DASEN, the DSDEN and e-parenting is the
// copy-paste the audit must catch. Claims are related when they name a common actor.

#include "io/audit.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "io/load.h"

namespace qfq::io {

namespace {

Text tr(std::string fr, std::string en) {
    return Text{std::move(fr), std::move(en)};
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Splits "scheme://authority/path?query#fragment"; false if there is no "http(s)://".
bool splitUrl(std::string_view url, std::string_view& host, std::string_view& path, std::string_view& query) {
    size_t start;
    if (url.substr(0, 8) == "https://")
        start = 8;
    else if (url.substr(0, 7) == "http://")
        start = 7;
    else
        return false;
    std::string_view rest = url.substr(start);
    if (size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
    size_t end = rest.find_first_of("/?");
    host = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    size_t q = rest.find('?');
    path = rest.substr(0, q);
    query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. URL forms and dates
// ---------------------------------------------------------------------------

bool isHomepageUrl(std::string_view url) {
    std::string_view host, path, query;
    if (!splitUrl(url, host, path, query)) return false;
    // A query other than a language choice names a page ("?p=40898", "?page=article&id=5").
    std::string q = lower(query);
    if (!q.empty() && q.rfind("lang=", 0) != 0 && q.rfind("hl=", 0) != 0) return false;
    static const char* const kLanguages[] = {"fr", "en", "de", "nl", "fr-fr", "fr-be", "en-gb", "en-us"};
    std::vector<std::string> segments;
    std::string p = lower(path);
    for (size_t i = 0; i < p.size();) {
        size_t j = p.find('/', i);
        if (j == std::string::npos) j = p.size();
        if (j > i) segments.push_back(p.substr(i, j - i));
        i = j + 1;
    }
    auto isLanguage = [&](const std::string& s) {
        return std::any_of(std::begin(kLanguages), std::end(kLanguages),
                           [&](const char* l) { return s == l; });
    };
    while (!segments.empty() && isLanguage(segments.front())) segments.erase(segments.begin());
    if (segments.empty()) return true;
    if (segments.size() > 1) return false;
    const std::string& s = segments[0];
    std::string stem = s.substr(0, s.find('.'));
    return stem == "index" || stem == "default" || stem == "accueil" || stem == "home" || stem == "welcome";
}

bool isWellFormedUrl(std::string_view url) {
    std::string_view host, path, query;
    if (!splitUrl(url, host, path, query) || host.empty()) return false;
    if (host.find('@') != std::string_view::npos) return false;  // credentials in a public map: no
    if (size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        std::string_view port = host.substr(colon + 1);
        host = host.substr(0, colon);
        if (port.empty() || port.size() > 5) return false;
        long n = 0;
        for (char c : port) {
            if (c < '0' || c > '9') return false;
            n = n * 10 + (c - '0');
        }
        if (n < 1 || n > 65535) return false;
    }
    if (host.empty()) return false;
    if (host.back() == '.') host.remove_suffix(1);  // "example.fr." is the same host
    std::vector<std::string_view> labels;
    for (size_t i = 0;;) {
        size_t j = host.find('.', i);
        labels.push_back(host.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
        if (j == std::string_view::npos) break;
        i = j + 1;
    }
    if (labels.size() < 2) return false;  // "localhost", "intranet": not reachable by readers
    bool ipv4 = labels.size() == 4 && std::all_of(labels.begin(), labels.end(), [](std::string_view l) {
                    return !l.empty() && l.size() <= 3 &&
                           std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                           std::stoi(std::string(l)) <= 255;
                });
    if (!ipv4) {
        for (std::string_view l : labels) {
            if (l.empty() || l.size() > 63 || l.front() == '-' || l.back() == '-') return false;
            for (char c : l) {
                unsigned char u = static_cast<unsigned char>(c);
                if (!(std::isalnum(u) || c == '-' || u >= 0x80)) return false;
            }
        }
        std::string_view tld = labels.back();
        bool letters = std::all_of(tld.begin(), tld.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
        });
        if (!(tld.size() >= 2 && (letters || lower(tld).rfind("xn--", 0) == 0))) return false;
    }
    // The rest (path, query, fragment): printable, no spaces, well-formed %-escapes.
    size_t authority = url.find("//") + 2, end = url.find_first_of("/?#", authority);
    std::string_view tail = end == std::string_view::npos ? std::string_view() : url.substr(end);
    for (size_t i = 0; i < tail.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(tail[i]);
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == '^' || c == '`' ||
            c == '{' || c == '}' || c == '|')
            return false;
        if (c == '%' && !(i + 2 < tail.size() && std::isxdigit(static_cast<unsigned char>(tail[i + 1])) &&
                          std::isxdigit(static_cast<unsigned char>(tail[i + 2]))))
            return false;
    }
    return true;
}

bool dayNumber(std::string_view date, long& out) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    auto num = [&](size_t at, size_t n) {
        long v = 0;
        for (size_t i = at; i < at + n; ++i) v = v * 10 + (date[i] - '0');
        return v;
    };
    long y = num(0, 4), m = num(5, 2), d = num(8, 2);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap)) return false;
    // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    out = era * 146097 + doe - 719468;
    return true;
}

namespace {

// ---------------------------------------------------------------------------
// 2. Claims
// ---------------------------------------------------------------------------

struct Claim {
    ClaimKind kind;
    std::string id;
    const std::vector<Source>* sources;
    bool unsure;
    std::vector<uint32_t> actors;  // actors the claim is about (for URL reuse)
};

const char* kindWord(ClaimKind k, Lang lang) {
    switch (k) {
        case ClaimKind::Actor:
            return lang == Lang::Fr ? "acteur" : "actor";
        case ClaimKind::Relation:
            return "relation";
        case ClaimKind::Glossary:
            return lang == Lang::Fr ? "glossaire" : "glossary";
    }
    return "";
}

// Items of the resolved map, keyed by id (or term), as the writer prints them: equal JSON
// means the overlay inherited the item unchanged.
std::unordered_map<std::string, nlohmann::json> itemsByKey(const nlohmann::json& doc, const char* list,
                                                           const char* key) {
    std::unordered_map<std::string, nlohmann::json> out;
    auto it = doc.find(list);
    if (it == doc.end()) return out;
    for (const nlohmann::json& item : *it)
        if (item.contains(key)) out.emplace(item[key].get<std::string>(), item);
    return out;
}

std::vector<Claim> claimsOf(const Map& map, const Map* base, size_t& inherited) {
    std::vector<Claim> claims;
    nlohmann::json mine, theirs;
    std::unordered_map<std::string, nlohmann::json> baseActors, baseRelations, baseGlossary;
    if (base) {
        mine = toJson(map);
        theirs = toJson(*base);
        baseActors = itemsByKey(theirs, "actors", "id");
        baseRelations = itemsByKey(theirs, "relations", "id");
        baseGlossary = itemsByKey(theirs, "glossary", "term");
    }
    // Actor positions and variants are presentation, not claims: an overlay that only pins
    // or localises an inherited actor has not made a new claim about it.
    auto same = [&](const std::unordered_map<std::string, nlohmann::json>& inBase, const char* list, size_t i,
                    const char* key) {
        if (!base) return false;
        const nlohmann::json& item = mine[list][i];
        auto it = inBase.find(item[key].get<std::string>());
        if (it == inBase.end()) return false;
        nlohmann::json a = item, b = it->second;
        for (const char* presentation : {"position", "variants"}) {
            a.erase(presentation);
            b.erase(presentation);
        }
        return a == b;
    };
    for (size_t i = 0; i < map.actors.size(); ++i) {
        const Actor& a = map.actors[i];
        if (same(baseActors, "actors", i, "id")) {
            ++inherited;
            continue;
        }
        claims.push_back(
            {ClaimKind::Actor, a.id, &a.sources, a.confidence == Confidence::Unsure, {uint32_t(i)}});
    }
    for (size_t i = 0; i < map.relations.size(); ++i) {
        const Relation& r = map.relations[i];
        if (same(baseRelations, "relations", i, "id")) {
            ++inherited;
            continue;
        }
        claims.push_back(
            {ClaimKind::Relation, r.id, &r.sources, r.confidence == Confidence::Unsure, {r.from, r.to}});
    }
    for (size_t i = 0; i < map.glossary.size(); ++i) {
        const GlossaryEntry& g = map.glossary[i];
        if (same(baseGlossary, "glossary", i, "term")) {
            ++inherited;
            continue;
        }
        claims.push_back(
            {ClaimKind::Glossary, g.term, &g.sources, g.confidence == Confidence::Unsure, g.see});
    }
    return claims;
}

// ---------------------------------------------------------------------------
// 3. Per-claim checks
// ---------------------------------------------------------------------------

struct Auditor {
    const Map& map;
    AuditReport& report;
    long today = 0;
    bool haveToday = false;
    long maxAgeDays = AuditDefaults::kMaxAgeDays;

    void add(const char* check, const Claim& c, const std::string& url, Text message) {
        report.findings.push_back({check, c.kind, c.id, url, std::move(message)});
    }
    static std::string name(const Claim& c, Lang lang) {
        return std::string(kindWord(c.kind, lang)) + " « " + c.id + " »";
    }

    void claim(const Claim& c) {
        switch (c.kind) {
            case ClaimKind::Actor:
                ++report.actors, report.unsureActors += c.unsure;
                break;
            case ClaimKind::Relation:
                ++report.relations, report.unsureRelations += c.unsure;
                break;
            case ClaimKind::Glossary:
                ++report.glossary, report.unsureGlossary += c.unsure;
                break;
        }
        const std::vector<Source>& sources = *c.sources;
        std::string fr = name(c, Lang::Fr),
                    en = std::string(kindWord(c.kind, Lang::En)) + " \"" + c.id + "\"";
        if (sources.empty()) {
            if (c.kind == ClaimKind::Relation) ++report.relationsWithoutSource;
            if (!c.unsure) {
                ++report.unsourced;
                add("unsourced", c, "",
                    tr(fr + " : aucune source et pas marqué « unsure »",
                       en + ": no source and not marked \"unsure\""));
            } else if (c.kind == ClaimKind::Relation) {
                add("relation-unsourced", c, "",
                    tr(fr + " : sans source (marquée « unsure »)", en + ": no source (marked \"unsure\")"));
            }
        }
        size_t homepages = 0;
        for (const Source& s : sources) {
            ++report.sources;
            if (isHomepageUrl(s.url)) {
                ++homepages;
                ++report.homepageSources;
                add("homepage", c, s.url,
                    tr(fr + " : " + s.url +
                           " est une page d'accueil, pas une source pour une affirmation précise",
                       en + ": " + s.url + " is a homepage, not a source for a specific claim"));
            }
            long day = 0;
            if (!haveToday || !dayNumber(s.verified, day)) continue;
            if (day > today) {
                ++report.future;
                add("future", c, s.url,
                    tr(fr + " : date « verified » " + s.verified + " dans le futur (aujourd'hui " +
                           report.today + ")",
                       en + ": \"verified\" date " + s.verified + " is in the future (today " + report.today +
                           ")"));
            } else if (today - day > maxAgeDays) {
                ++report.stale;
                add("stale", c, s.url,
                    tr(fr + " : source lue le " + s.verified + ", il y a plus de " +
                           std::to_string(maxAgeDays) + " jours : à relire",
                       en + ": source read on " + s.verified + ", over " + std::to_string(maxAgeDays) +
                           " days ago: read it again"));
            }
        }
        if (!sources.empty() && homepages == sources.size()) {
            ++report.homepageOnlyClaims;
            if (!c.unsure)
                add("homepage-only", c, "",
                    tr(fr + " : seules des pages d'accueil sont citées ; trouver la page qui l'affirme ou "
                            "marquer « unsure »",
                       en +
                           ": only homepages are cited; find the page that states it or mark it \"unsure\""));
        }
    }

    void actorUrls(const Actor& a, const Claim& c) {
        auto check = [&](const std::string& url) {
            if (url.empty() || isWellFormedUrl(url)) return;
            ++report.malformedUrls;
            add("malformed-url", c, url,
                tr(name(c, Lang::Fr) + " : l'adresse « " + url + " » est mal formée",
                   std::string("actor \"") + c.id + "\": the address \"" + url + "\" is malformed"));
        };
        check(a.url);
        for (const VariantText& v : a.variants) check(v.url);
    }
};

// ---------------------------------------------------------------------------
// 4. One URL for unrelated claims
// ---------------------------------------------------------------------------

// Number of groups of claims (indices into `claims`) linked by a common actor.
size_t unrelatedGroups(const std::vector<Claim>& claims, const std::vector<size_t>& citing) {
    std::vector<size_t> parent(citing.size());
    std::iota(parent.begin(), parent.end(), size_t(0));
    auto find = [&](size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    std::unordered_map<uint32_t, size_t> firstWithActor;
    for (size_t i = 0; i < citing.size(); ++i)
        for (uint32_t actor : claims[citing[i]].actors) {
            auto [it, added] = firstWithActor.emplace(actor, i);
            if (!added) parent[find(i)] = find(it->second);
        }
    size_t groups = 0;
    for (size_t i = 0; i < citing.size(); ++i) groups += find(i) == i;
    return groups;
}

}  // namespace

// ---------------------------------------------------------------------------
// 5. Thresholds
// ---------------------------------------------------------------------------

AuditReport audit(const Map& map, const AuditOptions& options) {
    AuditReport report;
    report.today = options.today;
    const AuditThresholds& t = map.audit;
    auto pick = [](long declared, long fallback) { return declared >= 0 ? declared : fallback; };

    Auditor auditor{map, report};
    auditor.haveToday = dayNumber(options.today, auditor.today);
    auditor.maxAgeDays = pick(t.maxAgeDays, AuditDefaults::kMaxAgeDays);

    std::vector<Claim> claims = claimsOf(map, options.base, report.inherited);
    for (const Claim& c : claims) {
        auditor.claim(c);
        if (c.kind == ClaimKind::Actor) auditor.actorUrls(map.actors[c.actors[0]], c);
    }

    // URL → the claims citing it (each claim once, even if it cites the URL twice).
    std::map<std::string, std::vector<size_t>> citing;
    for (size_t i = 0; i < claims.size(); ++i)
        for (const Source& s : *claims[i].sources) {
            std::vector<size_t>& list = citing[s.url];
            if (list.empty() || list.back() != i) list.push_back(i);
        }
    report.distinctUrls = citing.size();
    long maxGroups = pick(t.maxUnrelatedClaimsPerUrl, AuditDefaults::kMaxUnrelatedClaimsPerUrl);
    size_t worst = 0;
    for (const auto& [url, list] : citing) {
        size_t groups = unrelatedGroups(claims, list);
        worst = std::max(worst, groups);
        if (long(groups) <= maxGroups) continue;
        ++report.reusedUrls;
        std::string n = std::to_string(list.size()), g = std::to_string(groups);
        report.findings.push_back(
            {"url-reuse", claims[list[0]].kind, claims[list[0]].id, url,
             tr(url + " est citée par " + n + " affirmations en " + g +
                    " groupes sans acteur commun (limite " + std::to_string(maxGroups) +
                    ") : vérifier que la page affirme chacune",
                url + " is cited by " + n + " claims in " + g + " groups with no actor in common (limit " +
                    std::to_string(maxGroups) + "): check that the page states each of them")});
    }

    auto limit = [&](const char* name, double value, double declared, double fallback) {
        AuditLimit l{name, value, declared >= 0 ? declared : fallback, declared >= 0, false};
        l.failed = l.limit >= 0 && value > l.limit + 1e-12;
        report.ok = report.ok && !l.failed;
        report.limits.push_back(l);
    };
    limit("maxHomepageShare", report.homepageShare(), t.maxHomepageShare, AuditDefaults::kMaxHomepageShare);
    limit("maxUnsourced", double(report.unsourced), double(t.maxUnsourced),
          double(AuditDefaults::kMaxUnsourced));
    for (const auto& [url, list] : citing) report.mostCited.emplace_back(url, list.size());
    std::stable_sort(report.mostCited.begin(), report.mostCited.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (report.mostCited.size() > 5) report.mostCited.resize(5);
    // The limit holds per URL: the value measured is that of the worst URL.
    limit("maxUnrelatedClaimsPerUrl", double(worst), double(t.maxUnrelatedClaimsPerUrl),
          double(AuditDefaults::kMaxUnrelatedClaimsPerUrl));
    limit("maxStaleSources", double(report.stale), double(t.maxStaleSources),
          double(AuditDefaults::kMaxStaleSources));
    limit("maxFutureDates", double(report.future), double(t.maxFutureDates),
          double(AuditDefaults::kMaxFutureDates));
    limit("maxMalformedUrls", double(report.malformedUrls), double(t.maxMalformedUrls),
          double(AuditDefaults::kMaxMalformedUrls));
    return report;
}

}  // namespace qfq::io
