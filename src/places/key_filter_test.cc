#include "places/key_filter.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace crosscheck::places {
namespace {

// A simple 64-bit generator: the filter's input is already a hash.
uint64_t NextHash(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return *state ^ (*state >> 29);
}

TEST(KeyFilterTest, EveryAddedKeyMayBeContained) {
  constexpr uint64_t kKeys = 100000;
  KeyFilter filter(kKeys);
  uint64_t state = 1;
  for (uint64_t key_idx = 0; key_idx < kKeys; ++key_idx) filter.Add(NextHash(&state));
  state = 1;
  for (uint64_t key_idx = 0; key_idx < kKeys; ++key_idx) EXPECT_TRUE(filter.MayContain(NextHash(&state)));
}

TEST(KeyFilterTest, FewFalsePositivesAtTheSizedLoad) {
  constexpr uint64_t kKeys = 100000;
  KeyFilter filter(kKeys);
  uint64_t state = 1;
  for (uint64_t key_idx = 0; key_idx < kKeys; ++key_idx) filter.Add(NextHash(&state));
  uint64_t false_positives = 0;
  for (uint64_t probe_idx = 0; probe_idx < kKeys; ++probe_idx) false_positives += filter.MayContain(NextHash(&state));
  EXPECT_LT(false_positives, kKeys / 20);
}

TEST(KeyFilterTest, EmptyFilterContainsNothing) {
  KeyFilter filter;
  EXPECT_FALSE(filter.MayContain(12345));
}

}  // namespace
}  // namespace crosscheck::places
