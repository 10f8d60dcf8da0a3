// claims::CandidateIncident <-> JSON, losslessly: the store keeps each document's
// candidates so that a later ingest can re-cluster a block without re-reading articles.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "claims/claim_types.h"
#include "core/status.h"

namespace crosscheck::store {

nlohmann::json CandidateToJson(const claims::CandidateIncident& candidate);
// Exceptions from nlohmann are caught here and come back as a kDataFormat Status.
Result<claims::CandidateIncident> CandidateFromJson(const nlohmann::json& json);
Result<claims::CandidateIncident> CandidateFromJsonText(const std::string& text);

}  // namespace crosscheck::store
