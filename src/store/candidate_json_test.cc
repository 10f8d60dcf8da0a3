#include "store/candidate_json.h"

#include <gtest/gtest.h>

namespace crosscheck::store {
namespace {

claims::CandidateIncident FullCandidate() {
  claims::CandidateIncident c;
  c.doc = "003_ef5549173c9e57e5";
  c.background = true;
  c.event_type = "airstrike";
  c.type_votes = {{"airstrike", 3}, {"drone_strike", 1}};
  c.date.earliest = 19526;
  c.date.latest = 19527;
  c.date.precision = 2;
  c.date.words = "late on Sunday";
  c.date.weekday = 0;
  c.date.night_mask = 0x41;
  c.date.first_token = 42;
  c.place = claims::IncidentPlace{"Abu Kamal", "Al Bukamal", "SY", "Deir ez-Zor", "PPL", 174448, 34.45, 40.918611,
                                  true, 2, "near", 57000};
  c.place_mentions = {"Al Bukamal", "al-Harra \"quoted\""};
  claims::AttributionClaim a;
  a.source = {"US Central Command", "United States", "military", "Josh Jacques", false};
  a.actor = claims::Party{"US-led coalition", "US-led coalition", "coalition", "", true};
  a.stance = "denies";
  a.hedged = true;
  a.doc = c.doc;
  a.evidence = "Caf\xc3\xa9 \"d\xc3\xa9ni\" \n tab\t";
  a.span = {1234, 1391};
  a.sentence = 17;
  a.frame = "reporting_verb";
  a.source_words = "CENTCOM";
  a.actor_words = "the coalition";
  c.attributions = {a};
  claims::AttributionClaim unknown = a;
  unknown.actor.reset();
  unknown.stance = "unknown";
  c.attributions.push_back(unknown);
  claims::CasualtyClaim k;
  k.source = {"unattributed", "unattributed", "", "", false};
  k.killed = 22;
  k.killed_qualifier = "at_least";
  k.injured.reset();
  k.victims = "combatants";
  k.doc = c.doc;
  k.evidence = "At least 22 were killed.";
  k.span = {2001, 2140};
  k.sentence = 20;
  k.frame = "passive";
  k.number_words = "22";
  c.casualties = {k};
  c.victims = {{"Abdullah Razzaq Anoon al-Safi", "Kata'ib Sayyid al-Shuhada", c.doc, {5, 40}}};
  c.sentences = {3, 4, 17, 20};
  c.details = {"convoy", "border"};
  return c;
}

TEST(CandidateJson, RoundTripIsLossless) {
  claims::CandidateIncident original = FullCandidate();
  nlohmann::json json = CandidateToJson(original);
  auto back = CandidateFromJsonText(json.dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(CandidateToJson(*back), json);
  EXPECT_EQ(back->place->lat, original.place->lat);
  EXPECT_EQ(back->attributions[0].evidence, original.attributions[0].evidence);
  EXPECT_FALSE(back->attributions[1].actor.has_value());
  EXPECT_FALSE(back->casualties[0].injured.has_value());
  EXPECT_EQ(*back->casualties[0].killed, 22);
  EXPECT_EQ(back->date.first_token, 42u);
  EXPECT_EQ(back->date.night_mask, 0x41);
  EXPECT_EQ(back->victims[0].span, (ByteSpan{5, 40}));
}

TEST(CandidateJson, DefaultCandidateRoundTrips) {
  claims::CandidateIncident empty;
  auto back = CandidateFromJson(CandidateToJson(empty));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(CandidateToJson(*back), CandidateToJson(empty));
  EXPECT_FALSE(back->place.has_value());
}

TEST(CandidateJson, MalformedInputIsAStatusNotAnException) {
  EXPECT_EQ(CandidateFromJsonText("{").status().code(), StatusCode::kDataFormat);
  EXPECT_EQ(CandidateFromJsonText("{\"doc\": 3}").status().code(), StatusCode::kDataFormat);
  nlohmann::json json = CandidateToJson(FullCandidate());
  json["date"].erase("words");
  EXPECT_FALSE(CandidateFromJson(json).ok());
}

}  // namespace
}  // namespace crosscheck::store
