#include "core/packed_word_map.h"

#include <gtest/gtest.h>

#include <string>

#include "core/packed_word.h"

namespace crosscheck {
namespace {

constexpr uint32_t kMissing = 0xFFFFFFFFu;

TEST(PackedWordMapTest, FindsWhatWasInsertedAndNothingElse) {
  PackedWordMap map;
  EXPECT_EQ(map.Find(PackShortWord("the"), kMissing), kMissing);
  map.Insert(PackShortWord("the"), 1);
  map.Insert(PackShortWord("army"), 2);
  map.Insert(PackShortWord("th"), 3);
  EXPECT_EQ(map.Find(PackShortWord("the"), kMissing), 1u);
  EXPECT_EQ(map.Find(PackShortWord("army"), kMissing), 2u);
  EXPECT_EQ(map.Find(PackShortWord("th"), kMissing), 3u);
  EXPECT_EQ(map.Find(PackShortWord("thee"), kMissing), kMissing);
  EXPECT_EQ(map.Find(PackShortWord("armys"), kMissing), kMissing);
  EXPECT_EQ(map.size(), 3u);
}

TEST(PackedWordMapTest, ReplacesAValueAndKeepsTheEmptyKeyApart) {
  PackedWordMap map;
  map.Insert(42, 1);
  map.Insert(42, 7);
  EXPECT_EQ(map.Find(42, kMissing), 7u);
  EXPECT_EQ(map.size(), 1u);
  EXPECT_EQ(map.Find(0, kMissing), kMissing);
  map.Insert(PackShortWord(""), 5);
  EXPECT_EQ(map.Find(0, kMissing), 5u);
  EXPECT_EQ(map.size(), 2u);
}

// "w0", "w1"...: built by appending (GCC 12 warns falsely about "w" + std::to_string).
std::string Word(uint32_t idx) {
  std::string word = "w";
  word += std::to_string(idx);
  return word;
}

// Growth rehashes every key; keys that share their low bits (packed words of one length)
// must not all land in one run.
TEST(PackedWordMapTest, KeepsEveryKeyThroughGrowth) {
  PackedWordMap map;
  constexpr uint32_t kCount = 5000;
  for (uint32_t idx = 0; idx < kCount; ++idx) {
    map.Insert(PackShortWord(Word(idx)), idx);
  }
  EXPECT_EQ(map.size(), kCount);
  for (uint32_t idx = 0; idx < kCount; ++idx) {
    ASSERT_EQ(map.Find(PackShortWord(Word(idx)), kMissing), idx) << idx;
  }
  for (uint32_t idx = kCount; idx < 2 * kCount; ++idx) {
    ASSERT_EQ(map.Find(PackShortWord(Word(idx)), kMissing), kMissing) << idx;
  }
}

}  // namespace
}  // namespace crosscheck
