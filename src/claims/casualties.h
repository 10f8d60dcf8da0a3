// Casualty frames: "NUM VICTIM were killed", "killing at least NUM", "left NUM dead",
// "the death toll rose to NUM", "the martyrdom of NUM fighters", "NUM bodies"; killed
// versus injured; sub-counts ("including seven children") and cumulative tolls
// ("since 2014") are not claims; a coordinated breakdown ("12 women, eight children and
// seven men") is summed.
#pragma once

#include <vector>

#include "claims/claim_types.h"
#include "claims/numbers.h"
#include "claims/sentence_context.h"
#include "claims/sources.h"

namespace crosscheck::claims {

// "were", "had been", "got": an auxiliary of the passive before a casualty word ("were
// killed" is the dead's, "had killed" the killers').
bool PassiveAuxiliary(const SentenceContext& sentence, uint32_t token);

// "The number of people killed in this morning's missile strike": a cumulative phrase that
// counts the dead of one attack (a singular attack noun close after it), not of a war.
bool CountsOneAttack(const SentenceContext& sentence, const CueHit& cumulative);

// Each figure takes the source of the frame whose clause holds it, else the article's voice;
// a speaker reported inside that clause before the figure ("hours after Kurdish officials
// said a strike had killed three") tells it instead.
std::vector<CasualtyClaim> ReadCasualties(const SentenceContext& sentence, const std::vector<SourceFrame>& frames,
                                          const Coreference& coreference, std::vector<std::string>* notes);

}  // namespace crosscheck::claims
