#include "incidents/cluster.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace crosscheck::incidents {
namespace {

constexpr int64_t kDay2018June17 = 17699;  // days since 1970-01-01

claims::CandidateIncident Strike(const std::string& doc, std::optional<int64_t> day, std::optional<int64_t> published) {
  claims::CandidateIncident c;
  c.doc = doc;
  c.event_type = "airstrike";
  c.type_votes = {{"airstrike", 1}};
  if (day) c.date.earliest = c.date.latest = day;
  c.published = published;
  claims::IncidentPlace place;
  place.name = "Abu Kamal";
  place.country = "SY";
  place.geonameid = 174448;
  place.lat = 34.45;
  place.lon = 40.92;
  place.resolved = true;
  place.precision = 1;
  c.place = place;
  c.victims.push_back(claims::NamedVictim{"Abdullah Razzaq Al-Safi", "", doc, {}});
  return c;
}

bool Merged(const claims::CandidateIncident& a, const claims::CandidateIncident& b) {
  return MayPair(a, b) && ComparePair(a, b, {}).Merge({});
}

TEST(ClusterTest, AnUndatedReportMeetsOnlyRecentDatedOnes) {
  claims::CandidateIncident dated = Strike("dated", kDay2018June17, kDay2018June17 + 1);
  EXPECT_TRUE(Merged(dated, Strike("two days later", std::nullopt, kDay2018June17 + 2)));
  EXPECT_FALSE(Merged(dated, Strike("two years later", std::nullopt, kDay2018June17 + 730)));
  EXPECT_FALSE(Merged(dated, Strike("published before it", std::nullopt, kDay2018June17 - 10)));
  // Without a publication day nothing bounds it.
  EXPECT_TRUE(Merged(dated, Strike("no day at all", std::nullopt, std::nullopt)));
}

TEST(ClusterTest, UndatedReportsYearsApartAreTwoIncidents) {
  claims::CandidateIncident first = Strike("first", std::nullopt, kDay2018June17);
  EXPECT_TRUE(Merged(first, Strike("days later", std::nullopt, kDay2018June17 + 3)));
  EXPECT_FALSE(Merged(first, Strike("years later", std::nullopt, kDay2018June17 + 5 * 365)));
}

TEST(ClusterTest, BlockingKeysMeetWheneverMayPairHolds) {
  std::vector<claims::CandidateIncident> candidates = {
      Strike("a", kDay2018June17, kDay2018June17), Strike("b", kDay2018June17 + 1, kDay2018June17 + 1),
      Strike("c", std::nullopt, kDay2018June17 + 2), Strike("d", std::nullopt, std::nullopt),
      Strike("e", kDay2018June17 + 40, kDay2018June17 + 41)};
  candidates[4].victims.clear();
  claims::CandidateIncident coarse = Strike("f", std::nullopt, kDay2018June17);
  coarse.place->precision = 6;  // known only to its country
  candidates.push_back(coarse);
  auto meets = [](const BlockingKeys& from, const BlockingKeys& to) {
    for (const std::string& probe : from.probe) {
      if (std::binary_search(to.index.begin(), to.index.end(), probe)) return true;
    }
    return false;
  };
  int pairs = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    for (size_t j = 0; j < candidates.size(); ++j) {
      if (i == j || !MayPair(candidates[i], candidates[j])) continue;
      ++pairs;
      EXPECT_TRUE(meets(BlockingKeysOf(candidates[i]), BlockingKeysOf(candidates[j]))) << i << " " << j;
    }
  }
  EXPECT_GE(pairs, 8);  // the test compares something
}

}  // namespace
}  // namespace crosscheck::incidents
