#include "incidents/ledger_json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace crosscheck::incidents {
namespace {

std::string Streamed(const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                     const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  WriteLedgerJson(out, documents, incidents, diagnostics, "data 1");
  return out.str();
}

std::string Whole(const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                  const std::vector<Diagnostic>& diagnostics) {
  return LedgerJson(documents, incidents, diagnostics, "data 1").dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(LedgerJsonTest, StreamedLedgerIsTheWholeDocumentByteForByte) {
  Document doc;
  doc.id = "d1";
  doc.title = "Strike on \"Abu Kamal\"\nsecond line";
  Incident incident;
  incident.id = "I0000000001";
  incident.event_type = "airstrike";
  incident.documents = {"d1", "d2"};
  claims::AttributionClaim claim;
  claim.source.name = "SANA";
  claim.stance = "asserts";
  claim.evidence = "Al-Bukamal — \xC3\x84 line\nbreak";
  incident.attributions.push_back(claim);
  Incident empty;
  empty.id = "I0000000002";
  Diagnostic diagnostic{"d3", "feed.jsonl:3", "bad_json", "broken \xFF byte", true};
  EXPECT_EQ(Streamed({doc}, {incident, empty}, {diagnostic}), Whole({doc}, {incident, empty}, {diagnostic}));
  EXPECT_EQ(Streamed({}, {}, {}), Whole({}, {}, {}));
  EXPECT_EQ(Streamed({doc, doc}, {}, {}), Whole({doc, doc}, {}, {}));
}

// An undated background mention is written apart from the ledger's rows; a dated one, and
// an undated main incident, stay rows.
TEST(LedgerJsonTest, UndatedBackgroundMentionsAreWrittenApart) {
  Incident main_incident;
  main_incident.id = "I0000000001";
  Incident dated_background;
  dated_background.id = "I0000000002";
  dated_background.background = true;
  dated_background.date.earliest = 19448;
  dated_background.date.latest = 19477;
  dated_background.date.precision = 4;
  Incident undated_background;
  undated_background.id = "I0000000003";
  undated_background.background = true;
  const std::vector<Incident> incidents{main_incident, dated_background, undated_background};
  Json ledger = LedgerJson({}, incidents, {}, "data 1");
  ASSERT_EQ(ledger["incidents"].size(), 2u);
  EXPECT_EQ(ledger["incidents"][1]["id"], "I0000000002");
  ASSERT_EQ(ledger["background_mentions"].size(), 1u);
  EXPECT_EQ(ledger["background_mentions"][0]["id"], "I0000000003");
  EXPECT_EQ(Streamed({}, incidents, {}), Whole({}, incidents, {}));
}

}  // namespace
}  // namespace crosscheck::incidents
