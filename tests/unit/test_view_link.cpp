// tests/unit/test_view_link.cpp — the URL fragment as plain data (ui/view_link.h): parsing,
// what is skipped, numbers that must not overflow, and writing back.

#include <doctest/doctest.h>

#include "ui/view_link.h"

using namespace qfq;
using ui::parseViewLink;

TEST_CASE("view link: every part of a full fragment") {
    ui::ViewLink l = parseViewLink(
        "#map=occitanie&v=toulouse&sel=drane&focus=erun&depth=2&cam=120.5,-40,1.25&lang=en&present=1"
        "&tour=decouverte&step=3&hide=1&sure=0&lv=circonscription&k=association,operateur&rk="
        "&ask=ent&where=dep-95&school=college&from=dne");
    CHECK(l.map == "occitanie");
    CHECK(l.variant == "toulouse");
    CHECK(l.selected == "drane");
    CHECK(l.focused == "erun");
    CHECK(l.depth == 2);
    REQUIRE(l.camera);
    CHECK(l.camera->x == 120.5f);
    CHECK(l.camera->y == -40.0f);
    CHECK(l.camera->zoom == 1.25f);
    CHECK(l.lang == Lang::En);
    CHECK(l.present == true);
    CHECK(l.tour == "decouverte");
    CHECK(l.step == 3);
    CHECK(l.hideUnconnected == true);
    CHECK(l.sureOnly == false);
    CHECK(l.levelsOff == std::vector<std::string>{"circonscription"});
    CHECK(l.kindsOff == std::vector<std::string>{"association", "operateur"});
    CHECK(l.relationKindsOff == std::vector<std::string>{});  // given and empty: all on
    CHECK(l.ask == "ent");
    CHECK(l.where == "dep-95");
    CHECK(l.school == "college");
    CHECK(l.pathFrom == "dne");
    CHECK(l.skipped.empty());
    CHECK(parseViewLink(ui::formatViewLink(l)) == l);
}

TEST_CASE("view link: what is not said stays unset; malformed parts are skipped, not applied") {
    ui::ViewLink l = parseViewLink("map=national&sel=nobody&cam=abc&zzz&depth=7&colour=red&&");
    CHECK(l.map == "national");
    CHECK(l.selected == "nobody");  // ids are resolved by the explorer, not here
    CHECK_FALSE(l.camera);
    CHECK_FALSE(l.depth);
    CHECK_FALSE(l.lang);
    CHECK_FALSE(l.levelsOff);
    CHECK(l.skipped == std::vector<std::string>{"cam=abc", "zzz", "depth=7", "colour=red"});
    CHECK(parseViewLink("").skipped.empty());
    CHECK(parseViewLink("#") == ui::ViewLink{});
}

TEST_CASE("view link: numbers never overflow, cameras are finite with a positive zoom") {
    CHECK(parseViewLink("step=99999999999999999999").step == 1000000000);
    CHECK(parseViewLink("step=-99999999999999999999").step == -1000000000);
    CHECK(parseViewLink("step=abc").step == 0);  // as atoi: the explorer clamps to the first step
    CHECK(parseViewLink("depth=99999999999999999999").skipped.size() == 1);
    CHECK(parseViewLink("depth=3rd").depth == 3);
    for (const char* bad : {"cam=nan,0,1", "cam=inf,0,1", "cam=0,-inf,1", "cam=0,0,0", "cam=0,0,-1",
                            "cam=1e39,0,1", "cam=0,0,1e-50", "cam=1,2", "cam=1,2,3,4", "cam=1,2,3x"}) {
        CAPTURE(bad);
        ui::ViewLink l = parseViewLink(bad);
        CHECK_FALSE(l.camera);
        CHECK(l.skipped.size() == 1);
    }
}

TEST_CASE("view link: the first map wins, later parts win over earlier ones") {
    ui::ViewLink l = parseViewLink("map=a&map=b&sel=x&sel=y&cam=1,2,3&cam=bad&lv=p&lv=q,,r");
    CHECK(l.map == "a");
    CHECK(l.selected == "y");
    CHECK(l.camera == ui::ViewCamera{1, 2, 3});
    CHECK(l.levelsOff == std::vector<std::string>{"q", "r"});
}

TEST_CASE("view link: percent-encoding both ways") {
    CHECK(ui::percentDecode("caf%C3%A9+%26+co%zz%4") == "café & co%zz%4");
    CHECK(ui::percentEncode("a b&c=d,é/:") == "a%20b%26c%3Dd%2C%C3%A9/:");
    ui::ViewLink l;
    l.map = "https://example.org/m.json?x=1&y=2";
    l.selected = "a&b=c";
    l.levelsOff = std::vector<std::string>{"a b", "%41"};
    std::string written = ui::formatViewLink(l);
    CHECK(written == "map=https://example.org/m.json%3Fx%3D1%26y%3D2&sel=a%26b%3Dc&lv=a%20b,%2541");
    CHECK(parseViewLink(written) == l);
}

TEST_CASE("view link: written as links always were (six significant digits), stable when re-read") {
    ui::ViewLink l;
    l.map = "national";
    l.camera = ui::ViewCamera{123.5f, 240.25f, 1.75f};
    l.depth = 2;
    CHECK(ui::formatViewLink(l) == "map=national&depth=2&cam=123.5,240.25,1.75");
    ui::ViewLink precise = parseViewLink("cam=0.1234567891,-98765.4321,3.333333333");
    REQUIRE(precise.camera);
    CHECK(ui::formatViewLink(precise) == "cam=0.123457,-98765.4,3.33333");
    CHECK(parseViewLink(ui::formatViewLink(precise)) == precise);
    // Large and small numbers have an exponent: its '+' must not come back as a space.
    ui::ViewLink far = parseViewLink("cam=2500000,1e-5,1");
    CHECK(ui::formatViewLink(far) == "cam=2.5e%2B06,1e-05,1");
    CHECK(parseViewLink(ui::formatViewLink(far)) == far);
}

TEST_CASE("view link: the contact question and the path's start, read, written and read again") {
    ui::ViewLink l;
    l.map = "val-d-oise";
    l.selected = "ecole";
    l.ask = "data-protection";
    l.where = "dép 95&x";
    l.school = "lycée";
    l.pathFrom = "dne";
    const std::string written = ui::formatViewLink(l);
    CHECK(written ==
          "map=val-d-oise&sel=ecole&ask=data-protection&where=d%C3%A9p%2095%26x&school=lyc%C3%A9e&from=dne");
    ui::ViewLink back = parseViewLink(written);
    CHECK(back == l);
    CHECK(parseViewLink(ui::formatViewLink(back)) == back);
    CHECK(parseViewLink("ask=").ask == "");  // given and empty: kept as said
}
