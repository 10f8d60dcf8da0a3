// Attribution frames: who the reported clause says carried out the attack, and with
// what stance. Perpetrators come from adjectival and nominal uses ("an American
// strike", "Israeli drones"), subjects of attack verbs ("a US plane hit"), passives
// ("carried out by X", "strikes by X"), possessives ("the coalition's raid"), blame
// verbs ("blamed the coalition"), and self-claims ("claimed responsibility", "said it
// struck"). Negation, deny verbs and denial phrases make a denial; hedges mark it.
#pragma once

#include <vector>

#include "claims/claim_types.h"
#include "claims/sentence_context.h"
#include "claims/coreference.h"
#include "claims/sources.h"

namespace crosscheck::claims {

std::vector<AttributionClaim> ReadAttributions(const SentenceContext& sentence, const SourceFrame& frame,
                                               const Coreference& coreference);

// No-comments outside every reporting frame ("..., while AFRICOM declined to comment"),
// each said of the party named right before it.
std::vector<AttributionClaim> ReadStrayNoComments(const SentenceContext& sentence, const std::vector<SourceFrame>& frames);

// True when the clause only speaks of attacks in general ("it is not unusual for the US
// to use air power", "frequently witnesses Israeli strikes").
bool IsGenericStatement(const SentenceContext& sentence, uint32_t first, uint32_t end);

}  // namespace crosscheck::claims
