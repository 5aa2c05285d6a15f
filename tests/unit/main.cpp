// tests/unit/main.cpp — doctest's main; every tests/unit/test_*.cpp adds its cases.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
