// io/audit.h — provenance audit of a map (`qfq audit`): does every claim carry a source
// that can be checked, read recently, and specific to it? (data/README.md section 13)
//
// Contents
//   1. Options and report
//   2. The audit
//   3. The checks on their own (URL forms, dates), for tests and other callers
//
// A claim is an actor, a relation or a glossary entry. The audit only reads the Map: it does
// no network access (an actor's `url` is checked for its form only), and "today" is given by
// the caller so that tests are reproducible.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/map.h"

namespace qfq::io {

// ---------------------------------------------------------------------------
// 1. Options and report
// ---------------------------------------------------------------------------

// Defaults used when the map declares no `audit` object (or leaves a field out).
struct AuditDefaults {
    static constexpr double kMaxHomepageShare = 0.05;
    static constexpr long kMaxUnsourced = 0;
    static constexpr long kMaxUnrelatedClaimsPerUrl = 5;
    static constexpr long kMaxAgeDays = 365;
    static constexpr long kMaxStaleSources = -1;  // no limit: stale dates are reported only
    static constexpr long kMaxFutureDates = 0;
    static constexpr long kMaxMalformedUrls = 0;
};

struct AuditOptions {
    std::string today;  // YYYY-MM-DD, the date `verified` dates are compared with
    // The resolved base of an overlay: claims the overlay inherits unchanged are the base's
    // business and are left out (they are counted in AuditReport::inherited). nullptr = audit
    // every claim of the map.
    const Map* base = nullptr;
};

enum class ClaimKind : uint8_t { Actor, Relation, Glossary };

struct AuditFinding {
    // "unsourced", "relation-unsourced", "homepage", "homepage-only", "url-reuse", "stale",
    // "future", "malformed-url"
    std::string check;
    ClaimKind kind = ClaimKind::Actor;
    std::string id;   // actor id, relation id or glossary term
    std::string url;  // the source or actor URL concerned, if any
    Text message;
};

// One threshold as applied: the measured value against the limit.
struct AuditLimit {
    std::string name;  // the field of the `audit` object, e.g. "maxHomepageShare"
    double value = 0, limit = 0;
    bool declared = false;  // by the map (else the default)
    bool failed = false;
};

struct AuditReport {
    std::string today;
    size_t actors = 0, relations = 0, glossary = 0;  // claims audited
    size_t inherited = 0;                            // claims left out: unchanged from the base
    size_t sources = 0;                              // citations (entries of `sources` arrays)
    size_t distinctUrls = 0;
    size_t homepageSources = 0;  // citations whose URL is a homepage
    size_t homepageOnlyClaims = 0;
    size_t unsourced = 0;               // claims with no source, not marked unsure
    size_t relationsWithoutSource = 0;  // whatever their confidence
    size_t unsureActors = 0, unsureRelations = 0, unsureGlossary = 0;
    size_t stale = 0, future = 0, malformedUrls = 0;
    size_t reusedUrls = 0;  // URLs cited by more unrelated groups of claims than allowed
    // The most cited URLs (at most 5, most cited first) and how many claims cite each: a page
    // cited for many claims is worth a second look even when they share actors.
    std::vector<std::pair<std::string, size_t>> mostCited;
    std::vector<AuditFinding> findings;
    std::vector<AuditLimit> limits;  // every threshold, in a fixed order
    bool ok = true;                  // no limit failed

    double homepageShare() const { return sources ? double(homepageSources) / double(sources) : 0.0; }
};

// ---------------------------------------------------------------------------
// 2. The audit
// ---------------------------------------------------------------------------

// Audits `map` against its own thresholds (Map::audit) or the defaults. Never throws;
// an invalid `options.today` makes every date check a no-op (nothing is stale or future).
AuditReport audit(const Map& map, const AuditOptions& options);

// ---------------------------------------------------------------------------
// 3. The checks on their own
// ---------------------------------------------------------------------------

// True for a site's front page: no path (or "/"), or only an index page ("index.html",
// "accueil", "fr/"…) and no query other than a language choice. "https://x.fr/?p=12" is not.
bool isHomepageUrl(std::string_view url);

// Offline check of form: http(s) scheme, a host of dotted labels (letters, digits, hyphens or
// non-ASCII; a top-level domain of letters) or an IPv4 address, an optional port, and a path
// without spaces, control characters or broken %-escapes.
bool isWellFormedUrl(std::string_view url);

// Days since 1970-01-01 of a YYYY-MM-DD date; false if it is not a real date.
bool dayNumber(std::string_view date, long& out);

}  // namespace qfq::io
