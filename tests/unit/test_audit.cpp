// tests/unit/test_audit.cpp — the provenance audit (io/audit.h): URL forms, dates, each check,
// thresholds declared by a map or defaulted, overlays judged on their own claims, and the
// shipped maps passing their thresholds.
//
// Contents
//   1. URL forms and dates
//   2. Checks on a small map
//   3. Thresholds (`audit` object: loader, writer, limits)
//   4. Overlays
//   5. Shipped maps

#include <doctest/doctest.h>

#include <string>

#include "io/audit.h"
#include "test_io_fixture.h"

using qfq::io::AuditOptions;
using qfq::io::AuditReport;

namespace {

AuditReport runAudit(const json& doc, const std::string& today = "2026-12-01") {
    LoadResult r = loadJson(doc);
    INFO(dump(r));
    REQUIRE(r.ok);
    AuditOptions options;
    options.today = today;
    return qfq::io::audit(r.map, options);
}

size_t countFindings(const AuditReport& r, const std::string& check) {
    size_t n = 0;
    for (const auto& f : r.findings) n += f.check == check;
    return n;
}

const qfq::io::AuditLimit& limitNamed(const AuditReport& r, const std::string& name) {
    for (const auto& l : r.limits)
        if (l.name == name) return l;
    FAIL("no limit named " << name);
    return r.limits.front();
}

// A map whose claims are all well sourced: the base fixture with fixed sources.
json cleanMap() {
    json m = baseMap();
    m["relations"][1]["sources"] = {
        {{"url", "https://example.org/drane-college"}, {"verified", "2026-11-29"}}};
    m["glossary"][0]["sources"] = {
        {{"url", "https://example.org/glossaire/ent"}, {"verified", "2026-11-29"}}};
    return m;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. URL forms and dates
// ---------------------------------------------------------------------------

TEST_CASE("audit: homepages are told from pages") {
    using qfq::io::isHomepageUrl;
    CHECK(isHomepageUrl("https://www.education.gouv.fr"));
    CHECK(isHomepageUrl("https://www.education.gouv.fr/"));
    CHECK(isHomepageUrl("https://pix.fr/#top"));
    CHECK(isHomepageUrl("https://www.laregion.fr/index.php"));
    CHECK(isHomepageUrl("https://www.wbe.be/fr/"));
    CHECK(isHomepageUrl("https://example.org/fr/accueil.html"));
    CHECK(isHomepageUrl("https://example.org/?lang=fr"));
    CHECK_FALSE(isHomepageUrl("https://ludomag.com/?p=40898"));  // a query names an article
    CHECK_FALSE(isHomepageUrl("https://eduscol.education.fr/213/gestionnaire-d-acces-aux-ressources"));
    CHECK_FALSE(isHomepageUrl("http://dane.ac-creteil.fr/spip.php?page=article&id_article=524"));
    CHECK_FALSE(isHomepageUrl("https://www.ih2ef.gouv.fr/propos-de-lih2ef"));
    CHECK_FALSE(isHomepageUrl("https://example.org/fr/index/page"));
    CHECK_FALSE(isHomepageUrl("ftp://example.org/"));  // not http(s): not judged here
}

TEST_CASE("audit: actors' addresses are checked for their form only") {
    using qfq::io::isWellFormedUrl;
    CHECK(isWellFormedUrl("https://www.education.gouv.fr/"));
    CHECK(isWellFormedUrl("http://dane.ac-creteil.fr/spip.php?page=article&id_article=524"));
    CHECK(isWellFormedUrl("https://example.org:8443/a%20b#x"));
    CHECK(isWellFormedUrl("https://académie.fr/numérique"));  // IRI: non-ASCII is allowed
    CHECK(isWellFormedUrl("https://xn--acadmie-bya.fr/"));
    CHECK(isWellFormedUrl("http://192.168.1.10/ent"));
    CHECK_FALSE(isWellFormedUrl("https://localhost/"));         // no dot: readers cannot reach it
    CHECK_FALSE(isWellFormedUrl("https://exemple.f/"));         // one-letter top-level domain
    CHECK_FALSE(isWellFormedUrl("https://-exemple.fr/"));       // label starting with a hyphen
    CHECK_FALSE(isWellFormedUrl("https://exemple..fr/"));       // empty label
    CHECK_FALSE(isWellFormedUrl("https://exemple.fr:99999/"));  // port out of range
    CHECK_FALSE(isWellFormedUrl("https://exemple.fr:/"));
    CHECK_FALSE(isWellFormedUrl("https://user:pw@exemple.fr/"));
    CHECK_FALSE(isWellFormedUrl("https://exemple.fr/a%2"));  // broken escape
    CHECK_FALSE(isWellFormedUrl("https://exemple.fr/a%zz"));
    CHECK_FALSE(isWellFormedUrl("https://exemple.fr/a|b"));
    CHECK_FALSE(isWellFormedUrl("https://exemple.123/"));
    CHECK_FALSE(isWellFormedUrl("https:///chemin"));
    CHECK_FALSE(isWellFormedUrl("mailto:contact@exemple.fr"));
}

TEST_CASE("audit: day numbers count real calendar days") {
    long a = 0, b = 0;
    REQUIRE(qfq::io::dayNumber("1970-01-01", a));
    CHECK(a == 0);
    REQUIRE(qfq::io::dayNumber("2024-02-29", a));  // leap day
    REQUIRE(qfq::io::dayNumber("2025-03-01", b));
    CHECK(b - a == 366);
    REQUIRE(qfq::io::dayNumber("2000-03-01", a));
    REQUIRE(qfq::io::dayNumber("2000-02-28", b));
    CHECK(a - b == 2);  // 2000 is a leap year (divisible by 400)
    CHECK_FALSE(qfq::io::dayNumber("2025-02-29", a));
    CHECK_FALSE(qfq::io::dayNumber("2025-13-01", a));
    CHECK_FALSE(qfq::io::dayNumber("2025-1-01", a));
    CHECK_FALSE(qfq::io::dayNumber("", a));
}

// ---------------------------------------------------------------------------
// 2. Checks on a small map
// ---------------------------------------------------------------------------

TEST_CASE("audit: a well-sourced map passes") {
    AuditReport r = runAudit(cleanMap());
    INFO(r.findings.size());
    CHECK(r.ok);
    CHECK(r.actors == 3);
    CHECK(r.relations == 2);
    CHECK(r.glossary == 1);
    CHECK(r.sources == 6);
    CHECK(r.unsourced == 0);
    CHECK(r.homepageSources == 0);
    CHECK(r.unsureActors == 1);  // drane
    CHECK(r.unsureRelations == 1);
    CHECK(r.unsureGlossary == 0);
    CHECK(r.stale == 0);  // drane's source was read on 2026-01-15: 320 days, under a year
}

TEST_CASE("audit: claims without a source count unless marked unsure") {
    json m = cleanMap();
    m["relations"][0].erase("sources");  // sure and unsourced
    m["relations"][1].erase("sources");  // unsure and unsourced
    m["glossary"][0].erase("sources");   // sure and unsourced
    m["glossary"].push_back(
        {{"term", "TICE"}, {"expansion", "T"}, {"definition", "D"}, {"confidence", "unsure"}});
    AuditReport r = runAudit(m);
    CHECK(r.unsourced == 2);
    CHECK(r.relationsWithoutSource == 2);
    CHECK(r.unsureGlossary == 1);
    CHECK(countFindings(r, "unsourced") == 2);
    CHECK(countFindings(r, "relation-unsourced") == 1);
    CHECK_FALSE(r.ok);
    CHECK(limitNamed(r, "maxUnsourced").failed);
    CHECK(limitNamed(r, "maxUnsourced").value == 2);
    for (const auto& f : r.findings) {  // every message in both languages
        CHECK_FALSE(f.message.fr.empty());
        CHECK_FALSE(f.message.en.empty());
    }
}

TEST_CASE("audit: homepages count against the share") {
    json m = cleanMap();
    m["actors"][0]["sources"] = {{{"url", "https://www.education.gouv.fr/"}, {"verified", "2026-11-29"}}};
    AuditReport r = runAudit(m);
    CHECK(r.homepageSources == 1);
    CHECK(r.homepageOnlyClaims == 1);
    CHECK(countFindings(r, "homepage") == 1);
    CHECK(countFindings(r, "homepage-only") == 1);
    CHECK(r.homepageShare() == doctest::Approx(1.0 / 6.0));
    CHECK_FALSE(r.ok);  // 16.7 % > 5 %
    CHECK(limitNamed(r, "maxHomepageShare").failed);

    // A homepage beside a real page is still counted, but the claim is not homepage-only.
    m["actors"][0]["sources"].push_back(
        {{"url", "https://www.education.gouv.fr/dne"}, {"verified", "2026-11-29"}});
    r = runAudit(m);
    CHECK(r.homepageSources == 1);
    CHECK(r.homepageOnlyClaims == 0);
}

TEST_CASE("audit: stale and future dates against an injected today") {
    json m = cleanMap();
    AuditReport r = runAudit(m, "2026-12-01");
    CHECK(r.future == 0);
    CHECK(r.stale == 0);  // 2026-01-15 is 320 days before
    r = runAudit(m, "2027-01-16");
    CHECK(r.stale == 1);  // 366 days
    CHECK(countFindings(r, "stale") == 1);
    CHECK(r.ok);                    // stale dates are reported, not failed, unless the map says so
    r = runAudit(m, "2026-11-28");  // five sources read "tomorrow"
    CHECK(r.future == 5);
    CHECK_FALSE(r.ok);
    CHECK(limitNamed(r, "maxFutureDates").failed);
    r = runAudit(m, "not a date");  // no date checks rather than nonsense
    CHECK(r.future == 0);
    CHECK(r.stale == 0);
}

TEST_CASE("audit: malformed actor addresses, including a variant's") {
    json m = cleanMap();
    m["actors"][0]["url"] = "https://intranet/dne";
    m["actors"][1]["variants"]["toulouse"]["url"] = "https://drane.ac-toulouse.f/";
    AuditReport r = runAudit(m);
    CHECK(r.malformedUrls == 2);
    CHECK(countFindings(r, "malformed-url") == 2);
    CHECK_FALSE(r.ok);
}

TEST_CASE("audit: one URL for unrelated claims") {
    json m = cleanMap();
    const std::string shared = "https://example.org/article-sur-autre-chose";
    // Six actors with nothing in common, all citing one page: six unrelated groups > 5.
    for (int i = 0; i < 6; ++i) {
        json a = actor(numbered("acteur", i));
        a["sources"] = {{{"url", shared}, {"verified", "2026-11-29"}}};
        m["actors"].push_back(a);
    }
    AuditReport r = runAudit(m);
    CHECK(r.reusedUrls == 1);
    CHECK(countFindings(r, "url-reuse") == 1);
    CHECK(limitNamed(r, "maxUnrelatedClaimsPerUrl").value == 6);
    CHECK_FALSE(r.ok);
    REQUIRE(!r.mostCited.empty());
    CHECK(r.mostCited[0].first == shared);
    CHECK(r.mostCited[0].second == 6);

    // Relations that tie them to one another make them one topic: no longer unrelated.
    for (int i = 1; i < 6; ++i)
        m["relations"].push_back({{"from", "acteur0"},
                                  {"to", numbered("acteur", i)},
                                  {"kind", "partenaire"},
                                  {"sources", {{{"url", shared}, {"verified", "2026-11-29"}}}}});
    r = runAudit(m);
    CHECK(r.reusedUrls == 0);
    CHECK(limitNamed(r, "maxUnrelatedClaimsPerUrl").value == 1);
    CHECK(r.ok);
}

// ---------------------------------------------------------------------------
// 3. Thresholds
// ---------------------------------------------------------------------------

TEST_CASE("audit: a map declares its thresholds; the writer keeps them") {
    json m = cleanMap();
    m["actors"][0]["sources"] = {{{"url", "https://www.education.gouv.fr/"}, {"verified", "2026-11-29"}}};
    m["audit"] = {{"maxHomepageShare", 0.2}, {"maxAgeDays", 30}, {"maxStaleSources", 0}};
    LoadResult loaded = loadJson(m);
    REQUIRE(loaded.ok);
    CHECK(loaded.map.audit.maxHomepageShare == doctest::Approx(0.2));
    CHECK(loaded.map.audit.maxAgeDays == 30);
    CHECK(loaded.map.audit.maxUnsourced == -1);  // not declared: the default applies

    AuditOptions options;
    options.today = "2026-12-01";
    AuditReport r = qfq::io::audit(loaded.map, options);
    CHECK_FALSE(limitNamed(r, "maxHomepageShare").failed);  // 16.7 % ≤ 20 %
    CHECK(limitNamed(r, "maxHomepageShare").declared);
    CHECK(r.stale == 1);  // 2026-01-15, older than 30 days
    CHECK(limitNamed(r, "maxStaleSources").failed);
    CHECK_FALSE(r.ok);

    json written = qfq::io::toJson(loaded.map);
    REQUIRE(written.contains("audit"));
    CHECK(written["audit"]["maxAgeDays"] == 30);
    CHECK_FALSE(written["audit"].contains("maxUnsourced"));
    LoadResult again = loadJson(written);
    REQUIRE(again.ok);
    CHECK(again.map.audit.maxStaleSources == 0);
}

TEST_CASE("audit: bad thresholds are refused with their place") {
    json m = cleanMap();
    m["audit"] = {{"maxHomepageShare", 5}};  // a share, not a percentage
    CHECK_PROBLEM(loadJson(m), "/audit/maxHomepageShare", "out of range");
    m["audit"] = {{"maxUnsourced", 1.5}};
    CHECK_PROBLEM(loadJson(m), "/audit/maxUnsourced", "whole number");
    m["audit"] = {{"maxUnsourcd", 1}};
    CHECK_PROBLEM(loadJson(m), "/audit/maxUnsourcd", "unknown");
    m["audit"] = "strict";
    CHECK_PROBLEM(loadJson(m), "/audit", "object");
}

TEST_CASE("audit: glossary confidence is read and written") {
    json m = cleanMap();
    m["glossary"][0]["confidence"] = "unsure";
    LoadResult r = loadJson(m);
    REQUIRE(r.ok);
    CHECK(r.map.glossary[0].confidence == qfq::Confidence::Unsure);
    CHECK(qfq::io::toJson(r.map)["glossary"][0]["confidence"] == "unsure");
}

// ---------------------------------------------------------------------------
// 4. Overlays
// ---------------------------------------------------------------------------

TEST_CASE("audit: an overlay is judged on its own claims") {
    Files files;
    json base = cleanMap();
    base["glossary"][0].erase("sources");  // the base's problem, not the overlay's
    files.put("base.json", base);
    json overlay = minimalOverlay("base");
    overlay["actors"].push_back(actor("rectorat", "academie"));
    overlay["override"] = {{"actors",
                            {{"college", {{"position", {{"x", 1}, {"y", 2}}}}},
                             {"dne", {{"description", "Pilote le numérique, localement."}}}}}};
    overlay["relations"] = {{{"from", "rectorat"}, {"to", "college"}, {"kind", "pilote"}}};
    files.put("overlay.json", overlay);
    LoadResult full = files.load("overlay.json");
    REQUIRE(full.ok);
    LoadResult baseMapLoaded = files.load("base.json");
    REQUIRE(baseMapLoaded.ok);

    AuditOptions options;
    options.today = "2026-12-01";
    options.base = &baseMapLoaded.map;
    AuditReport r = qfq::io::audit(full.map, options);
    CHECK(r.actors == 2);     // rectorat (new) and dne (changed); college only moved
    CHECK(r.relations == 1);  // the new relation
    CHECK(r.glossary == 0);
    CHECK(r.inherited == 5);
    CHECK(r.unsourced == 1);  // the overlay's relation, not the base's glossary entry
    CHECK_FALSE(r.ok);

    options.base = nullptr;  // --all: everything, the base's problem too
    r = qfq::io::audit(full.map, options);
    CHECK(r.unsourced == 2);
    CHECK(r.inherited == 0);
}

// ---------------------------------------------------------------------------
// 5. Shipped maps
// ---------------------------------------------------------------------------

TEST_CASE("audit: every shipped map passes its thresholds") {
    const std::string dir = QFQ_SOURCE_DIR;
    const char* files[] = {"/data/national.json", "/data/wallonie.json", "/data/territories/val-d-oise.json",
                           "/data/territories/occitanie.json", "/data/territories/ariege.json"};
    int audited = 0;
    for (const char* f : files) {
        LoadResult r = qfq::io::loadFile(dir + f);
        INFO(f << "\n" << dump(r));
        REQUIRE(r.ok);
        // An overlay is judged on its own claims, against the base it names (Ariège's is
        // Occitanie), as `qfq audit` does.
        LoadResult base;
        if (!r.map.extendsChain.empty()) {
            Document doc;
            REQUIRE(qfq::io::fetchFile(r.map.extendsChain[0], dir + f, doc));
            base = qfq::io::loadMap(doc, qfq::io::fetchFile);
            REQUIRE(base.ok);
        }
        AuditOptions options;
        options.today = r.map.updated;  // as of the map's own date: the test does not age
        options.base = r.map.extendsChain.empty() ? nullptr : &base.map;
        AuditReport report = qfq::io::audit(r.map, options);
        std::string found;
        for (const auto& finding : report.findings)
            if (finding.check == "unsourced" || finding.check == "future" ||
                finding.check == "malformed-url" || finding.check == "url-reuse")
                found += finding.message.en + "\n";
        INFO(found);
        INFO("homepage share " << report.homepageShare());
        CHECK(report.ok);
        CHECK(report.unsourced == 0);
        CHECK(report.homepageShare() <= 0.05);
        CHECK(report.actors + report.relations + report.glossary > 0);
        ++audited;
    }
    CHECK(audited == 5);
}
