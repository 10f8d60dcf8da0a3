// The claims stage: reads one analysed document into candidate incidents, each with
// its attribution and casualty claims, date, place, kind of attack and named victims.
// Sentences about another attack (another place, another date, "an earlier strike")
// go to background incidents, never to the main one. Pure: thread-safe given a Lexicon.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "claims/claim_types.h"
#include "claims/document_view.h"
#include "claims/lexicon.h"

namespace crosscheck::claims {

DocumentClaims ExtractClaims(const DocumentView& view, const Lexicon& lexicon);

// The detail words hashed, sorted and unique (CandidateIncident::detail_hashes).
std::vector<uint64_t> HashDetails(const std::vector<std::string>& details);

}  // namespace crosscheck::claims
