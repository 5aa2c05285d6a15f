// fuzz/fuzz_fragment.cpp — libFuzzer target: the URL-fragment parser; a link read, written and
// read again must be the same link (fuzz/checks.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string broken = qfq::fuzz::checkFragment({reinterpret_cast<const char*>(data), size});
    if (broken.empty()) return 0;
    std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
    __builtin_trap();
}
