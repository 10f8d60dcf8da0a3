// Named victims: "the martyrdom of NAME", "the death of NAME", "NAME, who was killed",
// "NAME was killed", "identified as NAME", with an affiliation from ", a member of X".
#pragma once

#include <vector>

#include "claims/claim_types.h"
#include "claims/sentence_context.h"

namespace crosscheck::claims {

std::vector<NamedVictim> ReadNamedVictims(const SentenceContext& sentence);

}  // namespace crosscheck::claims
