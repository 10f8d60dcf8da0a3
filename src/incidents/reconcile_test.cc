#include "incidents/reconcile.h"

#include <gtest/gtest.h>

namespace crosscheck::incidents {
namespace {

claims::CasualtyClaim Figure(const std::string& source, std::optional<int64_t> killed, std::optional<int64_t> injured,
                             uint32_t sentence) {
  claims::CasualtyClaim claim;
  claim.source.name = claim.source.party = source;
  claim.killed = killed;
  claim.injured = injured;
  claim.killed_qualifier = killed ? "exact" : "";
  claim.injured_qualifier = injured ? "exact" : "";
  claim.doc = "f01";
  claim.sentence = sentence;
  return claim;
}

// "killed three people, the health ministry said" then "a fourth person was wounded, it
// said": one source's dead and wounded, told apart, make one figure; another source's stay.
TEST(ReconcileTest, OneSourcesDeadAndWoundedToldApartAreOneFigure) {
  claims::CandidateIncident candidate;
  candidate.doc = "f01";
  candidate.casualties = {Figure("Lebanese Health Ministry", 3, std::nullopt, 0),
                          Figure("Lebanese Health Ministry", std::nullopt, 1, 1),
                          Figure("municipal official", std::nullopt, 2, 2)};
  Incident incident = Reconcile({&candidate});
  ASSERT_EQ(incident.casualties.size(), 2u);
  EXPECT_EQ(incident.casualties[0].source.name, "Lebanese Health Ministry");
  EXPECT_EQ(incident.casualties[0].killed, 3);
  EXPECT_EQ(incident.casualties[0].injured, 1);
  EXPECT_EQ(incident.casualties[1].source.name, "municipal official");
  EXPECT_FALSE(incident.casualties[1].killed.has_value());
}

// "..., killing four people, according to the monitor" then "Two passers-by were wounded.":
// the article's words right after a source's dead go on with its account; a later sentence
// in its own voice stays its own.
TEST(ReconcileTest, TheArticlesWoundedRightAfterASourcesDeadGoOnWithIt) {
  claims::CandidateIncident candidate;
  candidate.doc = "f01";
  candidate.casualties = {Figure("Syrian Observatory for Human Rights", 4, std::nullopt, 3),
                          Figure("unattributed", std::nullopt, 2, 4), Figure("unattributed", std::nullopt, 7, 9)};
  Incident incident = Reconcile({&candidate});
  ASSERT_EQ(incident.casualties.size(), 2u);
  EXPECT_EQ(incident.casualties[0].killed, 4);
  EXPECT_EQ(incident.casualties[0].injured, 2);
  EXPECT_EQ(incident.casualties[1].injured, 7);
}

// A background mention dated to a month keeps UCDP's month precision; the ledger is in
// time order, undated incidents last.
TEST(ReconcileTest, MonthSpansKeepTheirPrecisionAndTheLedgerIsInTimeOrder) {
  claims::CandidateIncident recent;
  recent.doc = "f01";
  recent.date.earliest = recent.date.latest = 20066;  // 2024-12-09
  recent.date.precision = 1;
  claims::CandidateIncident month;
  month.doc = "f01";
  month.background = true;
  month.date.earliest = 19448;  // 2023-04-01
  month.date.latest = 19477;    // 2023-04-30
  month.date.precision = 4;
  claims::CandidateIncident undated;
  undated.doc = "f01";
  const std::vector<claims::CandidateIncident> candidates{undated, recent, month};
  std::vector<Incident> ledger = BuildIncidents(candidates);
  ASSERT_EQ(ledger.size(), 3u);
  EXPECT_EQ(ledger[0].date.earliest, 19448);
  EXPECT_EQ(ledger[0].date.precision, 4);
  EXPECT_EQ(ledger[1].date.earliest, 20066);
  EXPECT_FALSE(ledger[2].date.earliest.has_value());
}

}  // namespace
}  // namespace crosscheck::incidents
