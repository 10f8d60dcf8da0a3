#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "places/geonames_loader.h"
#include "places/places.h"
#include "text/tokenize.h"

namespace crosscheck::places {
namespace {

const std::string kSource = CROSSCHECK_SOURCE_DIR;
constexpr int64_t kAbuKamal = 174448;

std::string CacheDir(const std::string& name) { return ::testing::TempDir() + name + "_" + std::to_string(::getpid()); }

class PlacesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string cache = CacheDir("places_test_cache");
    auto g = Gazetteer::Open(kSource + "/src/places/testdata/mini_geonames.txt", kSource + "/data/places", cache);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gazetteer_ = new Gazetteer(std::move(g.value()));
  }
  // The compiled index is mapped, not read: removing its folder is safe while it is open.
  static void TearDownTestSuite() { std::filesystem::remove_all(CacheDir("places_test_cache")); }
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
  // A given name on the stop list still opens a person's name; the United States puts
  // the US town of Kirby in context, so only that rule keeps the surname out.
  places = Find("The United States struck, Pentagon Press Secretary John Kirby said. Kirby did not elaborate.");
  for (const auto& p : places) EXPECT_NE(p.name, "Kirby") << p.text;
  // The surname alone before the full name is the same person.
  places = Find("Kirby said the United States struck. Pentagon Press Secretary John Kirby spoke.");
  for (const auto& p : places) EXPECT_NE(p.name, "Kirby") << p.text;
  // A small town does not speak: '"...," Kirby said' is a person; a large city may ("London said").
  places = Find("The United States struck. \"We hit them,\" Kirby said. London said nothing.");
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].country, "US");
  EXPECT_EQ(places[1].name, "London");
  EXPECT_TRUE(places[1].relation.empty()) << places[1].relation;
  // People in a town do: "residents of Kirby said".
  places = Find("Residents of Kirby said the storm hit Texas.");
  ASSERT_FALSE(places.empty());
  EXPECT_EQ(places[0].name, "Kirby");
  // A capitalised word after a name prefix ("North") is not a surname elsewhere.
  places = Find("He was born in Kirby, Texas, in the United States. He went to North Kirby High School.");
  ASSERT_FALSE(places.empty());
  EXPECT_EQ(places[0].name, "Kirby");
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
  auto hospital = Find("Two of the wounded later died in hospital in Aleppo.");
  ASSERT_EQ(hospital.size(), 1u);
  EXPECT_EQ(hospital[0].relation, "treated_at");
  // A before-cue reaches across a "the" before the place, and only across "the".
  auto across_the = Find("Shells fell east of the Aleppo ring road.");
  ASSERT_EQ(across_the.size(), 1u);
  EXPECT_EQ(across_the[0].relation, "east_of");
  auto across_other = Find("Shells fell east of ring Aleppo road.");
  ASSERT_EQ(across_other.size(), 1u);
  EXPECT_EQ(across_other[0].relation, "");
  auto struck = Find("A shell struck a hospital in Aleppo.");
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_EQ(struck[0].relation, "");
}

TEST_F(PlacesTest, CountryContextDisambiguates) {
  auto uk = Find("London is large.");
  ASSERT_EQ(uk.size(), 1u);
  EXPECT_EQ(uk[0].country, "GB");
}

// A name with one sense left to choose from takes it unscored, and it must still be
// believable: a small town alone is not, in a country the document names it is.
TEST_F(PlacesTest, ALoneSenseIsChosenAndStillWeighed) {
  EXPECT_TRUE(Find("Shelling hit Kirby.").empty());
  auto in_country = Find("Shelling hit Kirby in the United States.");
  ASSERT_EQ(in_country.size(), 2u);
  EXPECT_EQ(in_country[0].geonameid, 4703415);
  EXPECT_EQ(in_country[1].relation, "country");
}

// data/places with the supplement replaced by the small fixture, in a temporary folder.
std::string SupplementFixtureDir() {
  namespace fs = std::filesystem;
  // ctest runs each test in its own process, two at a time: one folder per process.
  fs::path dir = fs::path(::testing::TempDir()) / ("places_supplement_data_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& file : fs::directory_iterator(kSource + "/data/places")) {
    if (file.is_regular_file()) fs::copy_file(file.path(), dir / file.path().filename());
  }
  fs::copy_file(kSource + "/src/places/testdata/mini_supplement.tsv", dir / "supplement.tsv",
                fs::copy_options::overwrite_existing);
  return dir.string();
}

class SupplementTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_dir_ = new std::string(SupplementFixtureDir());
    auto g = Gazetteer::Open(kSource + "/src/places/testdata/mini_geonames.txt", *data_dir_,
                             CacheDir("places_supplement_cache"));
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gazetteer_ = new Gazetteer(std::move(g.value()));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(CacheDir("places_supplement_cache"));
    std::filesystem::remove_all(CacheDir("places_supplement_rebuild"));
    std::filesystem::remove_all(*data_dir_);
  }
  static std::vector<PlaceMention> Find(const std::string& text) {
    text::TokenStream tokens = text::Tokenize(text);
    return FindPlaces(*gazetteer_, text, tokens);
  }
  static Gazetteer* gazetteer_;
  static std::string* data_dir_;
};
Gazetteer* SupplementTest::gazetteer_ = nullptr;
std::string* SupplementTest::data_dir_ = nullptr;

TEST_F(SupplementTest, NewLocalityResolvesWithArticleVariants) {
  for (const char* text : {"Fighting in Baghuz, Syria.", "Fighting in al-Baghuz, Syria.", "Fighting in Al Baghouz, Syria.",
                           "Fighting in Albaghuz, Syria."}) {
    auto places = Find(text);
    ASSERT_FALSE(places.empty()) << text;
    EXPECT_EQ(places[0].name, "Baghuz") << text;
    EXPECT_EQ(places[0].geonameid, 0) << text;  // not a GeoNames entry
    EXPECT_EQ(places[0].country, "SY") << text;
    EXPECT_EQ(places[0].admin1, "05") << text;  // from the nearest GeoNames town, Abu Kamal
    EXPECT_NEAR(places[0].lat, 34.47, 0.01) << text;
  }
}

TEST_F(SupplementTest, AliasJoinsTheGeoNamesEntry) {
  auto places = Find("Shelling hit Halab al-Shahba overnight.");
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0].geonameid, 170063);
  EXPECT_EQ(places[0].name, "Aleppo");
}

TEST_F(SupplementTest, AliasOfAnAbsentEntryKeepsItsId) {
  auto places = Find("Kurdish fighters held Kobane, Syria.");
  ASSERT_FALSE(places.empty());
  EXPECT_EQ(places[0].geonameid, 172256);
  EXPECT_EQ(places[0].name, "Kobani");
}

TEST_F(SupplementTest, IndexIsRebuiltWhenTheSupplementChanges) {
  std::string cache = CacheDir("places_supplement_rebuild");
  std::string geonames = kSource + "/src/places/testdata/mini_geonames.txt";
  ASSERT_TRUE(Gazetteer::Open(geonames, *data_dir_, cache).ok());
  EXPECT_FALSE(Gazetteer::Open(geonames, *data_dir_, cache)->rebuilt());
  std::ofstream(*data_dir_ + "/supplement.tsv", std::ios::app)
      << "Dinsoor\tDiinsoor\tSO\tBay\t2.41\t42.98\tPPL\t25000\t\t\n";
  auto again = Gazetteer::Open(geonames, *data_dir_, cache);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->rebuilt());
  std::string text = "Al-Shabaab attacked Diinsoor in Somalia.";
  text::TokenStream tokens = text::Tokenize(text);
  bool found = false;
  for (const auto& p : FindPlaces(*again, text, tokens)) found |= p.name == "Dinsoor";
  EXPECT_TRUE(found);
}

TEST_F(PlacesTest, IndexIsReusedWhenCurrent) {
  std::string cache = CacheDir("places_test_cache");
  auto again = Gazetteer::Open(kSource + "/src/places/testdata/mini_geonames.txt", kSource + "/data/places", cache);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->rebuilt());
}

}  // namespace
}  // namespace crosscheck::places
