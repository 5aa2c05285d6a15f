// fuzz/fuzz_csv.cpp — libFuzzer target: the CSV reader and importer; the input is
// actors.csv, 0x00, relations.csv (fuzz/checks.h says how it is split and imported).
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string broken = qfq::fuzz::checkCsv({reinterpret_cast<const char*>(data), size});
    if (broken.empty()) return 0;
    std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
    __builtin_trap();
}
