#include "store/candidate_json.h"

#include <simdjson.h>

#include "claims/extract.h"

namespace crosscheck::store {
namespace {

// A field added to a claims struct must be added here too, or the round trip silently
// drops it: these sizes (x86-64, libstdc++) fail the build until it is.
static_assert(sizeof(claims::Party) == 136, "claims::Party changed: update candidate_json.cc");
static_assert(sizeof(claims::AttributionClaim) == 496, "claims::AttributionClaim changed: update candidate_json.cc");
// CasualtyClaim::definite_count serves only while a document is read and is not stored.
static_assert(sizeof(claims::CasualtyClaim) == 416, "claims::CasualtyClaim changed: update candidate_json.cc");
static_assert(sizeof(claims::NamedVictim) == 104, "claims::NamedVictim changed: update candidate_json.cc");
static_assert(sizeof(claims::DateRange) == 88, "claims::DateRange changed: update candidate_json.cc");
static_assert(sizeof(claims::IncidentPlace) == 240, "claims::IncidentPlace changed: update candidate_json.cc");
static_assert(sizeof(claims::CandidateIncident) == 640, "claims::CandidateIncident changed: update candidate_json.cc");

using nlohmann::json;

template <typename T>
json Opt(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json SpanJson(const ByteSpan& span) { return json::array({span.begin, span.end}); }

json PartyJson(const claims::Party& p) {
  return json{{"name", p.name}, {"party", p.party}, {"type", p.type}, {"person", p.person}, {"anonymous", p.anonymous}};
}
json AttributionJson(const claims::AttributionClaim& c) {
  return json{{"source", PartyJson(c.source)},
              {"actor", c.actor ? PartyJson(*c.actor) : json(nullptr)},
              {"stance", c.stance},
              {"hedged", c.hedged},
              {"doc", c.doc},
              {"evidence", c.evidence},
              {"span", SpanJson(c.span)},
              {"sentence", c.sentence},
              {"frame", c.frame},
              {"source_words", c.source_words},
              {"actor_words", c.actor_words}};
}
json CasualtyJson(const claims::CasualtyClaim& c) {
  return json{{"source", PartyJson(c.source)},
              {"killed", Opt(c.killed)},
              {"killed_qualifier", c.killed_qualifier},
              {"injured", Opt(c.injured)},
              {"injured_qualifier", c.injured_qualifier},
              {"victims", c.victims},
              {"doc", c.doc},
              {"evidence", c.evidence},
              {"span", SpanJson(c.span)},
              {"sentence", c.sentence},
              {"frame", c.frame},
              {"number_words", c.number_words}};
}
json PlaceJson(const claims::IncidentPlace& p) {
  return json{{"name", p.name},         {"text", p.text},       {"country", p.country},       {"admin1", p.admin1},
              {"feature_code", p.feature_code}, {"geonameid", p.geonameid}, {"lat", p.lat}, {"lon", p.lon},
              {"resolved", p.resolved}, {"precision", p.precision}, {"relation", p.relation}, {"population", p.population},
              {"offset_km", p.offset_km}};
}
// Reading back goes through simdjson: an ingest into a large ledger parses thousands of
// stored accounts per batch, and nlohmann's parser was a fifth of its time.
using simdjson::dom::element;

std::string Str(element e, const char* key) { return std::string(std::string_view(e[key])); }
uint32_t U32(element e, const char* key) { return static_cast<uint32_t>(uint64_t(e[key])); }
std::optional<int64_t> OptInt(element e, const char* key) {
  element v = e[key];
  if (v.is_null()) return std::nullopt;
  return int64_t(v);
}
ByteSpan SpanFrom(element e) {
  simdjson::dom::array a = e;
  return ByteSpan{static_cast<uint32_t>(uint64_t(a.at(0))), static_cast<uint32_t>(uint64_t(a.at(1)))};
}

claims::Party PartyFrom(element e) {
  claims::Party p;
  p.name = Str(e, "name");
  p.party = Str(e, "party");
  p.type = Str(e, "type");
  p.person = Str(e, "person");
  p.anonymous = bool(e["anonymous"]);
  return p;
}

claims::AttributionClaim AttributionFrom(element e) {
  claims::AttributionClaim c;
  c.source = PartyFrom(e["source"]);
  if (!e["actor"].is_null()) c.actor = PartyFrom(e["actor"]);
  c.stance = Str(e, "stance");
  c.hedged = bool(e["hedged"]);
  c.doc = Str(e, "doc");
  c.evidence = Str(e, "evidence");
  c.span = SpanFrom(e["span"]);
  c.sentence = U32(e, "sentence");
  c.frame = Str(e, "frame");
  c.source_words = Str(e, "source_words");
  c.actor_words = Str(e, "actor_words");
  return c;
}

claims::CasualtyClaim CasualtyFrom(element e) {
  claims::CasualtyClaim c;
  c.source = PartyFrom(e["source"]);
  c.killed = OptInt(e, "killed");
  c.killed_qualifier = Str(e, "killed_qualifier");
  c.injured = OptInt(e, "injured");
  c.injured_qualifier = Str(e, "injured_qualifier");
  c.victims = Str(e, "victims");
  c.doc = Str(e, "doc");
  c.evidence = Str(e, "evidence");
  c.span = SpanFrom(e["span"]);
  c.sentence = U32(e, "sentence");
  c.frame = Str(e, "frame");
  c.number_words = Str(e, "number_words");
  return c;
}

claims::IncidentPlace PlaceFrom(element e) {
  claims::IncidentPlace p;
  p.name = Str(e, "name");
  p.text = Str(e, "text");
  p.country = Str(e, "country");
  p.admin1 = Str(e, "admin1");
  p.feature_code = Str(e, "feature_code");
  p.geonameid = int64_t(e["geonameid"]);
  p.lat = double(e["lat"]);
  p.lon = double(e["lon"]);
  p.resolved = bool(e["resolved"]);
  p.precision = static_cast<int>(int64_t(e["precision"]));
  p.relation = Str(e, "relation");
  p.population = int64_t(e["population"]);
  // Accounts stored before the field was written have none: no offset.
  double offset_km = 0;
  if (e["offset_km"].get(offset_km) == simdjson::SUCCESS) p.offset_km = offset_km;
  return p;
}

}  // namespace

json CandidateToJson(const claims::CandidateIncident& c) {
  json attributions = json::array(), casualties = json::array(), victims = json::array();
  for (const auto& a : c.attributions) attributions.push_back(AttributionJson(a));
  for (const auto& k : c.casualties) casualties.push_back(CasualtyJson(k));
  for (const auto& v : c.victims) {
    victims.push_back(json{{"name", v.name}, {"affiliation", v.affiliation}, {"doc", v.doc}, {"span", SpanJson(v.span)}});
  }
  return json{{"doc", c.doc},
              {"background", c.background},
              {"event_type", c.event_type},
              {"type_votes", c.type_votes},
              {"date", json{{"earliest", Opt(c.date.earliest)},
                            {"latest", Opt(c.date.latest)},
                            {"precision", c.date.precision},
                            {"words", c.date.words},
                            {"weekday", c.date.weekday},
                            {"night_mask", c.date.night_mask},
                            {"first_token", c.date.first_token}}},
              {"published", Opt(c.published)},
              {"place", c.place ? PlaceJson(*c.place) : json(nullptr)},
              {"place_mentions", c.place_mentions},
              {"attributions", attributions},
              {"casualties", casualties},
              {"victims", victims},
              {"sentences", c.sentences},
              {"details", c.details}};
}

Result<claims::CandidateIncident> CandidateFromJson(const json& j) { return CandidateFromJsonText(j.dump()); }

Result<claims::CandidateIncident> CandidateFromJsonText(const std::string& text) {
  // One parser per thread: its buffers grow to the largest account and stay.
  thread_local simdjson::dom::parser parser;
  try {
    element j = parser.parse(text);
    claims::CandidateIncident c;
    c.doc = Str(j, "doc");
    c.background = bool(j["background"]);
    c.event_type = Str(j, "event_type");
    for (auto [key, value] : simdjson::dom::object(j["type_votes"])) {
      c.type_votes[std::string(key)] = static_cast<int>(int64_t(value));
    }
    element date = j["date"];
    c.date.earliest = OptInt(date, "earliest");
    c.date.latest = OptInt(date, "latest");
    c.date.precision = static_cast<int>(int64_t(date["precision"]));
    c.date.words = Str(date, "words");
    c.date.weekday = static_cast<int>(int64_t(date["weekday"]));
    c.date.night_mask = static_cast<uint8_t>(uint64_t(date["night_mask"]));
    c.date.first_token = U32(date, "first_token");
    // Candidates stored before the field was kept have no publication day.
    if (element published; j["published"].get(published) == simdjson::SUCCESS && !published.is_null()) {
      c.published = int64_t(published);
    }
    if (!j["place"].is_null()) c.place = PlaceFrom(j["place"]);
    for (element mention : simdjson::dom::array(j["place_mentions"])) c.place_mentions.emplace_back(std::string_view(mention));
    for (element a : simdjson::dom::array(j["attributions"])) c.attributions.push_back(AttributionFrom(a));
    for (element k : simdjson::dom::array(j["casualties"])) c.casualties.push_back(CasualtyFrom(k));
    for (element v : simdjson::dom::array(j["victims"])) {
      c.victims.push_back(claims::NamedVictim{Str(v, "name"), Str(v, "affiliation"), Str(v, "doc"), SpanFrom(v["span"])});
    }
    for (element sentence : simdjson::dom::array(j["sentences"])) c.sentences.push_back(static_cast<uint32_t>(uint64_t(sentence)));
    for (element detail : simdjson::dom::array(j["details"])) c.details.emplace_back(std::string_view(detail));
    c.detail_hashes = claims::HashDetails(c.details);  // derived: not stored
    return c;
  } catch (const simdjson::simdjson_error& error) {
    return Status(StatusCode::kDataFormat, std::string("stored candidate: ") + error.what());
  }
}

}  // namespace crosscheck::store
