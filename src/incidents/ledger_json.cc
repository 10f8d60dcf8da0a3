#include "incidents/ledger_json.h"

#include "core/date.h"

namespace crosscheck::incidents {
namespace {

Json OrNull(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

template <typename T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json SpanJson(const ByteSpan& span) { return Json::array({span.begin, span.end}); }

Json RangeJson(const FigureRange& range) { return Json{{"min", OrNull(range.min)}, {"max", OrNull(range.max)}}; }

Json AttributionJson(const claims::AttributionClaim& claim) {
  return Json{{"source", claim.source.name},
              {"actor", claim.actor ? Json(claim.actor->name) : Json(nullptr)},
              {"stance", claim.stance},
              {"hedged", claim.hedged},
              {"doc", claim.doc},
              {"evidence", claim.evidence},
              {"span", SpanJson(claim.span)},
              {"source_person", OrNull(claim.source.person)},
              {"source_side", claim.source.party},
              {"actor_side", claim.actor ? Json(claim.actor->party) : Json(nullptr)},
              {"frame", claim.frame},
              {"source_words", OrNull(claim.source_words)},
              {"actor_words", OrNull(claim.actor_words)}};
}

Json CasualtyJson(const claims::CasualtyClaim& claim) {
  return Json{{"source", claim.source.name},
              {"killed", OrNull(claim.killed)},
              {"killed_qualifier", claim.killed ? Json(claim.killed_qualifier) : Json(nullptr)},
              {"injured", OrNull(claim.injured)},
              {"injured_qualifier", claim.injured ? Json(claim.injured_qualifier) : Json(nullptr)},
              {"victims", claim.victims},
              {"doc", claim.doc},
              {"evidence", claim.evidence},
              {"span", SpanJson(claim.span)},
              {"frame", claim.frame},
              {"number_words", OrNull(claim.number_words)}};
}

}  // namespace

Json DocumentEntry(const Document& doc) {
  return Json{{"id", doc.id},           {"title", OrNull(doc.title)}, {"published", OrNull(doc.published)},
              {"outlet", OrNull(doc.outlet)}, {"url", OrNull(doc.url)},   {"language", OrNull(doc.language)}};
}

Json IncidentJson(const Incident& incident) {
  Json date{{"earliest", incident.date.earliest ? Json(FormatIsoDate(*incident.date.earliest)) : Json(nullptr)},
            {"latest", incident.date.latest ? Json(FormatIsoDate(*incident.date.latest)) : Json(nullptr)},
            {"precision", incident.date.earliest ? Json(incident.date.precision) : Json(nullptr)}};
  Json location = nullptr;
  if (incident.place) {
    const claims::IncidentPlace& p = *incident.place;
    location = Json{{"name", p.name},
                    {"country", OrNull(p.country)},
                    {"admin1", OrNull(p.admin1)},
                    {"lat", p.resolved ? Json(p.lat) : Json(nullptr)},
                    {"lon", p.resolved ? Json(p.lon) : Json(nullptr)},
                    {"geonameid", p.geonameid != 0 ? Json(p.geonameid) : Json(nullptr)},
                    {"precision", p.precision},
                    {"mentions", incident.place_mentions},
                    {"relation", OrNull(p.relation)},
                    {"feature_code", OrNull(p.feature_code)}};
    // The scene estimated from "50 km north-east of Bunia": lat/lon are moved, name and
    // geonameid stay those of the town the distance is counted from.
    if (p.offset_km > 0) location["offset_km"] = p.offset_km;
  }
  Json attributions = Json::array();
  for (const auto& claim : incident.attributions) attributions.push_back(AttributionJson(claim));
  Json casualties = Json::array();
  for (const auto& claim : incident.casualties) casualties.push_back(CasualtyJson(claim));
  Json victims = Json::array();
  for (const auto& victim : incident.named_victims) {
    victims.push_back(Json{{"name", victim.name}, {"affiliation", OrNull(victim.affiliation)}, {"doc", victim.doc}});
  }
  Json conflicts = Json::array();
  for (const auto& conflict : incident.conflicts) conflicts.push_back(Json{{"field", conflict.field}, {"detail", conflict.detail}});
  const Rollups& r = incident.killed_rollups;
  return Json{{"id", incident.id},
              {"event_type", incident.event_type},
              {"date", date},
              {"location", location},
              {"documents", incident.documents},
              {"attribution_status", incident.attribution_status},
              {"attribution_claims", attributions},
              {"casualty_claims", casualties},
              {"killed", RangeJson(incident.killed)},
              {"injured", RangeJson(incident.injured)},
              {"named_victims", victims},
              {"conflicts", conflicts},
              {"background", incident.background},
              {"event_types_reported", incident.event_types_reported},
              {"killed_rollups", Json{{"acled_conservative", OrNull(r.acled_conservative)},
                                      {"ucdp_low", OrNull(r.ucdp_low)},
                                      {"ucdp_best", OrNull(r.ucdp_best)},
                                      {"ucdp_high", OrNull(r.ucdp_high)},
                                      {"airwars_min", OrNull(r.airwars_min)},
                                      {"airwars_max", OrNull(r.airwars_max)}}}};
}

Json DiagnosticJson(const Diagnostic& d) {
  return Json{{"document", d.document}, {"origin", d.origin}, {"code", d.code}, {"message", d.message},
              {"skipped", d.skipped}};
}

bool BackgroundMention(const Incident& incident) { return incident.background && !incident.date.earliest; }

Json LedgerJson(const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                const std::vector<Diagnostic>& diagnostics, const std::string& data_version) {
  Json docs = Json::array();
  for (const Document& doc : documents) docs.push_back(DocumentEntry(doc));
  Json incs = Json::array();
  Json mentions = Json::array();
  for (const Incident& incident : incidents) {
    (BackgroundMention(incident) ? mentions : incs).push_back(IncidentJson(incident));
  }
  Json diags = Json::array();
  for (const Diagnostic& d : diagnostics) diags.push_back(DiagnosticJson(d));
  return Json{{"schema", kLedgerSchema},  {"data_version", data_version},       {"documents", docs},
              {"incidents", incs},         {"background_mentions", mentions},     {"diagnostics", diags}};
}

namespace {

constexpr int kIndent = 2;

std::string Dumped(const Json& value) {
  return value.dump(kIndent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// One array element as dump(2) writes it two levels down: every line indented by four.
// JSON strings escape their line breaks, so every raw one is between tokens.
void WriteNested(std::ostream& out, const Json& value) {
  const std::string text = Dumped(value);
  out << "    ";
  size_t start = 0;
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(end + 1 - start));
    out << "    ";
    start = end + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

template <typename Item, typename ToJson>
void WriteArray(std::ostream& out, const char* key, const std::vector<Item>& items, ToJson to_json, bool last) {
  out << "  " << Json(key).dump() << ": ";
  if (items.empty()) {
    out << "[]";
  } else {
    out << "[\n";
    for (size_t idx = 0; idx < items.size(); ++idx) {
      WriteNested(out, to_json(items[idx]));
      out << (idx + 1 < items.size() ? ",\n" : "\n");
    }
    out << "  ]";
  }
  out << (last ? "\n" : ",\n");
}

}  // namespace

void WriteLedgerJson(std::ostream& out, const std::vector<Document>& documents, const std::vector<Incident>& incidents,
                     const std::vector<Diagnostic>& diagnostics, const std::string& data_version) {
  out << "{\n  \"schema\": " << Json(kLedgerSchema).dump() << ",\n  \"data_version\": "
      << Json(data_version).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << ",\n";
  WriteArray(out, "documents", documents, [](const Document& doc) { return DocumentEntry(doc); }, false);
  // An earlier attack told in passing with no date is no ledger row: it is kept apart, with
  // its evidence, as a background mention.
  std::vector<const Incident*> rows;
  std::vector<const Incident*> mentions;
  for (const Incident& incident : incidents) (BackgroundMention(incident) ? mentions : rows).push_back(&incident);
  auto incident_json = [](const Incident* incident) { return IncidentJson(*incident); };
  WriteArray(out, "incidents", rows, incident_json, false);
  WriteArray(out, "background_mentions", mentions, incident_json, false);
  WriteArray(out, "diagnostics", diagnostics,
             [](const Diagnostic& d) { return DiagnosticJson(d); }, true);
  out << "}";
}

}  // namespace crosscheck::incidents
