// tests/unit/test_corpus.cpp — every broken file in tests/corpus/ must be reported exactly as
// tests/corpus/expected.json says: same pointer, line and column, message containing the
// expected English words; valid files must load with no error. No time is asserted here (a
// loaded CI machine or ASan would make it flaky): scripts/bench.sh measures speed.
//
// Regenerate the corpus (and, after adding cases, the manifest) with
// tests/corpus/make_corpus.py.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "io/load.h"

using nlohmann::json;

TEST_CASE("corpus: every file is reported where expected.json says") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(QFQ_SOURCE_DIR) / "tests" / "corpus";
    std::ifstream in(dir / "expected.json");
    REQUIRE(in);
    json manifest = json::parse(in);
    REQUIRE(manifest["files"].size() >= 40);

    size_t broken = 0;
    for (const json& entry : manifest["files"]) {
        std::string file = entry["file"];
        CAPTURE(file);
        qfq::io::LoadResult r = qfq::io::loadFile((dir / file).string());

        std::string all;
        for (const qfq::io::Problem& p : r.problems) all += qfq::io::formatProblem(p, qfq::Lang::En) + "\n";
        INFO(all);
        if (entry.value("valid", false)) {
            CHECK(r.ok);
            for (const qfq::io::Problem& p : r.problems) CHECK(p.warning);
            continue;
        }
        ++broken;
        CHECK_FALSE(r.ok);
        CHECK(r.map.actors.empty());  // never half-loaded
        for (const json& expect : entry["problems"]) {
            std::string in_file = expect.value("in", file);
            bool found = false;
            for (const qfq::io::Problem& p : r.problems)
                found =
                    found || (fs::path(p.file).filename() == in_file && p.pointer == expect["pointer"] &&
                              p.line == expect["line"] && p.column == expect["column"] &&
                              p.message.en.find(expect["message"].get<std::string>()) != std::string::npos &&
                              !p.message.fr.empty() && !p.warning);
            CAPTURE(expect.dump());
            CHECK(found);
        }
    }
    CHECK(broken >= 40);
}
