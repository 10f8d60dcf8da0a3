#include "places/place_keys.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

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

}  // namespace
}  // namespace crosscheck::places
