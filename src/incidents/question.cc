#include "incidents/question.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/date.h"
#include "core/geo.h"

namespace crosscheck::incidents {
namespace {

constexpr int kCoarsePrecision = 4;

bool PlaceFits(const claims::IncidentPlace& asked, const Incident& incident) {
  if (!incident.place || !incident.place->resolved) return false;
  const claims::IncidentPlace& p = *incident.place;
  if (asked.geonameid != 0 && asked.geonameid == p.geonameid) return true;
  if (asked.precision >= kCoarsePrecision) return !asked.country.empty() && asked.country == p.country;
  return DistanceKm(asked.lat, asked.lon, p.lat, p.lon) <= kQuestionPlaceKm;
}

bool TimeFits(const Question& q, const Incident& incident) {
  if (!q.from && !q.to) return true;
  if (!incident.date.earliest) return false;  // an undated incident cannot be said to fit
  if (q.from && *incident.date.latest < *q.from) return false;
  if (q.to && *incident.date.earliest > *q.to) return false;
  return true;
}

bool PartyFits(const Question& q, const Incident& incident) {
  if (q.party.empty()) return true;
  for (const auto& claim : incident.attributions) {
    if ((claim.actor && claim.actor->party == q.party) || claim.source.party == q.party) return true;
  }
  return false;
}

std::string Figure(const std::optional<int64_t>& value, const std::string& qualifier) {
  if (!value) return "-";
  std::string prefix = qualifier == "at_least" ? "at least " : qualifier == "up_to" ? "up to " :
                       qualifier == "about" ? "about " : qualifier == "more_than" ? "more than " : "";
  return prefix + std::to_string(*value);
}

std::string Header(const Incident& incident) {
  std::ostringstream out;
  out << incident.id << ": " << incident.event_type << " at "
      << (incident.place ? incident.place->name + (incident.place->country.empty() ? "" : ", " + incident.place->country)
                         : std::string("an unknown place"))
      << ", " << (incident.date.earliest ? FormatIsoDate(*incident.date.earliest) : std::string("date unknown"))
      << " (" << incident.documents.size() << " reports, attribution " << incident.attribution_status << ")";
  return out.str();
}

}  // namespace

std::vector<const Incident*> MatchQuestion(const Question& question, const std::vector<Incident>& incidents) {
  std::vector<const Incident*> out;
  for (const Incident& incident : incidents) {
    if (incident.background) continue;
    if (question.place && !PlaceFits(*question.place, incident)) continue;
    if (!TimeFits(question, incident)) continue;
    if (!PartyFits(question, incident)) continue;
    if (!question.event_type.empty() && incident.event_type != question.event_type &&
        !(question.event_type == "airstrike" && incident.event_type == "drone_strike")) {
      continue;
    }
    out.push_back(&incident);
  }
  // Oldest first, undated last, then by id: the same answer whichever order the ledger
  // was built or stored in.
  std::sort(out.begin(), out.end(), [](const Incident* a, const Incident* b) {
    if (a->date.earliest.has_value() != b->date.earliest.has_value()) return a->date.earliest.has_value();
    if (a->date.earliest != b->date.earliest) return *a->date.earliest < *b->date.earliest;
    return a->id < b->id;
  });
  return out;
}

std::string Answer(const Question& question, const std::vector<const Incident*>& matches) {
  std::ostringstream out;
  if (matches.empty()) {
    out << "No incident in these reports answers the question";
    if (question.place) out << " (place: " << question.place->name << ")";
    if (question.from) out << " (from " << FormatIsoDate(*question.from) << " to " << FormatIsoDate(*question.to) << ")";
    out << ".\n";
    return out.str();
  }
  for (const Incident* incident : matches) {
    out << Header(*incident) << "\n";
    switch (question.asked) {
      case Asked::kWho:
      case Asked::kWhat:
        for (const auto& claim : incident->attributions) {
          out << "  " << claim.source.name << " " << claim.stance << " "
              << (claim.actor ? claim.actor->name : std::string("(unidentified)")) << (claim.hedged ? " (hedged)" : "")
              << " [" << claim.doc << "]\n      \"" << claim.evidence << "\"\n";
        }
        if (question.asked == Asked::kWho) break;
        [[fallthrough]];
      case Asked::kHowMany:
        for (const auto& claim : incident->casualties) {
          out << "  " << claim.source.name << ": killed " << Figure(claim.killed, claim.killed_qualifier) << ", injured "
              << Figure(claim.injured, claim.injured_qualifier) << " [" << claim.doc << "]\n      \"" << claim.evidence
              << "\"\n";
        }
        if (incident->killed.min) {
          out << "  killed: " << *incident->killed.min << " to " << *incident->killed.max << " across sources\n";
        }
        break;
      case Asked::kWhen:
        out << "  date: " << (incident->date.earliest ? FormatIsoDate(*incident->date.earliest) : std::string("not given"))
            << (incident->date.earliest && *incident->date.latest != *incident->date.earliest
                    ? " to " + FormatIsoDate(*incident->date.latest)
                    : std::string())
            << "\n";
        break;
      case Asked::kWhere:
        if (incident->place) {
          out << "  place: " << incident->place->name << " (" << incident->place->lat << ", " << incident->place->lon
              << "), written as:";
          for (const auto& mention : incident->place_mentions) out << " " << mention << ";";
          out << "\n";
        }
        break;
    }
    for (const auto& conflict : incident->conflicts) out << "  disagreement on " << conflict.field << ": " << conflict.detail << "\n";
  }
  return out.str();
}

}  // namespace crosscheck::incidents
