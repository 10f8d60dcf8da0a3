#include "incidents/reconcile.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "claims/event_type.h"
#include "core/date.h"
#include "incidents/cluster.h"

namespace crosscheck::incidents {
namespace {

// Longest spans, in days past the first, of UCDP's date precisions 2 to 4.
constexpr int64_t kFewDays = 6;
constexpr int64_t kWeekSpan = 13;
constexpr int64_t kMonthSpan = 30;

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;
constexpr int kIdHexDigits = 10;

uint64_t Fnv1a(std::string_view text, uint64_t hash = kFnvOffset) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= kFnvPrime;
  }
  return hash;
}

std::string ActorParty(const claims::AttributionClaim& claim) { return claim.actor ? claim.actor->party : ""; }

std::string QualifiedFigure(int64_t value, const std::string& qualifier) {
  static const std::map<std::string, std::string> kWords = {
      {"at_least", "at least "}, {"up_to", "up to "}, {"about", "about "}, {"more_than", "more than "}};
  auto it = kWords.find(qualifier);
  return (it == kWords.end() ? "" : it->second) + std::to_string(value);
}

std::string JoinNames(const std::set<std::string>& names) {
  std::string out;
  size_t i = 0;
  for (const std::string& name : names) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += name;
    ++i;
  }
  return out;
}

// Within one report, a side's own position counts once: "the US military" and "US Central
// Command" denying in one article is one denial. Assertions about others stay per source:
// SANA and a Syrian commander blaming the US are two accounts.
std::vector<claims::AttributionClaim> DedupeAttributions(std::vector<claims::AttributionClaim> claims) {
  std::vector<claims::AttributionClaim> out;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  for (auto& claim : claims) {
    bool own_position = claim.actor && claim.actor->party == claim.source.party;
    const std::string& who = own_position || claim.stance != "asserts" ? claim.source.party : claim.source.name;
    auto key = std::make_tuple(claim.doc, who, ActorParty(claim), claim.stance);
    if (seen.insert(key).second) out.push_back(std::move(claim));
  }
  return out;
}

// One source's figure read twice in a report (killed alone, then killed and injured) is
// one claim: the fuller reading stays.
std::vector<claims::CasualtyClaim> DedupeCasualties(std::vector<claims::CasualtyClaim> claims) {
  // Both rules compare claims of one report only: each claim meets its report's claims, not
  // the whole incident's (an incident of a thousand reports stays linear).
  std::map<std::string_view, std::vector<size_t>> by_doc;
  for (size_t idx = 0; idx < claims.size(); ++idx) by_doc[claims[idx].doc].push_back(idx);
  // A figure the article states in its own voice that a named source in the same report
  // also gives (a headline's "nine dead", the hospital's nine) is the article repeating it.
  std::vector<bool> repeated(claims.size(), false);
  for (const auto& [doc, indices] : by_doc) {
    for (size_t idx : indices) {
      const claims::CasualtyClaim& claim = claims[idx];
      if (claim.source.name == "unattributed") {
        for (size_t other_idx : indices) {
          const claims::CasualtyClaim& other = claims[other_idx];
          repeated[idx] = repeated[idx] || (other.source.name != "unattributed" && other.killed == claim.killed &&
                                            (!claim.injured || other.injured == claim.injured));
        }
      }
    }
  }
  // Kept claims by report, as indices into `out`.
  std::map<std::string, std::vector<size_t>> kept_by_doc;
  std::vector<claims::CasualtyClaim> out;
  for (size_t idx = 0; idx < claims.size(); ++idx) {
    if (repeated[idx]) continue;
    claims::CasualtyClaim& claim = claims[idx];
    bool merged = false;
    std::vector<size_t>& kept_here = kept_by_doc[claim.doc];
    for (size_t kept_idx : kept_here) {
      claims::CasualtyClaim& kept = out[kept_idx];
      // "..., killing four people, according to the monitor. Two passers-by were wounded.":
      // the article's own words right after a source's dead go on with its account.
      const bool goes_on = claim.source.name == "unattributed" && claim.sentence == kept.sentence + 1;
      if (goes_on && kept.killed && !kept.injured && !claim.killed && claim.injured) {
        kept.injured = claim.injured;
        kept.injured_qualifier = claim.injured_qualifier;
        merged = true;
        break;
      }
      if (kept.source.name != claim.source.name) continue;
      bool same_killed = kept.killed == claim.killed;
      bool same_injured = kept.injured == claim.injured || !kept.injured || !claim.injured;
      if (same_killed && same_injured) {
        if (!kept.injured && claim.injured) {
          kept.injured = claim.injured;
          kept.injured_qualifier = claim.injured_qualifier;
        }
        merged = true;
        break;
      }
      // "killed three people, the health ministry said" then "a fourth person was wounded,
      // it said": one source's dead and wounded told apart are one figure.
      if (kept.killed && !kept.injured && !claim.killed && claim.injured) {
        kept.injured = claim.injured;
        kept.injured_qualifier = claim.injured_qualifier;
        merged = true;
        break;
      }
    }
    if (!merged) {
      kept_here.push_back(out.size());
      out.push_back(std::move(claim));
    }
  }
  return out;
}

FigureRange RangeOf(const std::vector<claims::CasualtyClaim>& claims, bool killed) {
  FigureRange range;
  for (const auto& claim : claims) {
    const auto& value = killed ? claim.killed : claim.injured;
    if (!value) continue;
    range.min = range.min ? std::min(*range.min, *value) : *value;
    range.max = range.max ? std::max(*range.max, *value) : *value;
  }
  return range;
}

Rollups RollupsOf(const std::vector<claims::CasualtyClaim>& claims) {
  std::vector<int64_t> values;
  for (const auto& claim : claims) {
    if (claim.killed) values.push_back(*claim.killed);
  }
  Rollups r;
  if (values.empty()) return r;
  std::sort(values.begin(), values.end());
  // ACLED codes the most conservative credible figure; UCDP keeps low/best/high with the
  // median report as best; Airwars publishes the min-max of locally reported deaths.
  r.acled_conservative = values.front();
  r.ucdp_low = values.front();
  r.ucdp_high = values.back();
  r.ucdp_best = values[(values.size() - 1) / 2];
  r.airwars_min = values.front();
  r.airwars_max = values.back();
  return r;
}

std::vector<Conflict> ConflictsOf(const Incident& incident, const std::vector<const claims::CandidateIncident*>& members) {
  std::vector<Conflict> out;
  if (incident.attribution_status == "contested") {
    std::map<std::string, std::set<std::string>> by_position;  // "says United States" -> sources
    for (const auto& claim : incident.attributions) {
      std::string position;
      if (claim.stance == "asserts") position = "say " + claim.actor->name;
      if (claim.stance == "denies") position = "deny " + claim.actor->name + " did it";
      if (claim.stance == "no_comment") position = "decline to comment";
      if (claim.stance == "unknown") position = "say the perpetrator is unidentified";
      by_position[position].insert(claim.source.name);
    }
    std::string detail;
    for (const auto& [position, sources] : by_position) {
      if (!detail.empty()) detail += "; ";
      detail += JoinNames(sources) + " " + position;
    }
    out.push_back({"perpetrator", detail});
  }
  for (bool killed : {true, false}) {
    std::map<int64_t, std::set<std::string>> by_value;
    std::map<int64_t, std::string> qualifier;
    for (const auto& claim : incident.casualties) {
      const auto& value = killed ? claim.killed : claim.injured;
      if (!value) continue;
      by_value[*value].insert(claim.source.name);
      qualifier[*value] = killed ? claim.killed_qualifier : claim.injured_qualifier;
    }
    if (by_value.size() < 2) continue;
    std::string detail;
    for (const auto& [value, sources] : by_value) {
      if (!detail.empty()) detail += " vs ";
      detail += QualifiedFigure(value, qualifier[value]) + " (" + JoinNames(sources) + ")";
    }
    out.push_back({killed ? "killed" : "injured", detail});
  }
  std::set<std::string> dates, places, types;
  for (const auto* member : members) {
    if (member->date.earliest) dates.insert(FormatIsoDate(*member->date.earliest) + " (" + member->doc + ")");
    if (member->place && member->place->resolved) places.insert(member->place->name + " (" + member->doc + ")");
    if (member->event_type != "other") types.insert(member->event_type + " (" + member->doc + ")");
  }
  auto distinct_values = [](const std::set<std::string>& labelled) {
    std::set<std::string> values;
    for (const std::string& s : labelled) values.insert(s.substr(0, s.find(" (")));
    return values.size();
  };
  if (distinct_values(dates) > 1) out.push_back({"date", JoinNames(dates)});
  if (distinct_values(places) > 1) out.push_back({"place", JoinNames(places)});
  if (distinct_values(types) > 1) out.push_back({"weapon", JoinNames(types)});
  return out;
}

}  // namespace

std::string AttributionStatus(const std::vector<claims::AttributionClaim>& claims) {
  std::set<std::string> asserted;
  bool denial = false;
  bool self_claim = false;
  for (const auto& claim : claims) {
    if (claim.stance == "asserts" && claim.actor) {
      asserted.insert(claim.actor->party);
      if (claim.source.party == claim.actor->party) self_claim = true;
    }
    if (claim.stance == "denies") denial = true;
  }
  if (asserted.empty()) return denial ? "denied" : "unknown";
  if (denial || asserted.size() > 1) return "contested";
  return self_claim ? "claimed" : "alleged";
}

Incident Reconcile(const std::vector<const claims::CandidateIncident*>& members) {
  Incident incident;
  std::vector<std::string> keys;
  std::map<std::string, int> votes;
  std::set<std::string> documents;
  std::map<std::string, int> place_count;
  std::set<std::string> mentions_seen;
  incident.background = true;
  for (const auto* member : members) {
    incident.background = incident.background && member->background;
    documents.insert(member->doc);
    keys.push_back(member->doc + "#" + (member->sentences.empty() ? "" : std::to_string(member->sentences.front())));
    for (const auto& [type, count] : member->type_votes) votes[type] += count;
    incident.attributions.insert(incident.attributions.end(), member->attributions.begin(), member->attributions.end());
    incident.casualties.insert(incident.casualties.end(), member->casualties.begin(), member->casualties.end());
    for (const auto& mention : member->place_mentions) {
      if (mentions_seen.insert(mention).second) incident.place_mentions.push_back(mention);
    }
    if (member->place) {
      int& count = place_count[member->place->name];
      ++count;
      // The most reported place; among equals the most precise one. A report's filing town,
      // taken for a scene it never named, yields to any place a report did name.
      const bool guess = member->place->relation == claims::kFiledFromRelation;
      const bool current_guess = incident.place && incident.place->relation == claims::kFiledFromRelation;
      if (!incident.place || (current_guess && !guess) ||
          (current_guess == guess && (count > place_count[incident.place->name] ||
                                      (count == place_count[incident.place->name] &&
                                       member->place->precision < incident.place->precision)))) {
        incident.place = member->place;
      }
    }
    if (member->date.earliest) {
      if (!incident.date.earliest || *member->date.earliest < *incident.date.earliest) incident.date.earliest = member->date.earliest;
      if (!incident.date.latest || *member->date.latest > *incident.date.latest) incident.date.latest = member->date.latest;
    }
    if (member->event_type != "other" &&
        std::find(incident.event_types_reported.begin(), incident.event_types_reported.end(), member->event_type) ==
            incident.event_types_reported.end()) {
      incident.event_types_reported.push_back(member->event_type);
    }
    for (const auto& victim : member->victims) {
      bool known = false;
      for (const auto& kept : incident.named_victims) known |= SameVictimName(kept.name, victim.name);
      if (!known) incident.named_victims.push_back(victim);
    }
  }
  if (incident.date.earliest) {
    int64_t span = *incident.date.latest - *incident.date.earliest;
    // UCDP's date_prec: one day, a few days, a week, a month, a year ("In April 2023").
    incident.date.precision = span == 0 ? 1 : span <= kFewDays ? 2 : span <= kWeekSpan ? 3 : span <= kMonthSpan ? 4 : 5;
  }
  std::sort(keys.begin(), keys.end());
  uint64_t hash = kFnvOffset;
  for (const std::string& key : keys) hash = Fnv1a(key + "\n", hash);
  char id[32];
  std::snprintf(id, sizeof id, "I%0*llx", kIdHexDigits, static_cast<unsigned long long>(hash >> 24));
  incident.id = id;
  incident.documents.assign(documents.begin(), documents.end());
  incident.event_type = claims::ChooseEventType(votes);
  incident.attributions = DedupeAttributions(std::move(incident.attributions));
  incident.casualties = DedupeCasualties(std::move(incident.casualties));
  incident.attribution_status = AttributionStatus(incident.attributions);
  incident.killed = RangeOf(incident.casualties, true);
  incident.injured = RangeOf(incident.casualties, false);
  incident.killed_rollups = RollupsOf(incident.casualties);
  incident.conflicts = ConflictsOf(incident, members);
  return incident;
}

std::vector<Incident> BuildIncidents(const std::vector<claims::CandidateIncident>& candidates) {
  std::vector<Incident> out;
  for (const auto& group : Cluster(candidates)) {
    std::vector<const claims::CandidateIncident*> members;
    for (size_t idx : group) members.push_back(&candidates[idx]);
    out.push_back(Reconcile(members));
  }
  // A ledger reads in time order; what no date places comes last.
  std::sort(out.begin(), out.end(), [](const Incident& a, const Incident& b) {
    if (a.date.earliest.has_value() != b.date.earliest.has_value()) return a.date.earliest.has_value();
    if (a.date.earliest != b.date.earliest) return *a.date.earliest < *b.date.earliest;
    if (a.background != b.background) return !a.background;
    if (a.documents != b.documents) return a.documents < b.documents;
    return a.id < b.id;
  });
  return out;
}

}  // namespace crosscheck::incidents
