// tests/unit/test_load_cache.cpp — bases that parsed and checked cleanly are reused by the
// loader (io/load.cpp, "clean bases"): what is reused must be exactly what a fresh parse
// gives, a changed base must be read again, and a base with problems must keep reporting
// them on every load.

#include "test_io_fixture.h"

namespace {

std::string resolved(const LoadResult& r) {
    return r.ok ? qfq::io::toJson(r.map).dump() : "not loaded:\n" + dump(r);
}

}  // namespace

TEST_CASE("clean bases: a second load of the same overlay gives the same map") {
    Files files;
    files.put("base.json", baseMap());
    json overlay = minimalOverlay("base");
    overlay["actors"].push_back(actor("x-new"));
    files.put("overlay.json", overlay);
    const LoadResult first = files.load("overlay.json");
    REQUIRE(first.ok);
    const LoadResult second = files.load("overlay.json");
    REQUIRE(second.ok);
    CHECK(resolved(second) == resolved(first));
    CHECK(second.problems.size() == first.problems.size());
    CHECK(files.fetches == 2);  // the base is still fetched: only its parse is reused
}

TEST_CASE("clean bases: a base whose bytes changed is read again") {
    Files files;
    files.put("base.json", baseMap());
    files.put("overlay.json", minimalOverlay("base"));
    REQUIRE(files.load("overlay.json").ok);
    json changed = baseMap();
    changed["actors"][0]["name"] = "Un autre nom";
    files.put("base.json", changed);
    const LoadResult again = files.load("overlay.json");
    REQUIRE(again.ok);
    CHECK(again.map.actors[0].name.fr == "Un autre nom");
}

TEST_CASE("clean bases: a base with a problem reports it on every load") {
    Files files;
    json broken = baseMap();
    broken["actors"][0]["sources"][0]["verified"] = "2026-13-45";  // not a date
    files.put("base.json", broken);
    files.put("overlay.json", minimalOverlay("base"));
    const LoadResult first = files.load("overlay.json");
    const LoadResult second = files.load("overlay.json");
    CHECK_FALSE(first.ok);
    CHECK_FALSE(second.ok);
    CHECK(dump(second) == dump(first));
    CHECK(errorCount(second) >= 1);
}
