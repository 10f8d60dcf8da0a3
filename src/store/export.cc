#include "store/export.h"

#include <map>
#include <set>

namespace crosscheck::store {
namespace {

const Json& Sub(const Json& object, const char* key) {
  static const Json kNull;
  return object.is_object() && object.contains(key) ? object[key] : kNull;
}

std::string Str(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", value.get<double>());
    return buffer;
  }
  return value.dump();
}

std::string At(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return "";
  return Str(object[key]);
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t idx = 0; idx < parts.size(); ++idx) out += (idx ? separator : "") + parts[idx];
  return out;
}

std::vector<std::string> Strings(const Json& array) {
  std::vector<std::string> out;
  if (!array.is_array()) return out;
  for (const Json& value : array) out.push_back(Str(value));
  return out;
}

// Actors asserted to have done it, in claim order without repeats.
std::vector<std::string> AssertedActors(const Json& incident) {
  std::vector<std::string> out;
  for (const Json& claim : incident.value("attribution_claims", Json::array())) {
    if (claim.value("stance", "") != "asserts" || !Sub(claim, "actor").is_string()) continue;
    std::string actor = Sub(claim, "actor").get<std::string>();
    if (std::find(out.begin(), out.end(), actor) == out.end()) out.push_back(actor);
  }
  return out;
}

std::string DominantVictims(const Json& incident) {
  std::set<std::string> kinds;
  for (const Json& claim : incident.value("casualty_claims", Json::array())) {
    std::string victims = claim.value("victims", "unknown");
    if (victims != "unknown") kinds.insert(victims);
  }
  return kinds.size() == 1 ? *kinds.begin() : (kinds.empty() ? "unknown" : "mixed");
}

// ACLED's event taxonomy for crosscheck's event types.
std::pair<std::string, std::string> AcledType(const std::string& type) {
  if (type == "airstrike" || type == "drone_strike") return {"Explosions/Remote violence", "Air/drone strike"};
  if (type == "missile_strike" || type == "shelling") return {"Explosions/Remote violence", "Shelling/artillery/missile attack"};
  if (type == "bombing" || type == "explosion") return {"Explosions/Remote violence", "Remote explosive/landmine/IED"};
  if (type == "raid" || type == "armed_clash") return {"Battles", "Armed clash"};
  return {"Explosions/Remote violence", ""};
}

// ACLED time_precision: 1 the day is known, 2 the week, 3 the month or less precise.
int AcledTimePrecision(const Json& date) {
  int precision = date.is_object() && Sub(date, "precision").is_number() ? Sub(date, "precision").get<int>() : 5;
  return precision <= 1 ? 1 : (precision <= 3 ? 2 : 3);
}

// ACLED geo_precision: 1 the place itself, 2 near it, 3 only a larger region.
int AcledGeoPrecision(const Json& location) {
  int precision = location.is_object() && Sub(location, "precision").is_number() ? Sub(location, "precision").get<int>() : 6;
  return precision <= 1 ? 1 : (precision == 2 ? 2 : 3);
}

}  // namespace

std::string CsvWriter::Field(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void CsvWriter::Row(const std::vector<std::string>& fields) {
  for (size_t idx = 0; idx < fields.size(); ++idx) {
    if (idx) out_ << ',';
    out_ << Field(fields[idx]);
  }
  out_ << "\r\n";
}

bool IsExportFormat(const std::string& format) {
  for (const char* known : kExportFormats) {
    if (format == known) return true;
  }
  return false;
}

const char* ExportContentType(const std::string& format) {
  if (format == "csv" || format == "acled") return "text/csv; charset=utf-8";
  if (format == "geojson") return "application/geo+json";
  return "application/json";
}

void WriteIncidentCsv(std::ostream& out, const std::vector<Json>& incidents) {
  CsvWriter csv(out);
  csv.Row({"id", "event_type", "date_earliest", "date_latest", "date_precision", "place", "country", "admin1", "lat", "lon",
           "geonameid", "location_precision", "attribution_status", "asserted_actors", "killed_min", "killed_max",
           "injured_min", "injured_max", "documents", "conflicts", "background"});
  for (const Json& incident : incidents) {
    const Json& date = Sub(incident, "date");
    const Json& location = Sub(incident, "location");
    std::vector<std::string> conflicts;
    for (const Json& conflict : incident.value("conflicts", Json::array())) {
      conflicts.push_back(At(conflict, "field") + ": " + At(conflict, "detail"));
    }
    csv.Row({At(incident, "id"), At(incident, "event_type"), At(date, "earliest"), At(date, "latest"), At(date, "precision"),
             At(location, "name"), At(location, "country"), At(location, "admin1"), At(location, "lat"),
             At(location, "lon"), At(location, "geonameid"), At(location, "precision"), At(incident, "attribution_status"),
             Join(AssertedActors(incident), "; "), At(Sub(incident, "killed"), "min"), At(Sub(incident, "killed"), "max"),
             At(Sub(incident, "injured"), "min"), At(Sub(incident, "injured"), "max"),
             Join(Strings(incident.value("documents", Json::array())), "; "), Join(conflicts, " | "),
             incident.value("background", false) ? "true" : "false"});
  }
}

Json IncidentGeoJson(const std::vector<Json>& incidents) {
  Json features = Json::array();
  for (const Json& incident : incidents) {
    const Json& location = Sub(incident, "location");
    Json geometry = nullptr;
    if (location.is_object() && Sub(location, "lat").is_number() && Sub(location, "lon").is_number()) {
      // RFC 7946: longitude first.
      geometry = Json{{"type", "Point"}, {"coordinates", Json::array({Sub(location, "lon"), Sub(location, "lat")})}};
    }
    const Json& date = Sub(incident, "date");
    Json properties{{"id", incident.value("id", "")},
                    {"event_type", incident.value("event_type", "")},
                    {"date_earliest", Sub(date, "earliest")},
                    {"date_latest", Sub(date, "latest")},
                    {"place", Sub(location, "name")},
                    {"country", Sub(location, "country")},
                    {"attribution_status", incident.value("attribution_status", "")},
                    {"killed_min", Sub(Sub(incident, "killed"), "min")},
                    {"killed_max", Sub(Sub(incident, "killed"), "max")},
                    {"documents", incident.value("documents", Json::array())},
                    {"background", incident.value("background", false)}};
    features.push_back(Json{{"type", "Feature"}, {"id", incident.value("id", "")}, {"geometry", geometry},
                            {"properties", properties}});
  }
  return Json{{"type", "FeatureCollection"}, {"features", features}};
}

void WriteAcledCsv(std::ostream& out, const std::vector<Json>& incidents, const Json& documents) {
  std::map<std::string, std::string> outlet_of;
  for (const Json& doc : documents) {
    std::string outlet = At(doc, "outlet");
    outlet_of[At(doc, "id")] = outlet.empty() ? At(doc, "id") : outlet;
  }
  CsvWriter csv(out);
  csv.Row({"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
           "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
           "fatalities"});
  for (const Json& incident : incidents) {
    const Json& date = Sub(incident, "date");
    const Json& location = Sub(incident, "location");
    std::string country = At(location, "country");
    std::string event_date = At(date, "earliest");
    auto [event_type, sub_event_type] = AcledType(incident.value("event_type", "other"));
    std::vector<std::string> actors = AssertedActors(incident);
    std::string actor1 = actors.size() == 1 ? actors[0] : (actors.empty() ? "Unidentified Armed Group" : Join(actors, " or "));
    std::string victims = DominantVictims(incident);
    std::string actor2 = victims == "civilians" ? "Civilians" + (country.empty() ? "" : " (" + country + ")") : "";
    std::set<std::string> sources;
    for (const std::string& doc : Strings(incident.value("documents", Json::array()))) {
      sources.insert(outlet_of.count(doc) ? outlet_of[doc] : doc);
    }
    std::vector<std::string> notes;
    notes.push_back("crosscheck " + At(incident, "id") + ": attribution " + At(incident, "attribution_status"));
    for (const Json& conflict : incident.value("conflicts", Json::array())) {
      notes.push_back(At(conflict, "field") + ": " + At(conflict, "detail"));
    }
    std::string fatalities = At(Sub(incident, "killed_rollups"), "acled_conservative");
    if (fatalities.empty()) fatalities = At(Sub(incident, "killed"), "min");
    csv.Row({(country.empty() ? "XX" : country) + "-" + At(incident, "id"), event_date,
             event_date.size() >= 4 ? event_date.substr(0, 4) : "", std::to_string(AcledTimePrecision(date)),
             "Political violence", event_type, sub_event_type, actor1, actor2, country, At(location, "admin1"),
             At(location, "name"), At(location, "lat"), At(location, "lon"), std::to_string(AcledGeoPrecision(location)),
             Join(std::vector<std::string>(sources.begin(), sources.end()), "; "), Join(notes, "; "),
             fatalities.empty() ? "0" : fatalities});
  }
}

void WriteExport(std::ostream& out, const std::string& format, const Json& ledger) {
  std::vector<Json> incidents(Sub(ledger, "incidents").begin(), Sub(ledger, "incidents").end());
  if (format == "csv") {
    WriteIncidentCsv(out, incidents);
  } else if (format == "geojson") {
    out << IncidentGeoJson(incidents).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (format == "acled") {
    WriteAcledCsv(out, incidents, Sub(ledger, "documents"));
  } else {
    out << ledger.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

}  // namespace crosscheck::store
