#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "places/geonames_loader.h"
#include "places/places.h"
#include "text/tokenize.h"

namespace crosscheck::places {
namespace {

const std::string kSource = CROSSCHECK_SOURCE_DIR;
constexpr int64_t kAbuKamal = 174448;

class PlacesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string cache = ::testing::TempDir() + "places_test_cache";
    auto g = Gazetteer::Open(kSource + "/src/places/testdata/mini_geonames.txt", kSource + "/data/places", cache);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gazetteer_ = new Gazetteer(std::move(g.value()));
  }
  static std::vector<PlaceMention> Find(const std::string& text) {
    text::TokenStream tokens = text::Tokenize(text);
    return FindPlaces(*gazetteer_, text, tokens);
  }
  static Gazetteer* gazetteer_;
};
Gazetteer* PlacesTest::gazetteer_ = nullptr;


TEST_F(PlacesTest, BadRowIsADiagnosticNotAFailure) {
  GeoNamesRow row;
  EXPECT_FALSE(ParseGeoNamesLine("bad row without tabs", &row).ok());
}

struct SpellingCase {
  const char* text;
  const char* expected_text;
};

class SpellingTest : public PlacesTest, public ::testing::WithParamInterface<SpellingCase> {};

TEST_P(SpellingTest, ResolvesToAbuKamal) {
  auto places = Find(GetParam().text);
  bool found = false;
  for (const auto& p : places) {
    if (p.geonameid == kAbuKamal) {
      found = true;
      EXPECT_EQ(p.text, GetParam().expected_text);
    }
  }
  EXPECT_TRUE(found) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Variants, SpellingTest,
    ::testing::Values(SpellingCase{"An air strike hit Al Bukamal on Sunday.", "Al Bukamal"},
                      SpellingCase{"An air strike hit Al-Bukamal on Sunday.", "Al-Bukamal"},
                      SpellingCase{"An air strike hit Albu Kamal on Sunday.", "Albu Kamal"},
                      SpellingCase{"An air strike hit Abu Kamal on Sunday.", "Abu Kamal"},
                      SpellingCase{"They left al-Bukamal's market.", "al-Bukamal"},
                      SpellingCase{"They reached Albukamal at night.", "Albukamal"},
                      SpellingCase{"Residents of Abou Kemal fled.", "Abou Kemal"}));

TEST_F(PlacesTest, StopWordsAndPeopleAreNotPlaces) {
  EXPECT_TRUE(Find("Police said the convoy was hit.").empty());
  auto places = Find("A spokesman, Maj. Curtis Kellogg, spoke. Kellogg said nothing.");
  for (const auto& p : places) EXPECT_NE(p.name, "Kellogg") << p.text;
}

TEST_F(PlacesTest, CountriesAndDemonyms) {
  auto places = Find("Syrian state media said Turkish jets struck targets in Syria.");
  ASSERT_EQ(places.size(), 3u);
  EXPECT_EQ(places[0].relation, "demonym");
  EXPECT_EQ(places[0].country, "SY");
  EXPECT_EQ(places[1].country, "TR");
  EXPECT_EQ(places[2].relation, "country");
  EXPECT_EQ(places[2].precision, 6);
}

TEST_F(PlacesTest, Relations) {
  auto near = Find("The strike was near Aleppo.");
  ASSERT_EQ(near.size(), 1u);
  EXPECT_EQ(near[0].relation, "near");
  EXPECT_EQ(near[0].precision, 2);
  auto outskirts = Find("Fighting on the outskirts of Aleppo continued.");
  ASSERT_EQ(outskirts.size(), 1u);
  EXPECT_EQ(outskirts[0].relation, "outskirts");
  auto countryside = Find("Shelling hit the Aleppo countryside.");
  ASSERT_EQ(countryside.size(), 1u);
  EXPECT_EQ(countryside[0].relation, "countryside");
  EXPECT_EQ(countryside[0].precision, 4);
  auto border = Find("Troops moved along the Iraq-Syria border.");
  ASSERT_EQ(border.size(), 2u);
  EXPECT_EQ(border[0].relation, "border");
  EXPECT_EQ(border[1].relation, "border");
  auto between = Find("The road between Aleppo and Abu Kamal was cut.");
  ASSERT_EQ(between.size(), 2u);
  EXPECT_EQ(between[1].relation, "between");
  EXPECT_EQ(between[1].precision, 5);
}

TEST_F(PlacesTest, CountryContextDisambiguates) {
  auto uk = Find("London is large.");
  ASSERT_EQ(uk.size(), 1u);
  EXPECT_EQ(uk[0].country, "GB");
}

TEST_F(PlacesTest, IndexIsReusedWhenCurrent) {
  std::string cache = ::testing::TempDir() + "places_test_cache";
  auto again = Gazetteer::Open(kSource + "/src/places/testdata/mini_geonames.txt", kSource + "/data/places", cache);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->rebuilt());
}

}  // namespace
}  // namespace crosscheck::places
