#include "ingest/language.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace crosscheck::ingest {
namespace {

const std::string kMarkersPath = std::string(CROSSCHECK_SOURCE_DIR) + "/data/lexicon/english_markers.tsv";

// The packing Contains expects: up to eight bytes, first byte lowest.
uint64_t Packed(std::string_view word) {
  uint64_t packed = 0;
  for (size_t byte_idx = 0; byte_idx < word.size(); ++byte_idx) {
    packed |= static_cast<uint64_t>(static_cast<unsigned char>(word[byte_idx])) << (8 * byte_idx);
  }
  return packed;
}

TEST(EnglishMarkersTest, ContainsExactlyTheListedWords) {
  Result<EnglishMarkers> markers = EnglishMarkers::Load(kMarkersPath);
  ASSERT_TRUE(markers.ok()) << markers.status().ToString();
  EXPECT_FALSE(markers->empty());
  for (std::string_view word : {"the", "and", "said", "which", "would", "it", "its", "with", "were"}) {
    EXPECT_TRUE(markers->Contains(Packed(word))) << word;
  }
  // Left out on purpose (other languages use them), near misses, prefixes and extensions.
  for (std::string_view word : {"was", "of", "he", "for", "th", "thee", "them", "i", "its_", "wit", "withs", "a", ""}) {
    EXPECT_FALSE(markers->Contains(Packed(word))) << word;
  }
  EXPECT_EQ(markers->max_length(), 5u);
}

TEST(EnglishMarkersTest, EmptyListHoldsNothing) {
  EnglishMarkers none;
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(none.Contains(Packed("the")));
}

TEST(DetectLanguageTest, PlainEnglishWithOrWithoutMarkers) {
  Result<EnglishMarkers> markers = EnglishMarkers::Load(kMarkersPath);
  ASSERT_TRUE(markers.ok()) << markers.status().ToString();
  std::string text;
  for (int repeat = 0; repeat < 40; ++repeat) {
    text += "The army said that the strike, which hit a market in the north of the city, killed at least "
            "twelve people and that rescuers were still searching the rubble with their bare hands. ";
  }
  EXPECT_EQ(DetectLanguage(text, &*markers), "en");
  EXPECT_EQ(DetectLanguage(text), "en");
}

}  // namespace
}  // namespace crosscheck::ingest
