#include "text/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenize.h"

namespace crosscheck::text {
namespace {

// The text of the tokens flagged as dateline, space-joined.
std::string DatelineOf(const std::string& text) {
  TokenStream stream = Tokenize(text);
  std::vector<bool> flags = DatelineTokens(stream);
  std::string out;
  for (size_t t = 0; t < stream.tokens.size(); ++t) {
    if (!flags[t]) continue;
    if (!out.empty()) out += ' ';
    out += std::string(stream.tokens[t].span.Of(text));
  }
  return out;
}

TEST(Dateline, FilingPlacesDateAndAgency) {
  EXPECT_EQ(DatelineOf("KYIV - Drones hit the city."), "KYIV");
  EXPECT_EQ(DatelineOf("PESHAWAR: Security forces struck hideouts."), "PESHAWAR");
  EXPECT_EQ(DatelineOf("BEIRUT, March 11 (Meridian Wire) - Air strikes hit Saraqib."),
            "BEIRUT , March 11 ( Meridian Wire )");
  EXPECT_EQ(DatelineOf("GENEVA/ADEN, April 14 (Levant & Gulf Wire) \u2014 About 20 people were killed."),
            "GENEVA / ADEN , April 14 ( Levant & Gulf Wire )");
}

TEST(Dateline, APlaceInLowerCaseWithDateAndAgency) {
  EXPECT_EQ(DatelineOf("Khost, 2 November 2026 (Bakhtar) - Aircraft bombarded houses."),
            "Khost , 2 November 2026 ( Bakhtar )");
  EXPECT_EQ(DatelineOf("Kabul, the capital (pictured) - a city of millions."), "") << "no date";
}

TEST(Dateline, AfterAByline) {
  EXPECT_EQ(DatelineOf("By Jane Doe SANAA (Reuters) - A strike hit a wedding."), "By Jane Doe SANAA ( Reuters )");
}

TEST(Dateline, SentencesAndAcronymsAreNotDatelines) {
  EXPECT_EQ(DatelineOf("NATO said on Monday - in a rare statement - that it had no role."), "");
  EXPECT_EQ(DatelineOf("US Central Command (CENTCOM) - the command said nothing."), "");
  EXPECT_EQ(DatelineOf("The strike - the third this week - killed two."), "");
  EXPECT_EQ(DatelineOf("SANA, the state news agency, said five died."), "");
  EXPECT_EQ(DatelineOf("UPDATE 2: Strikes hit the port."), "");
}

}  // namespace
}  // namespace crosscheck::text
