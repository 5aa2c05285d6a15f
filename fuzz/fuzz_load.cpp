// fuzz/fuzz_load.cpp — libFuzzer target: the JSON loader, checker and overlay resolver on one
// document, which must load again from toJson when it loads (fuzz/checks.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string broken = qfq::fuzz::checkLoad({reinterpret_cast<const char*>(data), size});
    if (broken.empty()) return 0;
    std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
    __builtin_trap();
}
