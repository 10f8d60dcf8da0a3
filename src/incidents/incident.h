// One incident of the ledger: the candidates of several reports merged, with the
// reconciled view (status, ranges, rollups, conflicts) analysts read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "claims/claim_types.h"

namespace crosscheck::incidents {

struct FigureRange {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

// The rollups analysts use, beside the plain range.
struct Rollups {
  std::optional<int64_t> acled_conservative;  // ACLED: the lowest credible reported figure
  std::optional<int64_t> ucdp_low;            // UCDP GED: low / best / high estimates
  std::optional<int64_t> ucdp_best;
  std::optional<int64_t> ucdp_high;
  std::optional<int64_t> airwars_min;         // Airwars: the range of locally reported deaths
  std::optional<int64_t> airwars_max;
};

struct Conflict {
  std::string field;   // perpetrator | killed | injured | date | place | weapon
  std::string detail;  // one line naming the sources on each side
};

struct Incident {
  std::string id;
  bool background = false;
  std::string event_type;
  claims::DateRange date;
  std::optional<claims::IncidentPlace> place;
  std::vector<std::string> place_mentions;
  std::vector<std::string> documents;
  std::string attribution_status;
  std::vector<claims::AttributionClaim> attributions;
  std::vector<claims::CasualtyClaim> casualties;
  FigureRange killed;
  FigureRange injured;
  Rollups killed_rollups;
  std::vector<claims::NamedVictim> named_victims;
  std::vector<Conflict> conflicts;
  std::vector<std::string> event_types_reported;  // every kind some report used
};

}  // namespace crosscheck::incidents
