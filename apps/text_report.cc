#include "text_report.h"

#include <map>

#include "core/date.h"

namespace crosscheck::app {
namespace {

std::string DateText(const claims::DateRange& date) {
  if (!date.earliest) return "date unknown";
  std::string first = FormatIsoDate(*date.earliest);
  if (!date.latest || *date.latest == *date.earliest) return first;
  return first + " to " + FormatIsoDate(*date.latest);
}

std::string PlaceText(const incidents::Incident& incident) {
  if (!incident.place) return "place unknown";
  std::string out = incident.place->name;
  if (!incident.place->country.empty()) out += ", " + incident.place->country;
  if (!incident.place_mentions.empty()) {
    out += " (written:";
    for (size_t i = 0; i < incident.place_mentions.size(); ++i) out += (i ? ", " : " ") + incident.place_mentions[i];
    out += ")";
  }
  return out;
}

std::string Figure(const std::optional<int64_t>& value, const std::string& qualifier) {
  if (!value) return "-";
  static const std::map<std::string, std::string> kWords = {
      {"at_least", "at least "}, {"up_to", "up to "}, {"about", "about "}, {"more_than", "more than "}};
  auto it = kWords.find(qualifier);
  return (it == kWords.end() ? "" : it->second) + std::to_string(*value);
}

std::string Stance(const claims::AttributionClaim& claim) {
  std::string actor = claim.actor ? claim.actor->name : "";
  bool self = claim.actor && claim.actor->party == claim.source.party;
  if (self && claim.stance == "asserts") return claim.hedged ? "suggests it did it" : "says it did it";
  if (self && claim.stance == "denies") return "denies any part in it";
  if (claim.stance == "asserts") return std::string(claim.hedged ? "suspects " : "says ") + actor;
  if (claim.stance == "denies") return "denies " + actor + " did it";
  if (claim.stance == "no_comment") return "declines to comment";
  return "says the perpetrator is unidentified";
}

}  // namespace

void PrintReport(std::ostream& out, const std::vector<Document>& documents,
                 const std::vector<incidents::Incident>& incidents, bool markdown) {
  const char* h1 = markdown ? "## " : "";
  const char* bullet = markdown ? "- " : "  ";
  const char* quote = markdown ? "  > " : "      \"";
  const char* quote_end = markdown ? "" : "\"";
  out << (markdown ? "# " : "") << "crosscheck: " << incidents.size() << " incidents from " << documents.size()
      << " reports\n\n";
  for (const auto& incident : incidents) {
    out << h1 << incident.id << (incident.background ? " (background mention)" : "") << " - " << incident.event_type
        << ", " << DateText(incident.date) << ", " << PlaceText(incident) << "\n";
    out << bullet << "status: " << incident.attribution_status << "; reports: ";
    for (size_t i = 0; i < incident.documents.size(); ++i) out << (i ? ", " : "") << incident.documents[i];
    out << "\n";
    if (!incident.attributions.empty()) {
      out << (markdown ? "\n**Who says who did it**\n\n" : "  who says who did it:\n");
      for (const auto& claim : incident.attributions) {
        out << bullet << (markdown ? "" : "  ") << claim.source.name << " " << Stance(claim) << " [" << claim.doc << "]\n";
        out << quote << claim.evidence << quote_end << "\n";
      }
    }
    if (!incident.casualties.empty()) {
      out << (markdown ? "\n**Casualty figures**\n\n" : "  casualty figures:\n");
      for (const auto& claim : incident.casualties) {
        out << bullet << (markdown ? "" : "  ") << claim.source.name << ": killed " << Figure(claim.killed, claim.killed_qualifier)
            << ", injured " << Figure(claim.injured, claim.injured_qualifier) << " (" << claim.victims << ") ["
            << claim.doc << "]\n";
        out << quote << claim.evidence << quote_end << "\n";
      }
    }
    if (!incident.named_victims.empty()) {
      out << (markdown ? "\n**Named victims**\n\n" : "  named victims:\n");
      for (const auto& victim : incident.named_victims) {
        out << bullet << (markdown ? "" : "  ") << victim.name
            << (victim.affiliation.empty() ? "" : " (" + victim.affiliation + ")") << " [" << victim.doc << "]\n";
      }
    }
    if (!incident.conflicts.empty()) {
      out << (markdown ? "\n**Where the sources disagree**\n\n" : "  where the sources disagree:\n");
      for (const auto& conflict : incident.conflicts) {
        out << bullet << (markdown ? "" : "  ") << conflict.field << ": " << conflict.detail << "\n";
      }
    }
    out << "\n";
  }
}

}  // namespace crosscheck::app
