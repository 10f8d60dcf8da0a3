#include "store/candidate_json.h"

#include "claims/extract.h"

namespace crosscheck::store {
namespace {

// A field added to a claims struct must be added here too, or the round trip silently
// drops it: these sizes (x86-64, libstdc++) fail the build until it is.
static_assert(sizeof(claims::Party) == 136, "claims::Party changed: update candidate_json.cc");
static_assert(sizeof(claims::AttributionClaim) == 496, "claims::AttributionClaim changed: update candidate_json.cc");
static_assert(sizeof(claims::CasualtyClaim) == 408, "claims::CasualtyClaim changed: update candidate_json.cc");
static_assert(sizeof(claims::NamedVictim) == 104, "claims::NamedVictim changed: update candidate_json.cc");
static_assert(sizeof(claims::DateRange) == 88, "claims::DateRange changed: update candidate_json.cc");
static_assert(sizeof(claims::IncidentPlace) == 232, "claims::IncidentPlace changed: update candidate_json.cc");
static_assert(sizeof(claims::CandidateIncident) == 632, "claims::CandidateIncident changed: update candidate_json.cc");

using nlohmann::json;

template <typename T>
json Opt(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

template <typename T>
std::optional<T> GetOpt(const json& j, const char* key) {
  const json& v = j.at(key);
  if (v.is_null()) return std::nullopt;
  return v.get<T>();
}

json SpanJson(const ByteSpan& span) { return json::array({span.begin, span.end}); }
ByteSpan SpanFrom(const json& j) { return ByteSpan{j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()}; }

json PartyJson(const claims::Party& p) {
  return json{{"name", p.name}, {"party", p.party}, {"type", p.type}, {"person", p.person}, {"anonymous", p.anonymous}};
}
claims::Party PartyFrom(const json& j) {
  claims::Party p;
  p.name = j.at("name").get<std::string>();
  p.party = j.at("party").get<std::string>();
  p.type = j.at("type").get<std::string>();
  p.person = j.at("person").get<std::string>();
  p.anonymous = j.at("anonymous").get<bool>();
  return p;
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
claims::AttributionClaim AttributionFrom(const json& j) {
  claims::AttributionClaim c;
  c.source = PartyFrom(j.at("source"));
  if (!j.at("actor").is_null()) c.actor = PartyFrom(j.at("actor"));
  c.stance = j.at("stance").get<std::string>();
  c.hedged = j.at("hedged").get<bool>();
  c.doc = j.at("doc").get<std::string>();
  c.evidence = j.at("evidence").get<std::string>();
  c.span = SpanFrom(j.at("span"));
  c.sentence = j.at("sentence").get<uint32_t>();
  c.frame = j.at("frame").get<std::string>();
  c.source_words = j.at("source_words").get<std::string>();
  c.actor_words = j.at("actor_words").get<std::string>();
  return c;
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
claims::CasualtyClaim CasualtyFrom(const json& j) {
  claims::CasualtyClaim c;
  c.source = PartyFrom(j.at("source"));
  c.killed = GetOpt<int64_t>(j, "killed");
  c.killed_qualifier = j.at("killed_qualifier").get<std::string>();
  c.injured = GetOpt<int64_t>(j, "injured");
  c.injured_qualifier = j.at("injured_qualifier").get<std::string>();
  c.victims = j.at("victims").get<std::string>();
  c.doc = j.at("doc").get<std::string>();
  c.evidence = j.at("evidence").get<std::string>();
  c.span = SpanFrom(j.at("span"));
  c.sentence = j.at("sentence").get<uint32_t>();
  c.frame = j.at("frame").get<std::string>();
  c.number_words = j.at("number_words").get<std::string>();
  return c;
}

json PlaceJson(const claims::IncidentPlace& p) {
  return json{{"name", p.name},         {"text", p.text},       {"country", p.country},       {"admin1", p.admin1},
              {"feature_code", p.feature_code}, {"geonameid", p.geonameid}, {"lat", p.lat}, {"lon", p.lon},
              {"resolved", p.resolved}, {"precision", p.precision}, {"relation", p.relation}, {"population", p.population}};
}
claims::IncidentPlace PlaceFrom(const json& j) {
  claims::IncidentPlace p;
  p.name = j.at("name").get<std::string>();
  p.text = j.at("text").get<std::string>();
  p.country = j.at("country").get<std::string>();
  p.admin1 = j.at("admin1").get<std::string>();
  p.feature_code = j.at("feature_code").get<std::string>();
  p.geonameid = j.at("geonameid").get<int64_t>();
  p.lat = j.at("lat").get<double>();
  p.lon = j.at("lon").get<double>();
  p.resolved = j.at("resolved").get<bool>();
  p.precision = j.at("precision").get<int>();
  p.relation = j.at("relation").get<std::string>();
  p.population = j.at("population").get<int64_t>();
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

Result<claims::CandidateIncident> CandidateFromJson(const json& j) {
  try {
    claims::CandidateIncident c;
    c.doc = j.at("doc").get<std::string>();
    c.background = j.at("background").get<bool>();
    c.event_type = j.at("event_type").get<std::string>();
    c.type_votes = j.at("type_votes").get<std::map<std::string, int>>();
    const json& date = j.at("date");
    c.date.earliest = GetOpt<int64_t>(date, "earliest");
    c.date.latest = GetOpt<int64_t>(date, "latest");
    c.date.precision = date.at("precision").get<int>();
    c.date.words = date.at("words").get<std::string>();
    c.date.weekday = date.at("weekday").get<int>();
    c.date.night_mask = date.at("night_mask").get<uint8_t>();
    c.date.first_token = date.at("first_token").get<uint32_t>();
    // Candidates stored before the field was kept have no publication day.
    if (j.contains("published")) c.published = GetOpt<int64_t>(j, "published");
    if (!j.at("place").is_null()) c.place = PlaceFrom(j.at("place"));
    c.place_mentions = j.at("place_mentions").get<std::vector<std::string>>();
    for (const json& a : j.at("attributions")) c.attributions.push_back(AttributionFrom(a));
    for (const json& k : j.at("casualties")) c.casualties.push_back(CasualtyFrom(k));
    for (const json& v : j.at("victims")) {
      c.victims.push_back(claims::NamedVictim{v.at("name").get<std::string>(), v.at("affiliation").get<std::string>(),
                                              v.at("doc").get<std::string>(), SpanFrom(v.at("span"))});
    }
    c.sentences = j.at("sentences").get<std::vector<uint32_t>>();
    c.details = j.at("details").get<std::vector<std::string>>();
    c.detail_hashes = claims::HashDetails(c.details);  // derived: not stored
    return c;
  } catch (const json::exception& error) {
    return Status(StatusCode::kDataFormat, std::string("stored candidate: ") + error.what());
  }
}

Result<claims::CandidateIncident> CandidateFromJsonText(const std::string& text) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Status(StatusCode::kDataFormat, "stored candidate is not JSON");
  return CandidateFromJson(parsed);
}

}  // namespace crosscheck::store
