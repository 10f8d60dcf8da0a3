// Reconciliation: one incident's claims across reports laid side by side — attribution
// status, killed/injured ranges and rollups, conflicts in plain words, merged victims,
// and a stable id derived from content.
#pragma once

#include <vector>

#include "claims/claim_types.h"
#include "incidents/incident.h"

namespace crosscheck::incidents {

Incident Reconcile(const std::vector<const claims::CandidateIncident*>& members);

// LEDGER.md: claimed | alleged | contested | denied | unknown.
std::string AttributionStatus(const std::vector<claims::AttributionClaim>& claims);

// Cluster and reconcile a whole batch, incidents in a canonical order.
std::vector<Incident> BuildIncidents(const std::vector<claims::CandidateIncident>& candidates);

}  // namespace crosscheck::incidents
