#include "places/place_keys.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/packed_word.h"
#include "places/gazetteer_index.h"
#include "places/places_data.h"

namespace crosscheck::places {
namespace {

const std::string kSource = CROSSCHECK_SOURCE_DIR;

TEST(KeyHashTest, ExtendingAKeyContinuesItsHash) {
  EXPECT_EQ(ExtendKeyHash(KeyHash("deir"), " ez zor"), KeyHash("deir ez zor"));
  EXPECT_EQ(ExtendKeyHash(kKeyHashSeed, ""), KeyHash(""));
  uint64_t first = KeyHash("abu"), second = KeyHash("~");
  ExtendKeyHashes("kamal", &first, &second);
  EXPECT_EQ(first, KeyHash("abukamal"));
  EXPECT_EQ(second, KeyHash("~kamal"));
}

// The matcher hashes an untransformed variant key as the words come: it must then be the
// mark and the words run together.
TEST(VariantKeyTest, UntransformedKeyIsTheMarkAndTheWords) {
  Result<PlacesData> data = LoadPlacesData(kSource + "/data/places");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const std::vector<std::vector<std::string_view>> cases = {
      {"aleppo"}, {"al", "bukamal"}, {"albukamal"}, {"abu", "kamal"}, {"albu", "kamal"}, {"bu", "kamal"},
      {"deir", "ez", "zor"}, {"new", "york"}, {"abo"}, {"elbasan"}, {"ab"}, {"a"}, {"the"}};
  std::string out;
  for (const std::vector<std::string_view>& words : cases) {
    const bool transformed = VariantKeyInto(words, *data, &out);
    if (transformed || out.empty()) continue;
    std::string expected(1, kVariantMark);
    for (std::string_view word : words) expected.append(word);
    EXPECT_EQ(out, expected) << expected;
  }
}

// Where VariantKeyIsPlain answers true, VariantKeyInto must leave the words as they are;
// it must answer true for the common case of a word no article or Abu form opens.
TEST(VariantKeyTest, PlainKeysAreTheMarkAndTheWords) {
  Result<PlacesData> data = LoadPlacesData(kSource + "/data/places");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const std::vector<std::vector<std::string_view>> cases = {
      {"aleppo"}, {"al", "bukamal"}, {"albukamal"}, {"abu", "kamal"}, {"albu", "kamal"}, {"bu", "kamal"},
      {"deir", "ez", "zor"}, {"new", "york"}, {"abo"}, {"elbasan"}, {"ab"}, {"a"}, {"the"}, {"bou", "kamal"},
      {"mosul", "al", "jadida"}, {"kamal", "abu"}, {"raqqa"}, {"ez", "zor"}, {""}, {"x", ""},
      {"alep"}, {"army"}, {"a", "bu", "kamal"}, {"a", "bc", "kamal"}, {"b", "u", "kamal"}, {"elba"}, {"bou"},
      {"egypt"}, {"ebla"}, {"bagdad"}, {"elbow"}, {"abbas"}, {"bukamal"}, {"aboukamal"}, {"ab", "oukamal"}};
  std::string out;
  int plain = 0;
  for (const std::vector<std::string_view>& words : cases) {
    if (!VariantKeyIsPlain(words, *data)) continue;
    ++plain;
    std::string expected(1, kVariantMark);
    for (std::string_view word : words) expected.append(word);
    EXPECT_FALSE(VariantKeyInto(words, *data, &out)) << expected;
    EXPECT_EQ(out, expected);
  }
  EXPECT_FALSE(VariantKeyIsPlain(std::vector<std::string_view>{"deir", "ez", "zor"}, *data));  // "ez" is an article
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"raqqa"}, *data));
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"new", "york"}, *data));
  EXPECT_FALSE(VariantKeyIsPlain(std::vector<std::string_view>{"aleppo"}, *data));  // "al" + "eppo"
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"alep"}, *data));     // too little after "al"
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"army"}, *data));
  EXPECT_FALSE(VariantKeyIsPlain(std::vector<std::string_view>{"a", "bu", "kamal"}, *data));  // "abu" across words
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"a", "bc", "kamal"}, *data));
  EXPECT_FALSE(VariantKeyIsPlain(std::vector<std::string_view>{"mosul", "al", "jadida"}, *data));
  // Opened by a byte some form starts with, but by no form's first two bytes.
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"egypt"}, *data));
  EXPECT_TRUE(VariantKeyIsPlain(std::vector<std::string_view>{"bagdad"}, *data));
  EXPECT_FALSE(VariantKeyIsPlain(std::vector<std::string_view>{"ab", "oukamal"}, *data));  // "abou" across words
  EXPECT_GE(plain, 4);
}

// GrowingName answers what VariantKeyIsPlain answers of every prefix of the words it is given.
TEST(VariantKeyTest, GrowingNameAgreesWithVariantKeyIsPlain) {
  Result<PlacesData> data = LoadPlacesData(kSource + "/data/places");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const std::string_view pool[] = {"al", "abu", "a", "bu", "kamal", "raqqa", "ez", "", "aleppo", "albu", "el",
                                   "new", "york", "b", "u", "alep", "bou", "x", "zor", "deir"};
  GrowingName name(*data);
  uint32_t state = 7;
  int plain = 0, not_plain = 0;
  for (int round = 0; round < 2000; ++round) {
    name.Clear();
    std::vector<std::string_view> words;
    for (int word_idx = 0; word_idx < 1 + round % 5; ++word_idx) {
      state = state * 1103515245u + 12345u;
      const std::string_view word = pool[(state >> 16) % std::size(pool)];
      name.Add(word);
      words.push_back(word);
      const bool expected = VariantKeyIsPlain(words, *data);
      EXPECT_EQ(name.VariantKeyIsPlain(), expected) << round;
      ++(expected ? plain : not_plain);
    }
  }
  EXPECT_GT(plain, 100);
  EXPECT_GT(not_plain, 100);
}

// The packed copy of the stop list the matcher reads must give every short word's reason,
// and nothing for other words.
TEST(PlacesDataTest, PackedStopWordsAgreeWithTheStopList) {
  Result<PlacesData> data = LoadPlacesData(kSource + "/data/places");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  constexpr uint32_t kNone = 0xFFFFFFFFu;
  size_t short_words = 0;
  for (const auto& [word, reason] : data->stop_words) {
    if (word.size() > kMaxPackedWordLength) continue;
    ++short_words;
    const uint32_t packed_reason = data->short_stop_words.Find(PackShortWord(word), kNone);
    ASSERT_NE(packed_reason, kNone) << word;
    EXPECT_EQ(data->stop_reasons[packed_reason], reason) << word;
  }
  EXPECT_EQ(data->short_stop_words.size(), short_words);
  EXPECT_GT(short_words, 100u);
  for (std::string_view word : {"aleppo", "raqqa", "gaza", "kirbyx", ""}) {
    EXPECT_EQ(data->stop_words.count(word), 0u) << word;
    EXPECT_EQ(data->short_stop_words.Find(PackShortWord(word), kNone), kNone) << word;
  }
}

}  // namespace
}  // namespace crosscheck::places
