// tests/unit/test_fuzz_regressions.cpp — every input a fuzzer once broke the engine with
// (tests/fuzz-regressions/TARGET/*) goes again through the very check its fuzz target runs
// (fuzz/checks.h): a sanitizer report, a crash or a broken invariant fails the suite. A
// missing or empty folder fails too: a replay of nothing would pass without checking anything.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "checks.h"

namespace {

namespace fs = std::filesystem;

// Runs `check` on every file of tests/fuzz-regressions/`target`; returns how many there were
// (and fails when there were none).
template <typename Check>
size_t replay(const char* target, Check check) {
    fs::path dir = fs::path(QFQ_SOURCE_DIR) / "tests" / "fuzz-regressions" / target;
    REQUIRE_MESSAGE(fs::is_directory(dir), dir.string() << " is missing");
    size_t files = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        std::string file = entry.path().filename().string();
        CAPTURE(file);
        CHECK(check(bytes.str()) == "");
        ++files;
    }
    CHECK_MESSAGE(files > 0, dir.string() << " holds no input: every target keeps at least one");
    return files;
}

}  // namespace

TEST_CASE("fuzz regressions: fuzz_load") {
    replay("fuzz_load", qfq::fuzz::checkLoad);
}
TEST_CASE("fuzz regressions: fuzz_csv") {
    replay("fuzz_csv", qfq::fuzz::checkCsv);
}
TEST_CASE("fuzz regressions: fuzz_fragment") {
    replay("fuzz_fragment", qfq::fuzz::checkFragment);
}

TEST_CASE("fuzz checks: the shipped seeds pass") {
    CHECK(qfq::fuzz::checkLoad(qfq::fuzz::nationalText()) == "");
    CHECK(qfq::fuzz::checkFragment("map=occitanie&v=toulouse&sel=drane&cam=120.5,-40,1.25&lang=en") == "");
    CHECK(qfq::fuzz::checkCsv(std::string("id;name_fr;level;kind;sources\n", 30)) == "");
}
