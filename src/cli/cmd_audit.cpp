// cli/cmd_audit.cpp — `qfq audit FILE`: the provenance report a publisher runs before
// publishing (engine: io/audit.h; rules and thresholds: data/README.md section 13).
//
// Contents
//   1. Today and the base of an overlay
//   2. Text report
//   3. JSON report
//   4. The command

#include <ctime>
#include <iostream>

#include "cli/common.h"
#include "io/audit.h"

namespace qfq::cli {

namespace {

// ---------------------------------------------------------------------------
// 1. Today and the base of an overlay
// ---------------------------------------------------------------------------

std::string todayUtc() {
    std::time_t now = std::time(nullptr);
    std::tm* t = std::gmtime(&now);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", t);
    return buffer;
}

// The resolved base an overlay extends, so that the audit only weighs the overlay's own
// claims (its base is audited on its own). False if it cannot be loaded (then the audit
// covers everything).
bool loadBase(const std::string& path, const Map& map, io::LoadResult& out) {
    if (map.extendsChain.empty()) return false;
    io::Document doc;
    if (!io::fetchFile(map.extendsChain[0], path, doc)) return false;
    out = io::loadMap(doc, io::fetchFile);
    return out.ok;
}

// ---------------------------------------------------------------------------
// 2. Text report
// ---------------------------------------------------------------------------

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", share * 100.0);
    return buffer;
}

// "12,5 %" in French, "12.5%" in English.
std::string percentText(double share, Lang lang) {
    std::string p = percent(share);
    if (lang == Lang::Fr) {
        for (char& c : p)
            if (c == '.') c = ',';
        return p + "\xc2\xa0%";  // no-break space before % in French
    }
    return p + "%";
}

std::string limitText(const io::AuditLimit& l, Lang lang, bool share) {
    if (l.limit < 0) return say(lang, "sans limite", "no limit");
    std::string value = share ? percentText(l.limit, lang) : std::to_string(long(l.limit));
    return say(lang, "limite ", "limit ") + value +
           (l.declared ? say(lang, ", déclarée par la carte", ", declared by the map") : "");
}

const io::AuditLimit& limitNamed(const io::AuditReport& r, const char* name) {
    for (const io::AuditLimit& l : r.limits)
        if (l.name == name) return l;
    return r.limits.front();
}

void printReport(const std::string& path, const Map& m, const io::AuditReport& r, bool partial, Lang lang) {
    auto& out = std::cout;
    out << say(lang, "Audit de provenance : ", "Provenance audit: ") << m.id << " (" << path << ")"
        << say(lang, ", au ", ", as of ") << r.today << "\n";
    out << say(lang, "  affirmations examinées : ", "  claims audited: ") << r.actors
        << say(lang, " acteurs, ", " actors, ") << r.relations << " relations, " << r.glossary
        << say(lang, " entrées de glossaire", " glossary entries");
    if (partial)
        out << say(lang, " (", " (") << r.inherited
            << say(lang, " héritées sans changement de la carte de base, non comptées)",
                   " inherited unchanged from the base map, not counted)");
    out << "\n";
    out << say(lang, "  sources citées : ", "  sources cited: ") << r.sources << " (" << r.distinctUrls
        << say(lang, " URL distinctes)", " distinct URLs)") << "\n";
    out << say(lang, "  pages d'accueil : ", "  homepages: ") << r.homepageSources << " ("
        << percentText(r.homepageShare(), lang) << ", "
        << limitText(limitNamed(r, "maxHomepageShare"), lang, true) << ")"
        << say(lang, " ; affirmations sourcées seulement par des pages d'accueil : ",
               "; claims sourced by homepages only: ")
        << r.homepageOnlyClaims << "\n";
    out << say(lang, "  sans source ni « unsure » : ", "  without a source and not \"unsure\": ")
        << r.unsourced << " (" << limitText(limitNamed(r, "maxUnsourced"), lang, false) << ")\n";
    out << say(lang, "  relations sans source : ", "  relations without a source: ")
        << r.relationsWithoutSource << "\n";
    out << say(lang, "  incertaines (« unsure ») : ", "  unsure: ") << r.unsureActors
        << say(lang, " acteurs, ", " actors, ") << r.unsureRelations << " relations, " << r.unsureGlossary
        << say(lang, " entrées de glossaire", " glossary entries") << "\n";
    out << say(lang, "  dates « verified » anciennes : ", "  stale \"verified\" dates: ") << r.stale << " ("
        << limitText(limitNamed(r, "maxStaleSources"), lang, false) << ")"
        << say(lang, " ; dans le futur : ", "; in the future: ") << r.future << " ("
        << limitText(limitNamed(r, "maxFutureDates"), lang, false) << ")\n";
    out << say(lang, "  adresses d'acteurs mal formées : ", "  malformed actor addresses: ")
        << r.malformedUrls << " (" << limitText(limitNamed(r, "maxMalformedUrls"), lang, false) << ")\n";
    out << say(lang, "  URL citées pour des affirmations sans lien : ", "  URLs cited for unrelated claims: ")
        << r.reusedUrls << " (" << limitText(limitNamed(r, "maxUnrelatedClaimsPerUrl"), lang, false)
        << say(lang, " groupes par URL)", " groups per URL)") << "\n";
    if (!r.mostCited.empty()) {
        out << say(lang, "  URL les plus citées : ", "  most cited URLs: ");
        for (size_t i = 0; i < r.mostCited.size() && i < 3; ++i)
            out << (i ? ", " : "") << r.mostCited[i].first << " (" << r.mostCited[i].second << ")";
        out << "\n";
    }
    if (!r.findings.empty()) {
        out << say(lang, "Constats :\n", "Findings:\n");
        for (const io::AuditFinding& f : r.findings)
            out << "  [" << f.check << "] " << f.message.get(lang) << "\n";
    }
    bool any = false;
    for (const io::AuditLimit& l : r.limits) {
        if (!l.failed) continue;
        if (!any) out << say(lang, "Seuils dépassés :\n", "Thresholds exceeded:\n");
        any = true;
        bool share = l.name == "maxHomepageShare";
        out << "  " << l.name << ": " << (share ? percentText(l.value, lang) : std::to_string(long(l.value)))
            << " > " << (share ? percentText(l.limit, lang) : std::to_string(long(l.limit))) << "\n";
    }
    out << (r.ok ? say(lang, "Résultat : conforme\n", "Result: passes\n")
                 : say(lang, "Résultat : NON conforme (code 1)\n", "Result: FAILS (exit code 1)\n"));
}

// ---------------------------------------------------------------------------
// 3. JSON report
// ---------------------------------------------------------------------------

const char* kindName(io::ClaimKind k) {
    switch (k) {
        case io::ClaimKind::Actor:
            return "actor";
        case io::ClaimKind::Relation:
            return "relation";
        case io::ClaimKind::Glossary:
            return "glossary";
    }
    return "";
}

nlohmann::json reportJson(const std::string& path, const Map& m, const io::AuditReport& r) {
    nlohmann::json findings = nlohmann::json::array();
    for (const io::AuditFinding& f : r.findings) {
        nlohmann::json o = {{"check", f.check},
                            {"kind", kindName(f.kind)},
                            {"id", f.id},
                            {"message", {{"fr", f.message.fr}, {"en", f.message.en}}}};
        if (!f.url.empty()) o["url"] = f.url;
        findings.push_back(std::move(o));
    }
    nlohmann::json mostCited = nlohmann::json::array();
    for (const auto& [url, n] : r.mostCited) mostCited.push_back({{"url", url}, {"claims", n}});
    nlohmann::json limits = nlohmann::json::array();
    for (const io::AuditLimit& l : r.limits)
        limits.push_back({{"name", l.name},
                          {"value", l.value},
                          {"limit", l.limit < 0 ? nlohmann::json() : nlohmann::json(l.limit)},
                          {"declared", l.declared},
                          {"failed", l.failed}});
    return {{"file", path},
            {"id", m.id},
            {"today", r.today},
            {"ok", r.ok},
            {"claims", {{"actors", r.actors}, {"relations", r.relations}, {"glossary", r.glossary}}},
            {"inherited", r.inherited},
            {"sources", r.sources},
            {"distinctUrls", r.distinctUrls},
            {"homepageSources", r.homepageSources},
            {"homepageShare", r.homepageShare()},
            {"homepageOnlyClaims", r.homepageOnlyClaims},
            {"unsourced", r.unsourced},
            {"relationsWithoutSource", r.relationsWithoutSource},
            {"unsure",
             {{"actors", r.unsureActors}, {"relations", r.unsureRelations}, {"glossary", r.unsureGlossary}}},
            {"stale", r.stale},
            {"future", r.future},
            {"malformedUrls", r.malformedUrls},
            {"reusedUrls", r.reusedUrls},
            {"mostCited", mostCited},
            {"limits", limits},
            {"findings", findings}};
}

// ---------------------------------------------------------------------------
// 4. The command
// ---------------------------------------------------------------------------

int runAudit(const Args& args) {
    if (args.positional.empty())
        return usageError(args, "indiquer au moins un fichier", "give at least one file");
    io::AuditOptions options;
    options.today = args.get("--today", todayUtc());
    long day = 0;
    if (!io::dayNumber(options.today, day))
        return usageError(args, "--today attend une date AAAA-MM-JJ, pas « " + options.today + " »",
                          "--today expects a YYYY-MM-DD date, not \"" + options.today + "\"");
    bool allOk = true;
    nlohmann::json all = nlohmann::json::array();
    for (const std::string& path : args.positional) {
        io::LoadResult result;
        if (!loadForCommand(path, args, result)) {
            allOk = false;
            continue;
        }
        io::LoadResult base;
        bool partial = !args.has("--all") && loadBase(path, result.map, base);
        options.base = partial ? &base.map : nullptr;
        io::AuditReport report = io::audit(result.map, options);
        allOk = allOk && report.ok;
        if (args.json)
            all.push_back(reportJson(path, result.map, report));
        else
            printReport(path, result.map, report, partial, args.lang);
    }
    if (args.json) std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
    return allOk ? kExitOk : kExitInvalid;
}

}  // namespace

extern const Command cmd_audit;  // listed in main.cpp
const Command cmd_audit = {
    "audit", "provenance report: unsourced claims, homepages, reused URLs, old dates",
    "Usage: qfq audit FILE... [--today YYYY-MM-DD] [--all] [--lang fr|en] [--json]\n\n"
    "Checks what a reader needs to trust and cite a map (data/README.md section 13):\n"
    "  - claims (actors, relations, glossary entries) without a source and not \"unsure\";\n"
    "  - sources that are a site's homepage rather than the page that states the claim;\n"
    "  - one URL cited for many unrelated claims (no actor in common);\n"
    "  - \"verified\" dates older than maxAgeDays (365) or after today;\n"
    "  - unsure counts per kind, relations without a source;\n"
    "  - actors' addresses that are malformed (form only: nothing is fetched).\n"
    "An overlay is judged on its own claims: what it inherits unchanged from its base is\n"
    "left out (--all audits the whole resolved map).\n"
    "Exit code 1 when a threshold is exceeded: the map's top-level \"audit\" object, else\n"
    "the defaults (homepages at most 5 % of cited sources, no claim without a source or\n"
    "\"unsure\", at most 5 unrelated groups of claims per URL, no future date, no malformed\n"
    "address).\n\n"
    "Options:\n"
    "  --today DATE  the date to compare \"verified\" with (default: today, UTC)\n"
    "  --all         also audit the claims an overlay inherits from its base\n"
    "  --lang fr|en  language of the report (default fr)\n"
    "  --json        machine-readable report (one object, or an array for several files)\n\n"
    "Example:\n"
    "  qfq audit data/national.json data/territories/*.json --lang en\n",
    "--today= --all", runAudit};

}  // namespace qfq::cli
